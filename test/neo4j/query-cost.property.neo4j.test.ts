import { checkCostSoundness, expectUsefulCoverage } from '../property/query-cost-property';
import type { LogCapture } from '../support/log-capture';
import { describeOnNeo4j, reseed } from '../support/neo4j';
import { startTestServer } from '../support/test-server';

// The cost property of test/property on a real Neo4j: its graph extent comes from
// graph-extent.cypher, its lists from the Cypher reads, so the bounds are checked against them.
describeOnNeo4j('the cost estimate (neo4j store)', (config) => {
  beforeAll(() => reseed(config));

  it('is never below what a random accepted query returns, and the result budget always holds', async () => {
    const start = (env: Record<string, string>, logs: LogCapture) =>
      startTestServer(
        {
          NEO4J_URI: config.uri,
          NEO4J_USER: config.user,
          NEO4J_PASSWORD: config.password,
          NEO4J_DATABASE: config.database,
          NEO4J_TIMEOUT_MS: String(Math.max(config.timeoutMs, 15_000)),
          ...env,
        },
        { logStream: logs },
      );
    const seen = await checkCostSoundness(start, { runs: 150, seed: 70_000 });
    expectUsefulCoverage(seen);
  }, 600_000);
});
