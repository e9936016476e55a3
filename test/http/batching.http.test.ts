import { EmbeddedGraphStore } from '../../src/adapters/embedded/embedded-graph-store';
import { loadDataset } from '../../src/dataset/load-dataset';
import { defineBatchingSuite } from './batching-suite';

defineBatchingSuite('embedded', async () => EmbeddedGraphStore.fromDataset(loadDataset()));
