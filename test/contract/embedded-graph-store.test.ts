import { EmbeddedGraphStore } from '../../src/adapters/embedded/embedded-graph-store';
import { defineGraphStoreContract } from './graph-store.contract';

defineGraphStoreContract('embedded (graphology)', async (dataset) => EmbeddedGraphStore.fromDataset(dataset));
