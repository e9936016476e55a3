import { randomUUID } from 'node:crypto';

import cors from '@fastify/cors';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import type { DestinationStream } from 'pino';

import type { Config } from '../config';
import type { GraphStore } from '../domain/ports/graph-store.port';
import { loggerOptions } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import { ConnectionDrain } from './connection-drain';
import { registerErrorHandler } from './error-handler';
import { registerInputDepthLimit } from './input-depth';
import { registerOperationalRoutes } from './operational.routes';
import { registerRequestObservation } from './request-observation';
import { type ResponseCache, registerResponseCache } from './response-cache';
import { registerWebApp } from './web-app.routes';

interface AppParts {
  readonly store: GraphStore;
  readonly metrics: Metrics;
  readonly cache: ResponseCache | null;
  readonly shuttingDown: () => boolean;
  /** Where log lines go instead of standard output (tests read them). */
  readonly logStream?: DestinationStream;
}

/**
 * The Fastify app with everything but the GraphQL route: logging, timeouts, CORS, the request
 * hooks, the operational routes and the explorer. Hooks are registered in the order they must run.
 */
export async function createApp(
  config: Config,
  parts: AppParts,
): Promise<{ app: FastifyInstance; connections: ConnectionDrain }> {
  const development = config.nodeEnv === 'development';
  const production = config.nodeEnv === 'production';
  const app = Fastify(fastifyOptions(config, parts.logStream));
  const connections = new ConnectionDrain(app.server);
  registerErrorHandler(app, { exposeInternals: development });
  // First, so every request has its stats and id, and every response its headers, even those
  // that a later hook answers early (a CORS preflight).
  registerRequestObservation(app, parts.metrics);
  await app.register(cors, {
    origin: config.corsOrigins === '*' ? '*' : [...config.corsOrigins],
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight', 'x-apollo-operation-name'],
    exposedHeaders: ['x-request-id'],
  });

  // Before the cache and anything else that walks the variables.
  registerInputDepthLimit(app, parts.metrics);
  if (parts.cache !== null) registerResponseCache(app, parts.cache, parts.metrics, { cacheHeader: !production });
  registerOperationalRoutes(app, {
    store: parts.store,
    metrics: parts.metrics,
    shuttingDown: parts.shuttingDown,
    metricsAccess: config.metricsToken !== null ? { token: config.metricsToken } : production ? 'off' : 'open',
  });
  await registerWebApp(app, { webDir: config.webDir, development });
  return { app, connections };
}

function fastifyOptions(config: Config, logStream: DestinationStream | undefined) {
  return {
    logger: loggerOptions(config, logStream),
    // One line per request is logged in onResponse, with what the request did; our ids, under
    // the label the request log line uses.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    bodyLimit: config.maxBodyBytes,
    trustProxy: fastifyTrustProxy(config.trustProxy),
    // Our own ids, never a client's: a client-chosen id could forge or garble log lines.
    genReqId: () => randomUUID(),
    requestIdHeader: false as const,
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
