import type { ApolloServerPlugin } from '@apollo/server';

import type { Context } from '../request-context';
import { isServerSide, isUnexpected, rootCause } from '../format-error';
import { QUERY_LIMIT_EXCEEDED } from '../query-limits';

/**
 * Follows each GraphQL request: its operation name and outcome for the request log line and
 * metrics; server-side failures logged in full with the request id; and that id added to masked
 * errors, so a client can quote it and an operator find the log line.
 */
export function requestObserverPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ request, contextValue }) {
      const { stats, requestId, log } = contextValue; // log lines carry requestId already
      stats.operation = request.operationName ?? null;
      return {
        async didResolveOperation({ operationName }) {
          stats.operation = operationName ?? stats.operation;
        },
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            if (!isServerSide(error)) continue;
            const level = isUnexpected(error) ? 'error' : 'warn';
            log[level]({ err: rootCause(error), path: error.path }, 'GraphQL request failed on the server side');
          }
        },
        async willSendResponse({ response, operation }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          stats.cacheable = operation?.operation === 'query' && errors.length === 0;
          const codes = errors.map((e) => e.extensions?.code);
          stats.outcome = codes.includes(QUERY_LIMIT_EXCEEDED) ? 'rejected' : errors.length > 0 ? 'error' : 'success';
          if (codes.includes('INTERNAL_SERVER_ERROR')) {
            response.body.singleResult.errors = errors.map((e) =>
              e.extensions?.code === 'INTERNAL_SERVER_ERROR' ? { ...e, extensions: { ...e.extensions, requestId } } : e,
            );
          }
        },
      };
    },
  };
}
