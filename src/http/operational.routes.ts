import { createHash, timingSafeEqual } from 'node:crypto';

import type { FastifyInstance } from 'fastify';

import { StoreUnavailableError } from '../domain/model/domain-error';
import type { GraphStore } from '../domain/ports/graph-store.port';
import type { Metrics } from '../observability/metrics';

export interface OperationalRoutesOptions {
  readonly store: GraphStore;
  readonly metrics: Metrics;
  readonly shuttingDown: () => boolean;
  /**
   * Who may read /metrics: a bearer token, `open` to everyone, or `off` (not served). The
   * composition root picks: open outside production, off in production without METRICS_TOKEN.
   */
  readonly metricsAccess: { readonly token: string } | 'open' | 'off';
}

/** Liveness, readiness (the store answers, and we are not shutting down), metrics. */
export function registerOperationalRoutes(
  app: FastifyInstance,
  { store, metrics, shuttingDown, metricsAccess }: OperationalRoutesOptions,
): void {
  app.get('/health/live', async () => ({ status: 'live' }));
  app.get('/health/ready', async (_request, reply) => {
    if (shuttingDown()) return reply.code(503).send({ status: 'unavailable', reason: 'shutting down' });
    try {
      return { status: 'ready', ...(await store.ping()) };
    } catch (error) {
      const reason = error instanceof StoreUnavailableError ? error.reason : 'the graph store does not answer';
      return reply.code(503).send({ status: 'unavailable', reason });
    }
  });
  if (metricsAccess === 'off') return;
  const allowed = metricsAccess === 'open' ? () => true : bearerCheck(metricsAccess.token);
  app.get('/metrics', async (request, reply) => {
    if (!allowed(request.headers.authorization)) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="metrics"')
        .send({ statusCode: 401, error: 'Unauthorized', message: '/metrics needs the METRICS_TOKEN bearer token' });
    }
    return reply.type(metrics.contentType).send(await metrics.text());
  });
}

/** `Authorization: Bearer <token>`, compared in constant time (as digests, so lengths may differ). */
function bearerCheck(token: string): (header: string | undefined) => boolean {
  const expected = digest(token);
  return (header) => {
    const match = /^Bearer +(\S+)\s*$/i.exec(header ?? '');
    return match !== null && timingSafeEqual(digest(match[1]!), expected);
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
