import { Neo4jGraphStore } from '../../src/adapters/neo4j/neo4j-graph-store';
import type { StoreHarness } from '../property/integrity-model';
import { checkIntegrityModel, newTally, printTally } from '../property/integrity-model';
import { describeOnNeo4j, reseed } from '../support/neo4j';
import { readDataset } from '../support/store-dataset';

// The integrity model of test/property on a real Neo4j, smaller: every write is a round trip and
// every sequence starts from a reseeded database. A restart is a new driver on the same database;
// the export is what the store answers, read in both directions of every link, unlock counts
// (kept on the nodes by Neo4j) included.
const SIZE = { numRuns: Number(process.env.RUNS ?? 15), maxCommands: 30 };

describeOnNeo4j('integrity rules under random edits (neo4j store)', (served) => {
  // What is checked is which edits the rules accept, not how fast: a write that a busy shared
  // machine holds up past the served bound (NEO4J_TIMEOUT_MS, 2.5 s) must not fail the property.
  const config = { ...served, timeoutMs: Math.max(served.timeoutMs, 15_000) };
  const neo4j: StoreHarness = {
    async open(dataset) {
      await reseed(config, dataset);
      return Neo4jGraphStore.connect(config);
    },
    async reopen(store) {
      await store.close();
      return Neo4jGraphStore.connect(config);
    },
    exported: (store) => readDataset(store),
    close: (store) => store.close(),
  };

  afterAll(() => reseed(config));

  it('accepts an edit exactly when the loader would load its result, keeps that graph through restarts, and changes nothing otherwise', async () => {
    const tally = newTally();
    const started = Date.now();
    await checkIntegrityModel(neo4j, SIZE, tally);
    printTally('neo4j', tally, started);
  }, 600_000);
});
