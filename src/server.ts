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
import Fastify from 'fastify';
import pino from 'pino';
import type { FastifyServerOptions } from 'fastify';
import type { DestinationStream } from 'pino';
import type { GraphQLSchema } from 'graphql';

import { EmbeddedGraphStore } from './adapters/embedded/embedded-graph-store';
import { instrumentGraphStore } from './adapters/instrumented-graph-store';
import { Neo4jGraphStore } from './adapters/neo4j/neo4j-graph-store';
import { MemoryRateLimiter } from './adapters/rate-limit/memory-rate-limiter';
import { EditorAuthenticator } from './auth/editor-authenticator';
import type { Config } from './config';
import { loadDataset } from './dataset/load-dataset';
import type { GraphStore } from './domain/ports/graph-store.port';
import type { Context } from './graphql/context.type';
import { createContext } from './graphql/context.type';
import { ResponseCache } from './http/response-cache';
import { createFormatError } from './graphql/format-error';
import { requestObserverPlugin } from './graphql/plugins/request-observer.plugin';
import { costLimitPlugin, queryLimitRules } from './graphql/query-limits';
import { buildSkillGraphSchema } from './graphql/schema';
import { Metrics } from './observability/metrics';
import type { RequestStats } from './observability/request-stats';
import { newRequestStats } from './observability/request-stats';

// The composition root: the only module that knows which store is in use.

declare module 'fastify' {
  interface FastifyRequest {
    stats: RequestStats;
  }
}

export interface SkillGraphServer {
  /** Base URL of the GraphQL endpoint, with the port actually bound (useful with port 0). */
  readonly url: string;
  readonly store: GraphStore;
  readonly metrics: Metrics;
  /**
   * Stops taking requests, lets those in flight finish (cutting them off after `graceMs`), then
   * stops Apollo and closes the store. Resolves to false when the grace period ran out.
   */
  close(options?: { graceMs?: number }): Promise<boolean>;
}

export interface ServerOverrides {
  /** A ready store to serve instead of the configured one; the server closes it on close(). */
  readonly store?: GraphStore;
  readonly schema?: GraphQLSchema;
  /** Where log lines go instead of standard output (tests read them). */
  readonly logStream?: DestinationStream;
}

/**
 * Neo4j when NEO4J_URI is set; otherwise the embedded store, from its data file when there is
 * one (accepted changes survive restarts), else from the canonical dataset.
 */
export function createStore(config: Config): GraphStore {
  if (config.neo4j !== null) return Neo4jGraphStore.connect(config.neo4j);
  return EmbeddedGraphStore.open({ dataFile: config.dataFile, initial: () => loadDataset(config.dataDir) });
}

