import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { type DocumentNode, type ExecutionResult, GraphQLError, type GraphQLSchema, execute } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

/**
 * How GraphQL operations are executed:
 * - `jit`: compiled by graphql-jit once per document and operation, then run as plain
 *   functions; graphql-js for any document jit cannot compile;
 * - `graphql-js`: graphql-js's interpreter, Apollo's default;
 * - `compare` (tests): queries run with both and the answers are compared byte for byte; jit's
 *   answer is returned, any difference is reported to `onMismatch`. Mutations run once, with jit.
 */
export type ExecutorMode = 'jit' | 'graphql-js' | 'compare';

export interface ExecutionMismatch {
  readonly operationName: string | null;
  readonly query: string;
  readonly jit: string;
  readonly graphqlJs: string;
}

export interface CompiledExecutorOptions {
  readonly mode: Exclude<ExecutorMode, 'graphql-js'>;
  /** Compiled documents kept; a document is compiled again once it has been evicted. */
  readonly maxDocuments: number;
  /** For `compare`: a context of its own for the reference run, so it shares no loader cache. */
  readonly freshContext?: (context: unknown) => unknown;
  readonly onMismatch?: (mismatch: ExecutionMismatch) => void;
}

const INTERPRETED = Symbol('interpreted');
const SEEN_ONCE = Symbol('seen once');

/**
 * Apollo Server 4 and 5 take a custom executor only through their `gateway` option (the
 * `executor` option of Apollo Server 3 is gone): a gateway that hands Apollo our schema once
 * and executes every operation Apollo has parsed and validated. Parsing, validation, plugins,
 * error formatting and the HTTP layer stay Apollo's.
 */
export function compiledExecution(schema: GraphQLSchema, options: CompiledExecutorOptions): GatewayInterface {
  const compiled = new LRUCache<string, CompiledQuery | typeof INTERPRETED | typeof SEEN_ONCE>({
    max: options.maxDocuments,
  });

  // Compiling costs several times one interpreted run, so a document is compiled when it comes
  // back: one sent once (new text per request) is interpreted, and a frontend's operations,
  // sent again and again with new variables, run compiled from their second request on.
  const compile = (document: DocumentNode, operationName: string | undefined, key: string) => {
    const entry = compiled.get(key);
    // (Compare mode compiles at once: every query it sees must be run by jit.)
    if (entry === undefined && options.mode !== 'compare') {
      compiled.set(key, SEEN_ONCE);
      return INTERPRETED;
    }
    if (entry !== undefined && entry !== SEEN_ONCE) return entry;
    const result = compileQuery(schema, document, operationName, { disablingCapturingStackErrors: true });
    // Not compiled: an operation jit's compiler rejects; graphql-js answers it as before.
    const made = isCompiledQuery(result) ? result : INTERPRETED;
    compiled.set(key, made);
    return made;
  };

  const interpret = (document: DocumentNode, contextValue: unknown, variables: unknown, operationName?: string) =>
    execute({
      schema,
      document,
      contextValue,
      variableValues: variables as Record<string, unknown> | undefined,
      operationName,
    }) as ExecutionResult | Promise<ExecutionResult>;

  const executor: GatewayExecutor = async (request) => {
    const { document, queryHash, context } = request;
    const variables = request.request.variables;
    // What the client asked for; request.operationName is the name of the operation Apollo
    // resolved, null when it found none.
    const name = request.request.operationName ?? undefined;
    // Apollo found no such operation in the document: graphql-js words the error ("Unknown
    // operation named …") that Apollo expects; jit would compile the first operation instead.
    if (request.operation === undefined || request.operation === null) {
      return (await interpret(document, context, variables, name)) as Awaited<ReturnType<GatewayExecutor>>;
    }
    const entry = compile(document, name, `${queryHash}:${name ?? ''}`);
    let result =
      entry === INTERPRETED
        ? await interpret(document, context, variables, name)
        : await entry.query(undefined, context, variables);
    // No data at all: the request failed before execution (variables that do not coerce).
    // graphql-js answers those without running a resolver, and in the shape Apollo recognises
    // as the client's mistake (BAD_USER_INPUT, 400).
    if (entry !== INTERPRETED && result.errors !== undefined && !('data' in result && result.data !== undefined)) {
      result = await interpret(document, context, variables, name);
    } else if (entry !== INTERPRETED) {
      result = withGraphQLErrors(result);
    }
    if (options.mode === 'compare' && request.operation.operation === 'query') {
      const reference = await interpret(document, options.freshContext?.(context) ?? context, variables, name);
      // Key order aside (Apollo writes the response's keys itself), byte for byte.
      const jit = JSON.stringify({ data: result.data, errors: result.errors });
      const graphqlJs = JSON.stringify({ data: reference.data, errors: reference.errors });
      if (jit !== graphqlJs) {
        options.onMismatch?.({ operationName: name ?? null, query: request.source, jit, graphqlJs });
      }
    }
    return result as Awaited<ReturnType<GatewayExecutor>>;
  };

  return {
    async load() {
      return { executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    async stop() {
      compiled.clear();
    },
  };
}

/**
 * graphql-jit reports errors with a look-alike of GraphQLError that has no `extensions` unless
 * the thrown error had some; Apollo's error formatting reads `extensions.code` from every error.
 * Rebuilt as graphql-js builds them (extensions from the original error), with jit's locations.
 */
function withGraphQLErrors(result: ExecutionResult): ExecutionResult {
  if (result.errors === undefined || result.errors.length === 0) return result;
  const errors = result.errors.map((error) => {
    const rebuilt = new GraphQLError(error.message, {
      path: error.path,
      originalError: error.originalError ?? undefined,
      extensions: error.extensions,
    });
    (rebuilt as { locations?: GraphQLError['locations'] }).locations = error.locations;
    return rebuilt;
  });
  return { ...result, errors };
}
