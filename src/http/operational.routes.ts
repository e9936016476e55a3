import type { FastifyInstance } from 'fastify';

import { StoreUnavailableError } from '../domain/domain-error';
import type { GraphStore } from '../domain/ports/graph-store.port';
import type { Metrics } from '../observability/metrics';

/** Liveness, readiness (the store answers, and we are not shutting down), metrics. */
export function registerOperationalRoutes(
  app: FastifyInstance,
  { store, metrics, shuttingDown }: { store: GraphStore; metrics: Metrics; shuttingDown: () => boolean },
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
  app.get('/metrics', async (_request, reply) => reply.type(metrics.contentType).send(await metrics.text()));
}
