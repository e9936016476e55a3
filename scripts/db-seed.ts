import { Neo4jError } from 'neo4j-driver';

import { createNeo4jDriver } from '../src/adapters/neo4j/neo4j-driver.factory';
import { seedNeo4j } from '../src/adapters/neo4j/neo4j-import';
import { ConfigError, loadConfig } from '../src/config';
import { loadDataset } from '../src/dataset/load-dataset';
import { InvalidDatasetError } from '../src/domain/model/domain-error';

// npm run db:seed [-- --reset]: applies cypher/schema.cypher and imports data/ into the Neo4j
// configured by NEO4J_URI and friends, in one transaction. --reset also deletes what data/ does
// not hold (skills and edges added through the API, history, problem reports), so the database
// holds exactly the dataset. Safe while the API serves: readers see the old graph or the new one.
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.neo4j === null) throw new ConfigError(['NEO4J_URI: is required to seed Neo4j']);
  const dataset = loadDataset(config.dataDir);
  const driver = createNeo4jDriver({ ...config.neo4j, timeoutMs: Math.max(config.neo4j.timeoutMs, 30_000) });
  try {
    const changes = await seedNeo4j(driver, dataset, {
      database: config.neo4j.database,
      reset: process.argv.includes('--reset'),
    });
    process.stdout.write(
      `seeded ${config.neo4j.database}: ${dataset.skills.length} skills, ${dataset.prerequisites.length} prerequisites, ` +
        `${dataset.resources.length} resources (nodes +${changes.nodesCreated} -${changes.nodesDeleted}, ` +
        `relationships +${changes.relationshipsCreated} -${changes.relationshipsDeleted})\n`,
    );
  } finally {
    await driver.close();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof InvalidDatasetError || error instanceof Neo4jError;
  process.stderr.write(
    `db:seed failed: ${known ? (error as Error).message : String((error as Error)?.stack ?? error)}\n`,
  );
  process.exit(1);
});