export async function startServer(config: Config, overrides: ServerOverrides = {}): Promise<SkillGraphServer> {
  // The cache's invalidation sees this process's writes only; with Neo4j, others write too.
  const cache =
    config.neo4j === null && config.responseCacheBytes > 0 ? new ResponseCache(config.responseCacheBytes) : null;
  const opened = overrides.store ?? createStore(config);
  const store = cache === null ? opened : afterCommit(opened, () => cache.invalidate());
  const schema = overrides.schema ?? (await buildSkillGraphSchema());
  const development = config.nodeEnv === 'development';
  const production = config.nodeEnv === 'production';
  const metrics = new Metrics();
  let shuttingDown = false;

  const app = Fastify({
    logger: loggerOptions(config, overrides.logStream),
    // One line per request is logged in onResponse, with what the request did.
    disableRequestLogging: true,
    bodyLimit: config.maxBodyBytes,
    trustProxy: config.trustProxy,
    // Our own ids, never a client's: a client-chosen id could forge or garble log lines.
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    requestIdLogLabel: 'requestId',
  });
  await app.register(cors, {
    origin: config.corsOrigins === '*' ? '*' : [...config.corsOrigins],
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight', 'x-apollo-operation-name'],
    exposedHeaders: ['x-request-id'],
  });

  app.decorateRequest('stats', null as unknown as RequestStats);
  app.addHook('onRequest', async (request, reply) => {
    request.stats = newRequestStats();
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    const durationMs = reply.elapsedTime;
    const { operation, outcome, storeCalls } = request.stats;
    const graphql = request.url.startsWith('/graphql') && request.method !== 'OPTIONS';
    if (graphql) metrics.observeRequest(operation, reply.statusCode >= 500 ? 'error' : outcome, durationMs / 1000);
    request.log.info(
      {
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        durationMs: Math.round(durationMs * 100) / 100,
        ...(graphql
          ? { operation, outcome, storeCalls, ...(request.stats.cache ? { cache: request.stats.cache } : {}) }
          : {}),
      },
      'request',
    );
  });

  if (cache !== null) {
    app.addHook('preHandler', async (request, reply) => {
      if (!request.url.startsWith('/graphql')) return;
      const key = cache.keyOf(request);
      if (key === null) return;
      const hit = cache.get(key);
      metrics.observeCache(hit === undefined ? 'miss' : 'hit');
      if (hit === undefined) {
        Object.assign(request.stats, { cache: 'miss', cacheKey: key, cacheVersion: cache.version });
        return;
      }
      Object.assign(request.stats, { cache: 'hit', operation: hit.operation });
      return reply.header('x-cache', 'hit').type(hit.contentType).send(hit.body);
    });
    app.addHook('onSend', async (request, reply, payload) => {
      const { stats } = request;
      if (stats.cache !== 'miss' || stats.cacheKey === null) return payload;
      reply.header('x-cache', 'miss');
      if (stats.cacheable && reply.statusCode === 200 && typeof payload === 'string') {
        const contentType = String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8');
        cache.set(stats.cacheKey, {
          body: payload,
          contentType,
          operation: stats.operation,
          version: stats.cacheVersion,
        });
      }
      return payload;
    });
  }

  app.get('/', (_request, reply) => reply.redirect('/graphql'));
  app.get('/health/live', async () => ({ status: 'live' }));
  app.get('/health/ready', async (_request, reply) => {
    if (shuttingDown) return reply.code(503).send({ status: 'unavailable', reason: 'shutting down' });
    try {
      await store.ping();
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'unavailable', reason: 'the graph store does not answer' });
    }
  });
  app.get('/metrics', async (_request, reply) => reply.type(metrics.contentType).send(await metrics.text()));

  const rejected = (limit: string) => metrics.observeRejection(limit);
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: development,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    parseOptions: { maxTokens: config.limits.maxTokens },
    validationRules: queryLimitRules(config.limits, rejected),
    formatError: createFormatError({
      exposeInternals: development,
      maxTokens: config.limits.maxTokens,
      onTokenLimit: () => rejected('tokens'),
    }),
    plugins: [
      costLimitPlugin(schema, config.limits.maxCost, rejected),
      requestObserverPlugin(),
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
  const clock = { now: () => new Date() };
  const reportLimiter = new MemoryRateLimiter(config.reportProblemLimit, config.reportProblemWindowSeconds);
  await app.register(fastifyApollo(apollo), {
    path: '/graphql',
    context: async (request) => {
      const stats = request.stats;
      // Per request, so the request's log line can say how many store calls it made.
      const counted = instrumentGraphStore(store, ({ method, durationMs, failed }) => {
        stats.storeCalls += 1;
        metrics.observeStoreCall(method, failed, durationMs / 1000);
      });
      return createContext(
        { store: counted, clock, reportLimiter },
        {
          editor: authenticator.authenticate(request.headers.authorization),
          client: request.ip,
          requestId: request.id,
          log: request.log,
          stats,
        },
      );
    },
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
    metrics,
    async close({ graceMs } = {}) {
      shuttingDown = true;
      let cutOff = false;
      const timer =
        graceMs === undefined
          ? undefined
          : setTimeout(() => {
              cutOff = true;
              app.server.closeAllConnections();
            }, graceMs);
      await app.close(); // refuses new connections, waits for requests in flight
      clearTimeout(timer);
      await apollo.stop();
      await store.close();
      return !cutOff;
    },
  };
}

/** The store, calling `onCommit` after every transaction that committed. */
function afterCommit(store: GraphStore, onCommit: () => void): GraphStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'transaction') return Reflect.get(target, property, receiver);
      return async <T>(work: Parameters<GraphStore['transaction']>[0]) => {
        const result = (await target.transaction(work)) as T;
        onCommit();
        return result;
      };
    },
  });
}

function loggerOptions(config: Config, stream: DestinationStream | undefined): FastifyServerOptions['logger'] {
  const base = {
    level: config.logLevel,
    // Tokens and passwords never reach a log line, even if a header or setting is logged by mistake.
    redact: ['req.headers.authorization', 'headers.authorization', '*.password', '*.token', '*.editors'],
  };
  if (stream !== undefined) return { ...base, stream };
  if (config.nodeEnv === 'production') {
    // Buffered, asynchronous writes: one write system call per few kilobytes of log lines, not
    // one per line. Lines still waiting are flushed on shutdown.
    return { ...base, stream: pino.destination({ dest: 1, sync: false, minLength: 4096 }) };
  }
  if (config.nodeEnv === 'development')
    return { ...base, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l' } } };
  return base;
}
