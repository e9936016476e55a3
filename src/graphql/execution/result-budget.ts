import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import type { GraphQLError } from 'graphql';
import { defaultFieldResolver, isObjectType } from 'graphql';

import type { RequestStats } from '../../observability/request-stats';
import { isObjectList } from '../complexity';
import { limitError } from '../query-limits';

// The safety net under the cost estimate: while a query runs, the objects its lists return are
// counted, and once they pass the budget every further list refuses, so the work stops within
// the budget whatever the estimate said. The answer is then measured before it is serialised,
// and one over its byte budget is replaced by an error instead of being sent. Both refusals
// carry QUERY_LIMIT_EXCEEDED and leave the process as it was.

export interface ResultLimits {
  /** Objects a query's lists may return, counted as the cost estimate counts them. */
  readonly maxItems: number;
  /** Size of an answer's JSON, in characters (as many bytes for ASCII). */
  readonly maxBytes: number;
}

/** One request's count. */
export class ResultBudget {
  items = 0;
  /** The limit that stopped the query, once one has. */
  exceeded: 'items' | 'responseBytes' | null = null;
  /** The cost estimate of the operation, once it is known (for the request log line). */
  estimate: number | null = null;

  constructor(readonly limits: ResultLimits) {}

  take(count: number): void {
    // Lists that arrive after the budget is spent are refused, not counted: their items are never
    // completed, so the count says how far the query really got.
    if (this.exceeded !== null) throw this.error();
    this.items += count;
    if (this.items > this.limits.maxItems) {
      this.exceeded ??= 'items';
      throw this.error();
    }
  }

  /**
   * The same query is about to run again from the start (graphql-js after a compiled run that
   * failed): its items are counted afresh, unless the first run already spent the budget.
   */
  rerun(): void {
    if (this.exceeded === null) this.items = 0;
  }

  /** Refuses at once when the budget is spent: nothing more is fetched for a query that has failed. */
  check(): void {
    if (this.exceeded !== null) throw this.error();
  }

  error(): GraphQLError {
    return this.exceeded === 'responseBytes'
      ? limitError('responseBytes', this.limits.maxBytes, null)
      : limitError('items', this.limits.maxItems, null);
  }
}

/** What the counting resolvers need from the context. */
export interface BudgetedContext {
  readonly budget: ResultBudget;
}

/**
 * Makes every field that returns a list of objects count its items into the request's budget.
 * Done once on the built schema, so graphql-jit and graphql-js both run the counting resolvers.
 */
export function countListItems(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isObjectList(field.type) || (field.resolve as Counting | undefined)?.[COUNTING] === true) continue;
      field.resolve = counting(field.resolve ?? defaultFieldResolver);
    }
  }
  return schema;
}

const COUNTING = Symbol('counting');
type Counting = GraphQLFieldResolver<unknown, BudgetedContext> & { [COUNTING]?: true };

function counting(resolve: GraphQLFieldResolver<unknown, BudgetedContext>): Counting {
  // Marked, so a schema given to two servers (tests) counts each item once.
  return Object.assign<Counting, { [COUNTING]: true }>(
    (source, args, context, info) => {
      const { budget } = context;
      budget.check();
      const result = resolve(source, args, context, info) as unknown;
      if (result instanceof Promise) return result.then((value: unknown) => counted(budget, value));
      return counted(budget, result);
    },
    { [COUNTING]: true },
  );
}

function counted(budget: ResultBudget, value: unknown): unknown {
  if (Array.isArray(value)) budget.take(value.length);
  return value;
}

/**
 * Replaces the answer of a query that spent its budget, or whose JSON would pass the byte
 * budget, with one error (HTTP 400, as for the limits checked before a query runs). Runs before the request observer, which then counts it as rejected.
 */
export function resultBudgetPlugin(): ApolloServerPlugin<BudgetedContext & { stats: RequestStats }> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async willSendResponse({ response }) {
          const { budget, stats } = contextValue;
          // For the request's log line: what the estimate said against what the query returned.
          if (budget.estimate !== null) Object.assign(stats, { cost: budget.estimate, items: budget.items });
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (budget.exceeded === null && jsonLengthExceeds(result.data, budget.limits.maxBytes)) {
            budget.exceeded = 'responseBytes';
          }
          if (budget.exceeded === null) return;
          const { message, extensions } = budget.error();
          const { http: _http, ...rest } = extensions as Record<string, unknown>;
          response.body.singleResult = { data: null, errors: [{ message, extensions: rest }] };
          // As for every other limit: the request is refused, whichever executor got how far.
          response.http.status = 400;
        },
      };
    },
  };
}

/**
 * Whether `value` as JSON is longer than `max` characters, walked without building the string
 * and abandoned as soon as the answer is too long. Escapes are not counted, so this is a
 * little under the true length: a budget, not a measurement.
 */
export function jsonLengthExceeds(value: unknown, max: number): boolean {
  let length = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === 'string') length += item.length + 2;
    else if (typeof item === 'number') length += String(item).length;
    else if (typeof item === 'boolean') length += item ? 4 : 5;
    else if (item === null || item === undefined) length += 4;
    else if (Array.isArray(item)) {
      length += 1 + Math.max(1, item.length);
      if (length > max) return true;
      for (const element of item) stack.push(element);
    } else if (typeof item === 'object') {
      length += 1;
      for (const key in item) {
        length += key.length + 4; // "key": and a comma or the closing brace
        stack.push((item as Record<string, unknown>)[key]);
      }
    }
    if (length > max) return true;
  }
  return false;
}
