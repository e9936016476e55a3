import type { FastifyInstance } from 'fastify';

import type { TrustedDocuments } from '../graphql/trusted-documents';
import { requestedDocumentId } from '../graphql/trusted-documents';
import type { Metrics } from '../observability/metrics';

export const PERSISTED_QUERY_NOT_ALLOWED = 'PERSISTED_QUERY_NOT_ALLOWED';

/**
 * TRUSTED_DOCUMENTS=only: a GraphQL request is answered only when it names a registered
 * operation, by its text or by its hash. Anything else is refused here, before GraphQL parses a
 * byte of it, so arbitrary documents cost the server a hash and nothing more.
 */
export function registerTrustedOnly(app: FastifyInstance, trusted: TrustedDocuments, metrics: Metrics): void {
  app.addHook('preHandler', async (request, reply) => {
    if (!request.url.startsWith('/graphql') || (request.method !== 'POST' && request.method !== 'GET')) return;
    const id = requestedDocumentId(request.method, request.body, request.query);
    // A GET with no operation at all is Apollo's to answer (400, or its landing page).
    if (id === null && request.method === 'GET') return;
    if (id !== null && trusted.has(id)) return;
    metrics.observeRejection('untrusted');
    request.stats.outcome = 'rejected';
    return reply.code(400).send({
      errors: [
        {
          message:
            'This server answers registered operations only (TRUSTED_DOCUMENTS=only), and this document is not one of them.',
          extensions: { code: PERSISTED_QUERY_NOT_ALLOWED },
        },
      ],
    });
  });
}
