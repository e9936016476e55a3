import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema, ValidationContext, ValidationRule } from 'graphql';
import { GraphQLError } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { LRUCache } from 'lru-cache';

import type { QueryLimits } from '../config';

// Limits checked before any resolver runs, so a refused query costs no store call:
// depth and aliases as validation rules (graphql-armor), cost once the variables are known
// (graphql-query-complexity, with per-field costs declared in complexity.ts), tokens by the
// parser itself (graphql-js's maxTokens). Every refusal has one code and says which limit was
// hit, its maximum and, where it is known, how far the query went.

export const QUERY_LIMIT_EXCEEDED = 'QUERY_LIMIT_EXCEEDED';

export const LIMIT_NAMES = ['depth', 'cost', 'aliases', 'tokens'] as const;
export type LimitName = (typeof LIMIT_NAMES)[number];

export function limitError(limit: LimitName, max: number, actual: number | null): GraphQLError {
  const message =
    actual === null
      ? `The query exceeds the ${limit} limit of ${max}`
      : `The query’s ${limit} is ${actual}, above the limit of ${max}`;
  return new GraphQLError(message, {
    extensions: {
      code: QUERY_LIMIT_EXCEEDED,
      limit,
      max,
      ...(actual === null ? {} : { actual }),
      http: { status: 400 },
    },
  });
}

/** graphql-armor reports "…exceeded, found N."; the count is what we pass on. */
function foundIn(message: string): number | null {
  const match = /found (\d+)/.exec(message);
  return match === null ? null : Number(match[1]);
}

export function queryLimitRules(limits: QueryLimits, onRejected: (limit: LimitName) => void): ValidationRule[] {
  const report = (limit: LimitName, max: number) => (context: ValidationContext | null, error: GraphQLError) => {
    onRejected(limit);
    context?.reportError(limitError(limit, max, foundIn(error.message)));
  };
  return [
    maxDepthRule({
      n: limits.maxDepth,
      ignoreIntrospection: true,
      exposeLimits: true,
      propagateOnRejection: false,
      onReject: [report('depth', limits.maxDepth)],
    }),
    maxAliasesRule({
      n: limits.maxAliases,
      exposeLimits: true,
      propagateOnRejection: false,
      onReject: [report('aliases', limits.maxAliases)],
    }),
  ];
}

/** The cost limit needs the variables (`first: $n`), so it runs once the operation is resolved. */
export function costLimitPlugin(
  schema: GraphQLSchema,
  maxCost: number,
  onRejected: (limit: LimitName) => void,
): ApolloServerPlugin {
  const estimators = [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })];
  // The same document with the same variables always costs the same; clients repeat queries.
  const costs = new LRUCache<string, number>({ max: 2000 });
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operationName, queryHash }) {
          // By Apollo's hash of the document, which a persisted query (sent by hash, without its
          // text) has too: keyed by the text, those were costed afresh on every request.
          const key = `${queryHash}\u0000${operationName ?? ''}\u0000${JSON.stringify(request.variables ?? {})}`;
          let cost = costs.get(key);
          if (cost === undefined) {
            try {
              cost = getComplexity({
                schema,
                query: document,
                variables: request.variables ?? {},
                operationName: operationName ?? undefined,
                estimators,
              });
            } catch {
              // Variables that do not fit their types: execution refuses them with BAD_USER_INPUT
              // before any resolver runs, so there is nothing to protect here.
              return;
            }
            costs.set(key, cost);
          }
          if (cost > maxCost) {
            onRejected('cost');
            throw limitError('cost', maxCost, cost);
          }
        },
      };
    },
  };
}

/** graphql-js stops parsing at maxTokens; this recognises its error so it can carry our code. */
export function isTokenLimitError(error: unknown): boolean {
  return error instanceof GraphQLError && /Document contains more th(?:an|at) \d+ tokens/.test(error.message);
}
