import 'reflect-metadata';

import type { FastifyInstance } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { DestinationStream } from 'pino';

import { createStore } from './adapters/create-store';
import type { OpeningReport } from './adapters/embedded/embedded-graph-store';
import { MemoryRateLimiter } from './adapters/rate-limit/memory-rate-limiter';
import { afterCommit, storeCallCounter } from './adapters/store-decorators';
import type { Config } from './config';
import type { GraphStore } from './domain/ports/graph-store.port';
import { createApollo } from './graphql/create-apollo';
import type { ExecutionMismatch } from './graphql/execution/compiled-executor';
import { countListItems } from './graphql/execution/result-budget';
import { operationNamesOf } from './graphql/operation-names';
import { GraphExtentSource } from './graphql/query-limits';
import { buildSkillGraphSchema } from './graphql/schema';
import type { DrainResult } from './http/connection-drain';
import { createApp } from './http/create-app';
import { registerGraphQLRoute } from './http/graphql.routes';
import { ResponseCache, changesCachedAnswers } from './http/response-cache';
import { Metrics } from './observability/metrics';
import type { RequestStats } from './observability/request-stats';

// The composition root: the only module that knows which store is in use.

export interface SkillGraphServer {
  /** Base URL of the GraphQL endpoint, with the port actually bound (useful with port 0). */
  readonly url: string;
  readonly store: GraphStore;
  /** What the embedded store found when it opened its journal; null on Neo4j or a given store. */
  readonly opening: OpeningReport | null;
  readonly metrics: Metrics;
  /** With GRAPHQL_EXECUTOR=compare: every query whose two answers differed (tests expect none). */
  readonly executionMismatches: readonly ExecutionMismatch[];
  /**
   * Stops taking requests, lets those in flight finish and every byte of their answers go out
   * (cutting them off after `graceMs`), then stops Apollo and closes the store. Resolves with the
   * number of answers cut off.
   */
  close(options?: { graceMs?: number }): Promise<DrainResult>;
}

export interface ServerOverrides {
  /** A ready store to serve instead of the configured one; the server closes it on close(). */
  readonly store?: GraphStore;
  readonly schema?: GraphQLSchema;
  /** Where log lines go instead of standard output (tests read them). */
  readonly logStream?: DestinationStream;
}

export async function startServer(config: Config, overrides: ServerOverrides = {}): Promise<SkillGraphServer> {
  const { store, opening, cache, extents } = await openStore(config, overrides.store);
  const schema = countListItems(overrides.schema ?? (await buildSkillGraphSchema()));
  const metrics = new Metrics(operationNamesOf(config.trustedDocuments.file));
  let shuttingDown = false;
  const { app, connections } = await createApp(config, {
    store,
    metrics,
    cache,
    shuttingDown: () => shuttingDown,
    logStream: overrides.logStream,
  });
  const mismatches: ExecutionMismatch[] = [];
  const apollo = createApollo(config, {
    schema,
    store,
    extents,
    rejected: (limit) => metrics.observeRejection(limit),
    onMismatch: (mismatch) => {
      mismatches.push(mismatch);
      app.log.error({ mismatch }, 'graphql-jit and graphql-js answered differently');
    },
  });
  await apollo.start();
  // Per request, so the request's log line can say how many store calls it made.
  const storeFor = storeCallCounter<RequestStats>(store, (stats, method, failed) => {
    stats.storeCalls += 1;
    metrics.countStoreCall(method, failed);
  });
  const reportLimiter = new MemoryRateLimiter({
    perClient: config.reportProblemLimit,
    total: config.reportProblemGlobalLimit,
    windowSeconds: config.reportProblemWindowSeconds,
  });
  await registerGraphQLRoute(app, config, { apollo, storeFor, reportLimiter });

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await apollo.stop();
    await store.close();
    throw error;
  }
  return {
    url: boundUrl(app, config),
    store,
    opening,
    metrics,
    executionMismatches: mismatches,
    async close({ graceMs } = {}) {
      shuttingDown = true;
      const drained = connections.drain(graceMs);
      await app.close(); // refuses new connections, resolves once every connection has closed
      const result = await drained;
      await apollo.stop();
      await store.close();
      return result;
    },
  };
}

/**
 * The configured store (or the given one), decorated so that a commit that changes cached
 * answers empties the response cache and the cost estimate's graph extent.
 */
async function openStore(config: Config, given: GraphStore | undefined) {
  // The cache's invalidation sees this process's writes only; with Neo4j, others write too.
  const cache =
    config.neo4j === null && config.responseCacheBytes > 0 ? new ResponseCache(config.responseCacheBytes) : null;
  const { store: opened, opening } = given === undefined ? await createStore(config) : { store: given, opening: null };
  // The cost estimate sizes lists by the graph's extent. Only this process writes to the embedded
  // store, so there the extent changes only on a commit here; other API instances write to Neo4j.
  const extents = new GraphExtentSource(() => opened.graphExtent(), config.neo4j === null ? Infinity : 5000);
  const store = afterCommit(opened, (called) => {
    if (!changesCachedAnswers(called)) return;
    cache?.invalidate();
    extents.invalidate();
  });
  // Read once now, so the first queries are not the ones that wait for it (an unreachable Neo4j
  // is read again on the first query).
  await extents.current().catch(() => undefined);
  return { store, opening, cache, extents };
}

/** The GraphQL endpoint's URL, with the port actually bound (useful with port 0). */
function boundUrl(app: FastifyInstance, config: Config): string {
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return `http://${host}:${port}/graphql`;
}
