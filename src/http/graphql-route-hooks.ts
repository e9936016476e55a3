import type { FastifyInstance, onSendAsyncHookHandler, preHandlerAsyncHookHandler } from 'fastify';

export const GRAPHQL_PATH = '/graphql';

export interface GraphQLRouteHooks {
  readonly preValidation?: preHandlerAsyncHookHandler;
  readonly preHandler?: preHandlerAsyncHookHandler;
  readonly onSend?: onSendAsyncHookHandler<unknown>;
}

/**
 * Adds hooks to the GraphQL route alone, which Apollo's integration registers later. Route hooks,
 * unlike app-wide ones that test the URL, never run for `/graphqlXYZ` or the 404 handler.
 * Call before the route is registered.
 */
export function onGraphQLRoute(app: FastifyInstance, hooks: GraphQLRouteHooks): void {
  app.addHook('onRoute', (route) => {
    if (route.url !== GRAPHQL_PATH) return;
    const withHook = <T>(existing: T | T[] | undefined, hook: T | undefined): T[] | T | undefined =>
      hook === undefined
        ? existing
        : [...(existing === undefined ? [] : Array.isArray(existing) ? existing : [existing]), hook];
    route.preValidation = withHook(route.preValidation, hooks.preValidation as never);
    route.preHandler = withHook(route.preHandler, hooks.preHandler as never);
    route.onSend = withHook(route.onSend, hooks.onSend as never);
  });
}
