import type { Config } from '../config';
import { readDataset } from '../dataset/load-dataset';
import { validateDataset } from '../dataset/validate-dataset';
import type { GraphStore } from '../domain/ports/graph-store.port';
import { EmbeddedGraphStore, type OpeningReport } from './embedded/embedded-graph-store';
import { Neo4jGraphStore } from './neo4j/neo4j-graph-store';

/**
 * Neo4j when NEO4J_URI is set; otherwise the embedded store: the canonical dataset with the
 * changes of its journal (DATA_FILE) replayed on top.
 */
export async function createStore(config: Config): Promise<{ store: GraphStore; opening: OpeningReport | null }> {
  if (config.neo4j !== null) return { store: Neo4jGraphStore.connect(config.neo4j), opening: null };
  const store = await EmbeddedGraphStore.open({
    ...readDataset(config.dataDir),
    journalFile: config.dataFile,
    validate: validateDataset,
    minFreeBytes: config.journalMinFreeBytes,
  });
  return { store, opening: store.opening };
}
