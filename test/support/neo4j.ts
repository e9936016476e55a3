import type { Driver } from 'neo4j-driver';

import { createNeo4jDriver } from '../../src/adapters/neo4j/neo4j-driver.factory';
import type { SeedChanges } from '../../src/adapters/neo4j/neo4j-import';
import { seedNeo4j } from '../../src/adapters/neo4j/neo4j-import';
import type { Neo4jConfig } from '../../src/config';
import { loadConfig } from '../../src/config';
import type { Dataset } from '../../src/dataset/dataset.types';
import { loadDataset } from '../../src/dataset/load-dataset';
import type { TestServer } from './test-server';
import { startTestServer } from './test-server';

// The Neo4j tier: *.neo4j.test.ts files need a Neo4j 5 at NEO4J_URI (with NEO4J_PASSWORD, and
// NEO4J_DATABASE if not "neo4j"). Each REPLACES the skill graph in that database, so they run
// one at a time (npm run test:neo4j passes --runInBand). `npm run neo4j:start` starts one.

const neo4jConfig: Neo4jConfig | null = loadConfig(process.env).neo4j;

/** `describe` when Neo4j is configured; otherwise one skipped test that says how to run it. */
export function describeOnNeo4j(title: string, body: (config: Neo4jConfig) => void): void {
  if (neo4jConfig === null) {
    describe.skip(`${title} (set NEO4J_URI to run)`, () => {
      it('needs a Neo4j: npm run neo4j:start, then npm run test:neo4j', () => undefined);
    });
    return;
  }
  const config = neo4jConfig;
  describe(title, () => body(config));
}

/** Seeding writes a few hundred nodes in one transaction: it gets more time than a request. */
export function seedDriver(config: Neo4jConfig): Driver {
  return createNeo4jDriver({ ...config, timeoutMs: Math.max(config.timeoutMs, 30_000) });
}

/** Replaces the graph in the database with `dataset` (the canonical one by default). */
export async function reseed(config: Neo4jConfig, dataset: Dataset = loadDataset()): Promise<SeedChanges> {
  const driver = seedDriver(config);
  try {
    return await seedNeo4j(driver, dataset, { database: config.database, reset: true });
  } finally {
    await driver.close();
  }
}

/** The real API on a free port, serving the Neo4j of `config` (or another URI, such as a proxy's). */
export function startOnNeo4j(
  config: Neo4jConfig,
  env: Record<string, string> = {},
  uri: string = config.uri,
): Promise<TestServer> {
  return startTestServer({
    NEO4J_URI: uri,
    NEO4J_USER: config.user,
    NEO4J_PASSWORD: config.password,
    NEO4J_DATABASE: config.database,
    NEO4J_TIMEOUT_MS: String(config.timeoutMs),
    ...env,
  });
}
