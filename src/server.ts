import 'reflect-metadata';

import fastifyApollo from '@as-integrations/fastify';
import type { FastifyRequest } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { DestinationStream } from 'pino';

import { createStore } from './adapters/create-store';
import type { OpeningReport } from './adapters/embedded/embedded-graph-store';
import { MemoryRateLimiter } from './adapters/rate-limit/memory-rate-limiter';
import { afterCommit, storeCallCounter } from './adapters/store-decorators';
import { EditorAuthenticator } from './auth/editor-authenticator';
import type { Config } from './config';
import type { GraphStore } from './domain/ports/graph-store.port';
import { createContext } from './graphql/context.type';
import { createApollo } from './graphql/create-apollo';
import type { ExecutionMismatch } from './graphql/execution/compiled-executor';
import { countListItems } from './graphql/execution/result-budget';
import { operationNamesOf } from './graphql/operation-names';
import { GraphExtentSource } from './graphql/query-limits';
import { buildSkillGraphSchema } from './graphql/schema';
import type { DrainResult } from './http/connection-drain';
import { createApp } from './http/create-app';
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
  // The cache's invalidation sees this process's writes only; with Neo4j, others write too.
  const cache =
    config.neo4j === null && config.responseCacheBytes > 0 ? new ResponseCache(config.responseCacheBytes) : null;
  const { store: opened, opening } =
    overrides.store === undefined ? await createStore(config) : { store: overrides.store, opening: null };
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
  await app.register(fastifyApollo(apollo), { path: '/graphql', context: requestContexts(config, store, metrics) });

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await apollo.stop();
    await store.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;

  return {
    url: `http://${host}:${port}/graphql`,
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

/** Each GraphQL request's context: its services over a store view that counts its calls. */
function requestContexts(config: Config, store: GraphStore, metrics: Metrics) {
  const authenticator = new EditorAuthenticator(config.editors);
  // Per request, so the request's log line can say how many store calls it made.
  const countedFor = storeCallCounter<RequestStats>(store, (stats, method, failed) => {
    stats.storeCalls += 1;
    metrics.countStoreCall(method, failed);
  });
  const clock = { now: () => new Date() };
  const reportLimiter = new MemoryRateLimiter({
    perClient: config.reportProblemLimit,
    total: config.reportProblemGlobalLimit,
    windowSeconds: config.reportProblemWindowSeconds,
  });
  const resultLimits = { maxItems: config.limits.maxResultItems, maxBytes: config.limits.maxResponseBytes };
  return async (request: FastifyRequest) =>
    createContext(
      { store: countedFor(request.stats), clock, reportLimiter, resultLimits },
      {
        editor: authenticator.authenticate(request.headers.authorization),
        client: request.ip,
        requestId: request.id,
        log: request.log,
        stats: request.stats,
      },
    );
}
