import 'reflect-metadata';

import { randomUUID } from 'node:crypto';

import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDisableSuggestions } from '@apollo/server/plugin/disableSuggestions';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import fastifyApollo from '@as-integrations/fastify';
import cors from '@fastify/cors';
import Fastify, { LogController } from 'fastify';
import type { DestinationStream } from 'pino';
import type { GraphQLSchema } from 'graphql';

import type { OpeningReport } from './adapters/embedded/embedded-graph-store';
import { EmbeddedGraphStore } from './adapters/embedded/embedded-graph-store';
import { afterCommit, storeCallCounter } from './adapters/store-decorators';
import { Neo4jGraphStore } from './adapters/neo4j/neo4j-graph-store';
import { MemoryRateLimiter } from './adapters/rate-limit/memory-rate-limiter';
import { EditorAuthenticator } from './auth/editor-authenticator';
import type { Config } from './config';
import { readDataset } from './dataset/load-dataset';
import { validateDataset } from './dataset/validate-dataset';
import type { GraphStore } from './domain/ports/graph-store.port';
import type { Context } from './graphql/context.type';
import { type RequestContext, createContext } from './graphql/context.type';
import { type ExecutionMismatch, compiledExecutionPlugin } from './graphql/execution/compiled-executor';
import { DocumentCache } from './graphql/execution/document-cache';
import { PersistedQueryCache, TrustedDocuments } from './graphql/trusted-documents';
import { ConnectionDrain, type DrainResult } from './http/connection-drain';
import { registerOperationalRoutes } from './http/operational.routes';
import { registerRequestObservation } from './http/request-observation';
import { ResponseCache, changesCachedAnswers, registerResponseCache } from './http/response-cache';
import { registerErrorHandler } from './http/error-handler';
import { registerInputDepthLimit } from './http/input-depth';
import { registerWebApp } from './http/web-app.routes';
import { createFormatError } from './graphql/format-error';
import { operationNamesOf } from './graphql/operation-names';
import { httpOperationsOnlyPlugin } from './graphql/plugins/http-operations.plugin';
import { beforeParsingPlugin, maxQueryBytes, trustedOnly } from './graphql/plugins/before-parsing.plugin';
import { requestObserverPlugin } from './graphql/plugins/request-observer.plugin';
import { GraphExtentSource, costLimitPlugin, queryLimitRules } from './graphql/query-limits';
import { countListItems, resultBudgetPlugin } from './graphql/execution/result-budget';
import { buildSkillGraphSchema } from './graphql/schema';
import { Metrics } from './observability/metrics';
import type { RequestStats } from './observability/request-stats';
import { loggerOptions } from './observability/logger';

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
  const development = config.nodeEnv === 'development';
  const production = config.nodeEnv === 'production';
  const metrics = new Metrics(operationNamesOf(config.trustedDocuments.file));
  let shuttingDown = false;

  const app = Fastify({
    logger: loggerOptions(config, overrides.logStream),
    // One line per request is logged in onResponse, with what the request did; our ids, under
    // the label the request log line uses.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    bodyLimit: config.maxBodyBytes,
    trustProxy: fastifyTrustProxy(config.trustProxy),
    // Our own ids, never a client's: a client-chosen id could forge or garble log lines.
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // The whole request, body included, and a silent connection are cut off: a client trickling
    // a body byte by byte must not hold a socket for ever (408).
    requestTimeout: config.requestTimeoutMs,
    connectionTimeout: config.connectionTimeoutMs,
    http: {
      // Node enforces requestTimeout only with a headersTimeout no longer than it (Node 20: with
      // the default 60 s, a body trickled past a 1 s requestTimeout), and checks every interval.
      headersTimeout: Math.min(60_000, config.requestTimeoutMs),
      connectionsCheckingInterval: Math.min(30_000, Math.max(250, Math.floor(config.requestTimeoutMs / 4))),
    },
  });
  const connections = new ConnectionDrain(app.server);
  registerErrorHandler(app, { exposeInternals: development });
  // First, so every request has its stats and id, and every response its headers, even those
  // that a later hook answers early (a CORS preflight).
  registerRequestObservation(app, metrics);
  await app.register(cors, {
    origin: config.corsOrigins === '*' ? '*' : [...config.corsOrigins],
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight', 'x-apollo-operation-name'],
    exposedHeaders: ['x-request-id'],
  });

  // Before the cache and anything else that walks the variables.
  registerInputDepthLimit(app, metrics);
  if (cache !== null) registerResponseCache(app, cache, metrics, { cacheHeader: !production });
  registerOperationalRoutes(app, {
    store,
    metrics,
    shuttingDown: () => shuttingDown,
    metricsAccess: config.metricsToken !== null ? { token: config.metricsToken } : production ? 'off' : 'open',
  });
  await registerWebApp(app, { webDir: config.webDir, development });

  const rejected = (limit: string) => metrics.observeRejection(limit);
  const trusted = TrustedDocuments.load(
    config.trustedDocuments.file,
    schema,
    queryLimitRules(config.limits, () => undefined),
  );
  const mismatches: ExecutionMismatch[] = [];
  const compiled =
    config.executor === 'graphql-js'
      ? []
      : [
          compiledExecutionPlugin(schema, {
            mode: config.executor,
            maxDocuments: config.documentCacheEntries,
            maxBytes: config.documentCacheBytes,
            // The reference run reads the store uncounted, so call counts stay those of one run.
            freshContext: (context) => (context as RequestContext).fork(store),
            beforeRerun: (context) => (context as RequestContext).budget.rerun(),
            onMismatch: (mismatch) => {
              mismatches.push(mismatch);
              app.log.error({ mismatch }, 'graphql-jit and graphql-js answered differently');
            },
          }),
        ];
  const apollo = new ApolloServer<Context>({
    schema,
    documentStore: new DocumentCache(
      { maxEntries: config.documentCacheEntries, maxBytes: config.documentCacheBytes },
      (hash) => trusted.document(hash),
    ),
    persistedQueries: {
      cache: new PersistedQueryCache(trusted, {
        maxEntries: config.documentCacheEntries,
        maxBytes: config.persistedQueryCacheBytes,
      }),
    },
    introspection: config.introspection,
    includeStacktraceInErrorResponses: development,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // main.ts owns the signals. Apollo's own handlers (on outside NODE_ENV=test) stop Apollo and
    // then re-send the signal, which killed the process before its requests had drained.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: config.limits.maxTokens },
    validationRules: queryLimitRules(config.limits, rejected),
    formatError: createFormatError({
      exposeInternals: development,
      stripSuggestions: production,
      maxTokens: config.limits.maxTokens,
      onTokenLimit: () => rejected('tokens'),
    }),
    plugins: [
      httpOperationsOnlyPlugin(),
      costLimitPlugin(schema, config.limits.maxCost, extents, rejected),
      // Before the observer, so an answer it replaces is counted as rejected.
      resultBudgetPlugin(),
      requestObserverPlugin(),
      // After the observer, so a refusal's outcome is the last word. Text above MAX_QUERY_BYTES is
      // refused before it is hashed for TRUSTED_DOCUMENTS=only, looked up, parsed or registered.
      beforeParsingPlugin(
        [
          maxQueryBytes(config.maxQueryBytes),
          ...(config.trustedDocuments.mode === 'only' ? [trustedOnly(trusted)] : []),
        ],
        rejected,
      ),
      // After the limits (didResolveOperation), instead of Apollo's execution for queries.
      ...compiled,
      // No @cacheControl hints are used; without this Apollo instruments every field resolution.
      ApolloServerPluginCacheControlDisabled(),
      // Production: no Sandbox, and no "Did you mean …?" hints, which leak the schema.
      ...(production
        ? [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginDisableSuggestions()]
        : [ApolloServerPluginLandingPageLocalDefault({ footer: false })]),
    ],
  });
  await apollo.start();

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
  await app.register(fastifyApollo(apollo), {
    path: '/graphql',
    context: async (request) =>
      createContext(
        {
          store: countedFor(request.stats),
          clock,
          reportLimiter,
          resultLimits: { maxItems: config.limits.maxResultItems, maxBytes: config.limits.maxResponseBytes },
        },
        {
          editor: authenticator.authenticate(request.headers.authorization),
          client: request.ip,
          requestId: request.id,
          log: request.log,
          stats: request.stats,
        },
      ),
  });

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

/** A hop count as the function form Fastify types (hop 0 is the socket's own peer). */
function fastifyTrustProxy(
  trust: Config['trustProxy'],
): false | string[] | ((address: string, hop: number) => boolean) {
  if (trust === false) return false;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return [...trust];
}
