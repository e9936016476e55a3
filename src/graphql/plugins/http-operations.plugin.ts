import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';

/**
 * This API answers queries and mutations over plain HTTP; there is no subscription transport.
 * graphql-js would fail a subscription at execution with an internal error, which reads as a bug
 * of ours: refuse it up front as the client's mistake, with 400.
 */
export function httpOperationsOnlyPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== 'subscription') return;
          throw new GraphQLError('Subscriptions are not supported: this API answers queries and mutations over HTTP', {
            extensions: { code: ApolloServerErrorCode.BAD_REQUEST, http: { status: 400 } },
          });
        },
      };
    },
  };
}
