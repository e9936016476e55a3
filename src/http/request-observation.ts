import type { FastifyInstance } from 'fastify';

import type { Metrics } from '../observability/metrics';
import type { RequestStats } from '../observability/request-stats';
import { newRequestStats } from '../observability/request-stats';
import { GRAPHQL_PATH } from './graphql-route-hooks';

declare module 'fastify' {
  interface FastifyRequest {
    stats: RequestStats;
  }
}

/**
 * Gives every request its stats and an `x-request-id`, and when it ends writes its one log line
 * and counts it in the metrics. GraphQL parts of the stats are filled in by the Apollo plugin.
 */
export function registerRequestObservation(app: FastifyInstance, metrics: Metrics): void {
  app.decorateRequest('stats', null as unknown as RequestStats);
  // The request line holds only fields set here, all numbers or short strings, never a header or
  // a setting, so the logger's redaction could never change it; running it anyway was most of
  // the line's cost (a sixth of a response-cache hit). The same logger and destination
  // otherwise, and the request id that request.log would bind, in the same place.
  const lines = app.log.child({}, { redact: [] });
  app.addHook('onRequest', async (request, reply) => {
    request.stats = newRequestStats();
    reply.header('x-request-id', request.id);
    // Browsers must take every answer as the type it says it is (JSON), never sniff it as HTML.
    reply.header('x-content-type-options', 'nosniff');
  });
  app.addHook('onResponse', async (request, reply) => {
    const durationMs = reply.elapsedTime;
    const { operation, storeCalls, cache, cost, items } = request.stats;
    const graphql = request.routeOptions.url === GRAPHQL_PATH && request.method !== 'OPTIONS';
    // A 5xx is an error whatever the GraphQL layer thought of it (a hook may have failed after it).
    const outcome = reply.statusCode >= 500 ? 'error' : request.stats.outcome;
    if (graphql) metrics.observeRequest(operation, outcome, durationMs / 1000);
    lines.info(
      {
        requestId: request.id,
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        durationMs: Math.round(durationMs * 100) / 100,
        ...(graphql
          ? { operation, outcome, storeCalls, ...(cache ? { cache } : {}), ...(cost === null ? {} : { cost, items }) }
          : {}),
      },
      'request',
    );
  });
}
