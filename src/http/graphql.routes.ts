import type { ApolloServer } from '@apollo/server';
import fastifyApollo from '@as-integrations/fastify';
import type { FastifyInstance } from 'fastify';

import { EditorAuthenticator } from '../auth/editor-authenticator';
import type { Config } from '../config';
import type { GraphStore } from '../domain/ports/graph-store.port';
import type { ContextDependencies } from '../graphql/request-context';
import { type Context, createContext } from '../graphql/request-context';
import type { RequestStats } from '../observability/request-stats';
import { GRAPHQL_PATH } from './graphql-route-hooks';

interface GraphQLRouteParts {
  readonly apollo: ApolloServer<Context>;
  /** The store as one request sees it: a view that counts that request's calls. */
  readonly storeFor: (stats: RequestStats) => GraphStore;
  readonly reportLimiter: ContextDependencies['reportLimiter'];
}

/** The GraphQL route: Apollo, with each request's context (its caller, its services, its budget). */
export async function registerGraphQLRoute(
  app: FastifyInstance,
  config: Config,
  { apollo, storeFor, reportLimiter }: GraphQLRouteParts,
): Promise<void> {
  const authenticator = new EditorAuthenticator(config.editors);
  const clock = { now: () => new Date() };
  const resultLimits = { maxItems: config.limits.maxResultItems, maxBytes: config.limits.maxResponseBytes };
  await app.register(fastifyApollo(apollo), {
    path: GRAPHQL_PATH,
    context: async (request) =>
      createContext(
        { store: storeFor(request.stats), clock, reportLimiter, resultLimits },
        {
          editor: authenticator.authenticate(request.headers.authorization),
          client: request.ip,
          requestId: request.id,
          log: request.log,
          stats: request.stats,
        },
      ),
  });
}
