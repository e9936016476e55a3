import { seedNeo4j } from '../../src/adapters/neo4j/neo4j-import';
import { loadDataset } from '../../src/dataset/load-dataset';
import { describeOnNeo4j, reseed, seedDriver, startOnNeo4j } from '../support/neo4j';
import type { TestServer } from '../support/test-server';
import { execute } from '../support/test-server';

// `db:seed` and `db:seed --reset` replace the graph under a running API. Each runs as one
// transaction, so a reader sees the graph before or after it, never the deleted-but-not-yet-
// reimported middle. The seeds here write the same dataset again, so every answer during them
// must equal the answer before them.

const QUERIES = [
  `{ skills(first: 100) { totalCount edges { node { slug area { slug } prerequisites { skill { slug } reason }
     resources { slug } } } } }`,
  '{ prerequisiteChain(skill: "distributed-transactions") { order { slug } edges { from { slug } to { slug } reason } } }',
  '{ areas { slug skillCount } levels { slug responsibilities { slug } } }',
  '{ resources(first: 0) { totalCount } search(text: "caching", first: 3) { __typename } }',
];

describeOnNeo4j('seeding Neo4j while the API serves it', (config) => {
  let api: TestServer;
  const baseline: string[] = [];
  beforeAll(async () => {
    await reseed(config);
    api = await startOnNeo4j(config);
    for (const query of QUERIES) {
      const { data, errors } = await execute(api.client, query);
      expect(errors).toEqual([]);
      baseline.push(JSON.stringify(data));
    }
  });
  afterAll(() => api?.close());

  it('never shows readers a half-written graph, with or without --reset', async () => {
    const dataset = loadDataset();
    let seeding = true;
    let reads = 0;
    const differences: string[] = [];
    const reader = async (offset: number) => {
      for (let i = offset; seeding; i++) {
        const q = i % QUERIES.length;
        const answer = await execute(api.client, QUERIES[q]).then(
          ({ data, errors }) => (errors.length > 0 ? `errors: ${JSON.stringify(errors)}` : JSON.stringify(data)),
          (error: unknown) => `request failed: ${String(error)}`,
        );
        reads += 1;
        if (answer !== baseline[q]) differences.push(`query ${q}: ${answer.slice(0, 300)}`);
      }
    };
    const readers = [0, 1, 2, 3].map(reader);

    const driver = seedDriver(config);
    try {
      for (const reset of [true, false, true, false, true]) {
        await seedNeo4j(driver, dataset, { database: config.database, reset });
      }
    } finally {
      seeding = false;
      await Promise.all(readers);
      await driver.close();
    }
    expect(differences).toEqual([]);
    // The readers really overlapped the seeds (five seeds take well over a second).
    expect(reads).toBeGreaterThan(20);
  });
});
