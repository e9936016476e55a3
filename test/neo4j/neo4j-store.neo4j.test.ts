import { createNeo4jDriver } from '../../src/adapters/neo4j/neo4j-driver.factory';
import { Neo4jGraphStore } from '../../src/adapters/neo4j/neo4j-graph-store';
import { seedNeo4j } from '../../src/adapters/neo4j/neo4j-import';
import type { Neo4jConfig } from '../../src/config';
import { loadConfig } from '../../src/config';
import { loadDataset } from '../../src/dataset/load-dataset';
import { defineGraphStoreContract } from '../contract/graph-store.contract';
import { defineEditingSuite } from '../http/editing-suite';
import { defineLearningSuite } from '../http/learning-suite';
import { defineQuerySuite } from '../http/query-suite';
import { startTestServer } from '../support/test-server';

// Needs a Neo4j 5 at NEO4J_URI (with NEO4J_PASSWORD, and NEO4J_DATABASE if not "neo4j").
// It REPLACES the skill graph in that database: first with the contract fixture, then with the
// canonical dataset, which it leaves in place with a few test skills added by the editing suite.
// One file, so the suites never run at the same time.

const neo4j = loadConfig(process.env).neo4j;

if (neo4j === null) {
  process.stderr.write('\n  Neo4j contract skipped: NEO4J_URI is not set. See "Run on Neo4j" in the README.\n\n');
  describe.skip('Neo4j store (set NEO4J_URI to run)', () => {
    it('passes the GraphStore contract and the HTTP query suite', () => undefined);
  });
} else {
  defineNeo4jSuites(neo4j);
}

function defineNeo4jSuites(config: Neo4jConfig): void {
  // Seeding writes a few hundred nodes in one transaction: give it more than a request gets.
  const seedConfig = { ...config, timeoutMs: Math.max(config.timeoutMs, 30_000) };

  defineGraphStoreContract('neo4j', async (dataset) => {
    const driver = createNeo4jDriver(seedConfig);
    await seedNeo4j(driver, dataset, { database: config.database, reset: true });
    return new Neo4jGraphStore(driver, config);
  });

  describe('the import of the canonical dataset', () => {
    it('creates the graph once, and a second run creates and deletes nothing', async () => {
      const driver = createNeo4jDriver(seedConfig);
      try {
        const dataset = loadDataset();
        const first = await seedNeo4j(driver, dataset, { database: config.database, reset: true });
        expect(first.nodesCreated).toBe(
          dataset.areas.length +
            dataset.levels.length +
            dataset.skills.length +
            dataset.responsibilities.length +
            dataset.resources.length,
        );
        const second = await seedNeo4j(driver, dataset, { database: config.database });
        expect(second).toEqual({ nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0 });
      } finally {
        await driver.close();
      }
    });
  });

  const startOnNeo4j = (env: Record<string, string> = {}) =>
    startTestServer({
      ...env,
      NEO4J_URI: config.uri,
      NEO4J_USER: config.user,
      NEO4J_PASSWORD: config.password,
      NEO4J_DATABASE: config.database,
      NEO4J_TIMEOUT_MS: String(config.timeoutMs),
    });
  defineQuerySuite('neo4j', () => startOnNeo4j());
  defineLearningSuite('neo4j', () => startOnNeo4j());
  // Last: it adds skills of its own (uniquely named) to the canonical graph.
  defineEditingSuite('neo4j', startOnNeo4j);
}
