import type { FastifyInstance } from 'fastify';

import type { Metrics } from '../observability/metrics';
import { onGraphQLRoute } from './graphql-route-hooks';
import './request-observation';

/**
 * Levels of lists and objects allowed in a request's variables and extensions. This schema's
 * deepest input is a few levels; the bound only has to stop nesting that overflows the stack of
 * whatever walks the value next (JSON.stringify in the response cache and the cost limit,
 * graphql-js's coercion), which about 5,000 levels (10 KB) did.
 */
const MAX_INPUT_DEPTH = 32;

/** Whether `value` holds lists or objects more than `max` levels deep; iterative, for the same reason. */
function nestedDeeperThan(value: unknown, max: number): boolean {
  const pending: [unknown, number][] = [[value, 1]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [current, depth] = next;
    if (typeof current !== 'object' || current === null) continue;
    if (depth > max) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) pending.push([child, depth + 1]);
  }
  return false;
}

/** The same for JSON text not parsed yet (GET's `variables=`): brackets counted outside strings. */
function jsonTextDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

const INPUT_TOO_DEEP = 'BAD_REQUEST';

/**
 * Refuses, on the GraphQL route and before any other hook or Apollo looks at them, variables or
 * extensions nested deeper than MAX_INPUT_DEPTH: a clean 400, never a stack overflow.
 */
export function registerInputDepthLimit(app: FastifyInstance, metrics: Metrics): void {
  onGraphQLRoute(app, {
    preValidation: async (request, reply) => {
      const fields = request.method === 'GET' ? request.query : request.body;
      if (typeof fields !== 'object' || fields === null) return;
      for (const name of ['variables', 'extensions'] as const) {
        const value = (fields as Record<string, unknown>)[name];
        const deep =
          typeof value === 'string'
            ? jsonTextDeeperThan(value, MAX_INPUT_DEPTH)
            : nestedDeeperThan(value, MAX_INPUT_DEPTH);
        if (!deep) continue;
        metrics.observeRejection('input-depth');
        request.stats.outcome = 'rejected';
        return reply.code(400).send({
          errors: [
            {
              message: `The request's ${name} are nested more than ${MAX_INPUT_DEPTH} levels deep`,
              extensions: { code: INPUT_TOO_DEEP, limit: 'input-depth', max: MAX_INPUT_DEPTH },
            },
          ],
        });
      }
    },
  });
}
