import type { FastifyError, FastifyInstance } from 'fastify';

import { INTERNAL_ERROR_MESSAGE } from '../graphql/format-error';
import { GRAPHQL_PATH } from './graphql-route-hooks';
import './request-observation';

/**
 * Errors thrown by hooks and plugins, outside Apollo's formatError. A refusal (4xx: a body too
 * large, malformed JSON) goes to Fastify's own handler as before. A server-side failure is logged
 * in full under the request id (request logging is off, which also silences Fastify's own error
 * log) and answered with the id and, outside development, no detail.
 */
export function registerErrorHandler(app: FastifyInstance, { exposeInternals }: { exposeInternals: boolean }): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status =
      typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 600
        ? error.statusCode
        : 500;
    if (status < 500) return reply.send(error);
    request.log.error({ err: error }, 'request failed on the server side');
    request.stats.outcome = 'error';
    const message = exposeInternals ? error.message : INTERNAL_ERROR_MESSAGE;
    reply.code(status);
    return request.routeOptions.url === GRAPHQL_PATH
      ? reply.send({ errors: [{ message, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: request.id } }] })
      : reply.send({ statusCode: status, error: 'Internal Server Error', message, requestId: request.id });
  });
}
