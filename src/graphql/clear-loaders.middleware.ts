import type { MiddlewareFn } from 'type-graphql';

import type { Context } from './request-context';

/**
 * After a successful write, forget everything this request's loaders cached: a field resolved
 * later in the same operation must see the change. Clearing all is simpler than tracking which
 * keys a write touched, and a request holds little.
 */
export const ClearLoadersAfterWrite: MiddlewareFn<Context> = async ({ context }, next) => {
  const result = await next();
  context.loaders.clearAll();
  return result;
};
