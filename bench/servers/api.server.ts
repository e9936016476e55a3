import 'reflect-metadata';

import pino from 'pino';

import { EmbeddedGraphStore } from '../../src/adapters/embedded/embedded-graph-store';
import { loadConfig } from '../../src/config';
import { generateDataset } from '../support/generate-dataset';
import { loadDataset } from '../../src/dataset/load-dataset';
import { startServer } from '../../src/server';
import { buildPlainSchema } from '../plain-schema';

// The API as deployed (NODE_ENV=production, one log line per request), in its own process.
// BENCH_SCHEMA=plain serves the same schema with plain graphql-js resolvers;
// BENCH_SKILLS=N serves a generated graph of N skills instead of the canonical one;
// BENCH_NEO4J_URI serves the Neo4j there instead (with NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE).
async function main(): Promise<void> {
  const size = Number(process.env.BENCH_SKILLS ?? 0);
  const clusterSize = Number(process.env.BENCH_CLUSTER_SIZE ?? 100);
  const neo4jUri = process.env.BENCH_NEO4J_URI;
  const config = loadConfig({
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    DATA_FILE: '/dev/null',
    MAX_QUERY_COST: '1000000',
    RESPONSE_CACHE_MB: process.env.RESPONSE_CACHE_MB ?? '32',
    // bench-support reads /metrics with it (production serves /metrics only with a token).
    METRICS_TOKEN: process.env.METRICS_TOKEN,
    ...(process.env.GRAPHQL_EXECUTOR === undefined ? {} : { GRAPHQL_EXECUTOR: process.env.GRAPHQL_EXECUTOR }),
    ...(neo4jUri === undefined
      ? {}
      : {
          NEO4J_URI: neo4jUri,
          NEO4J_USER: process.env.NEO4J_USER,
          NEO4J_PASSWORD: process.env.NEO4J_PASSWORD,
          NEO4J_DATABASE: process.env.NEO4J_DATABASE,
        }),
  });
  // On Neo4j the server opens the configured store; the graph is whatever the bench seeded.
  const store =
    neo4jUri !== undefined
      ? undefined
      : EmbeddedGraphStore.fromDataset(
          size > 0
            ? generateDataset({ skills: size, seed: 42, prerequisitesPerSkill: 3.3, clusterSize })
            : loadDataset(),
        );
  const server = await startServer(config, {
    store,
    schema: process.env.BENCH_SCHEMA === 'plain' ? buildPlainSchema() : undefined,
    // As in production: one buffered log line per request, here to /dev/null instead of stdout.
    logStream: pino.destination({ dest: '/dev/null', sync: false, minLength: 4096 }),
  });
  process.stdout.write(`ready ${server.url}\n`);
  // Exit normally on SIGTERM, so a --cpu-prof profile gets written.
  process.once('SIGTERM', () => process.exit(0));
}

void main();
