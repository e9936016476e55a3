import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import type { ApolloServerPlugin } from '@apollo/server';
import { createHash } from 'node:crypto';

import type { FastifyBaseLogger } from 'fastify';
import type { DocumentNode, GraphQLSchema, ValidationContext, ValidationRule } from 'graphql';
import { GraphQLError, Kind, getVariableValues, visit } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { LRUCache } from 'lru-cache';

import type { QueryLimits } from '../config';
import { StoreUnavailableError } from '../domain/model/domain-error';
import type { GraphExtent } from '../domain/ports/graph-store.port';
import { costEstimator } from './complexity';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('base64url');

// Limits checked before any resolver runs, so a refused query costs no store call:
// depth and aliases as validation rules (graphql-armor), cost once the variables are known
// (graphql-query-complexity, with per-field costs declared in complexity.ts), tokens by the
// parser itself (graphql-js's maxTokens). Every refusal has one code and says which limit was
// hit, its maximum and, where it is known, how far the query went.

export const QUERY_LIMIT_EXCEEDED = 'QUERY_LIMIT_EXCEEDED';

export const LIMIT_NAMES = ['depth', 'cost', 'aliases', 'tokens', 'items', 'responseBytes'] as const;
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

/**
 * The graph's extent, as the cost estimate sizes lists with it: read again after this process
 * commits a write and, where other processes write too (a shared Neo4j), once it is older than
 * `maxAgeMs`. The last extent keeps answering while a fresh one is read, so no request waits on
 * a slow or hung store for it, and a failed read keeps it. Between two reads a list may have
 * grown; the result budget, which counts what a query really returns, still holds then.
 */
export class GraphExtentSource {
  private cached: { extent: GraphExtent; id: string; at: number; writes: number } | null = null;
  /** Writes committed here so far; the cached extent was read after `cached.writes` of them. */
  private writes = 0;
  private reading: Promise<{ extent: GraphExtent; id: string }> | null = null;

  constructor(
    private readonly read: () => Promise<GraphExtent>,
    private readonly maxAgeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The extent and a short name for it (cost-cache keys include it). */
  async current(): Promise<{ extent: GraphExtent; id: string }> {
    const cached = this.cached;
    // With none yet, the request waits for it (and fails with the store).
    if (cached === null) return this.refresh();
    if (cached.writes !== this.writes || this.now() - cached.at >= this.maxAgeMs) {
      this.refresh().catch(() => undefined);
    }
    return cached;
  }

  /** After a committed write: the next estimate reads the extent again. */
  invalidate(): void {
    this.writes += 1;
  }

  private refresh(): Promise<{ extent: GraphExtent; id: string }> {
    const writes = this.writes;
    this.reading ??= this.read()
      .then((extent) => {
        this.cached = { extent, id: sha256(JSON.stringify(extent)).slice(0, 16), at: this.now(), writes };
        return this.cached;
      })
      .finally(() => (this.reading = null));
    return this.reading;
  }
}

/** The smallest hoursPerWeek of any learningPath in the document (fragments included). */
export function smallestHoursPerWeek(
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>>,
): number | null {
  let smallest: number | null = null;
  visit(document, {
    Field(node) {
      if (node.name.value !== 'learningPath') return;
      const argument = node.arguments?.find((a) => a.name.value === 'hoursPerWeek');
      if (argument === undefined) return;
      const value =
        argument.value.kind === Kind.VARIABLE
          ? variables[argument.value.name.value]
          : argument.value.kind === Kind.INT
            ? Number(argument.value.value)
            : null;
      if (typeof value === 'number') smallest = smallest === null ? value : Math.min(smallest, value);
    },
  });
  return smallest;
}

/**
 * The cost limit needs the variables (`first: $n`) and the graph's extent, so it runs once the
 * operation is resolved. It fails closed: an estimate that cannot be made (the estimator's own
 * node limit, a list without a bound) refuses the query. Only variables that do not fit their
 * types are left to execution, which refuses them with BAD_USER_INPUT before any resolver runs.
 */
export function costLimitPlugin(
  schema: GraphQLSchema,
  maxCost: number,
  extents: GraphExtentSource,
  onRejected: (limit: LimitName) => void,
): ApolloServerPlugin<{ readonly budget: { estimate: number | null }; readonly log: FastifyBaseLogger }> {
  // The same document with the same variables on the same graph always costs the same, and
  // clients repeat queries. Keys are hashes, so an entry's size does not depend on the request.
  const costs = new LRUCache<string, number>({ max: 5000 });
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, operationName, queryHash, contextValue }) {
          if (operation === undefined) return;
          const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}, {
            maxErrors: 1,
          });
          if (coerced.errors !== undefined) return;
          let extent: { extent: GraphExtent; id: string };
          try {
            extent = await extents.current();
          } catch {
            throw new GraphQLError(new StoreUnavailableError().message, {
              extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } },
            });
          }
          // By Apollo's hash of the document, which a persisted query (sent by hash, without its
          // text) has too: keyed by the text, those were costed afresh on every request.
          const key = `${queryHash}:${operationName ?? ''}:${sha256(JSON.stringify(coerced.coerced))}:${extent.id}`;
          let cost = costs.get(key);
          if (cost === undefined) {
            try {
              cost = getComplexity({
                schema,
                query: document,
                variables: request.variables ?? {},
                operationName: operationName ?? undefined,
                estimators: [
                  costEstimator({
                    extent: extent.extent,
                    hoursPerWeek: smallestHoursPerWeek(document, coerced.coerced),
                  }),
                ],
              });
            } catch (error) {
              // Above graphql-query-complexity's node limit (fragments spread again and again),
              // or a bug of ours: either way nobody knows what the query would cost.
              if (!/maximum allowed number of nodes/.test(String((error as Error)?.message))) {
                contextValue.log.error({ err: error }, 'the cost of a query could not be estimated');
              }
              onRejected('cost');
              throw limitError('cost', maxCost, null);
            }
            costs.set(key, cost);
          }
          contextValue.budget.estimate = cost;
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
