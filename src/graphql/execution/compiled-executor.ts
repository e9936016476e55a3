import { setFlagsFromString } from 'node:v8';

import { type ApolloServerPlugin, type GraphQLResponse, HeaderMap } from '@apollo/server';
import {
  type DocumentNode,
  type ExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  Kind,
  type SelectionSetNode,
  execute,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

import { PARSED_BYTES_PER_CHAR, sourceLength } from './document-cache';

/**
 * How GraphQL operations are executed:
 * - `jit`: queries compiled by graphql-jit once per document and operation, then run as plain
 *   functions; graphql-js for everything else (see compiledExecutionPlugin);
 * - `graphql-js`: graphql-js's interpreter, Apollo's default;
 * - `compare` (tests): every query jit answers is also run by graphql-js and the answers are
 *   compared byte for byte; jit's answer is returned, any difference is reported to `onMismatch`.
 */
type ExecutorMode = 'jit' | 'graphql-js' | 'compare';

export interface ExecutionMismatch {
  readonly operationName: string | null;
  readonly query: string;
  readonly jit: string;
  readonly graphqlJs: string;
}

export interface CompiledExecutionOptions {
  readonly mode: Exclude<ExecutorMode, 'graphql-js'>;
  /** Compiled documents kept; a document is compiled again once it has been evicted. */
  readonly maxDocuments: number;
  /** The same, as an estimate of their heap bytes (COMPILED_BYTES_PER_CHAR). */
  readonly maxBytes: number;
  /** For `compare`: a context of its own for the reference run, so it shares no loader cache. */
  readonly freshContext?: (context: unknown) => unknown;
  readonly onMismatch?: (mismatch: ExecutionMismatch) => void;
  /** Before a query whose compiled run failed runs again on graphql-js (to forget its counts). */
  readonly beforeRerun?: (context: unknown) => void;
}

const INTERPRETED = Symbol('interpreted');
const SEEN_ONCE = Symbol('seen once');

/**
 * Heap held by a compiled query per field it selects (fragments expanded): its generated code,
 * 2.0–4.3 KB per field measured on the explorer's operations and on 16 to 240-field documents.
 * It also keeps its document (PARSED_BYTES_PER_CHAR).
 */
const COMPILED_BYTES_PER_FIELD = 4096;
const ENTRY_OVERHEAD = 256;

/** Fields a compiled query has code for: each selection, with every fragment spread expanded. */
export function selectedFields(document: DocumentNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const perFragment = new Map<string, number>();
  const count = (selections: SelectionSetNode | undefined, visiting: ReadonlySet<string>): number => {
    let total = 0;
    for (const selection of selections?.selections ?? []) {
      if (selection.kind === Kind.FIELD) total += 1 + count(selection.selectionSet, visiting);
      else if (selection.kind === Kind.INLINE_FRAGMENT) total += count(selection.selectionSet, visiting);
      else {
        const name = selection.name.value;
        // (Validation has refused cycles already; this only keeps a bad document finite.)
        if (visiting.has(name)) continue;
        if (!perFragment.has(name)) {
          perFragment.set(name, count(fragments.get(name)?.selectionSet, new Set([...visiting, name])));
        }
        total += perFragment.get(name)!;
      }
    }
    return total;
  };
  let total = 0;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) total += count(definition.selectionSet, new Set());
  }
  return total;
}

interface Compiled {
  readonly query: CompiledQuery;
  readonly bytes: number;
}

/**
 * graphql-jit through Apollo's `responseForOperation` plugin hook. Apollo parses, validates and
 * runs every other plugin hook; this hook then answers a query with the compiled document.
 *
 * Apollo's `gateway` option, its other way in, cost more than jit saved: a 50-skill list took
 * 410–490 µs in-process behind a gateway, against 250–300 µs from this hook. Allocation was
 * the same; far more of it survived into V8's old generation (BENCHMARKS.md, section 9).
 *
 * Only answers without errors are served from here. Apollo formats errors only for answers it
 * produced itself: their codes, masking and `BAD_USER_INPUT` classification. So a query whose
 * compiled run reports any error returns null and runs again on Apollo's own graphql-js path.
 * The second run reads the same request's loaders, and a failing query is the rare case.
 * Mutations, and operations Apollo could not resolve, always take Apollo's path.
 */
export function compiledExecutionPlugin(schema: GraphQLSchema, options: CompiledExecutionOptions): ApolloServerPlugin {
  // graphql-jit compiles each document with `new Function`, and V8's compilation cache keeps
  // every such source and its code, past this cache's evictions, until many major collections
  // later: 1,000 compiled 32 KB documents held 430 MB of heap there. Recompiling a source
  // costs about 0.3 ms more without it, once per document kept here.
  setFlagsFromString('--no-compilation-cache');
  // A marker weighs its key; a compiled query, by the text of the document it was compiled from.
  const compiled = new LRUCache<string, Compiled | typeof INTERPRETED | typeof SEEN_ONCE>({
    max: options.maxDocuments,
    maxSize: options.maxBytes,
    sizeCalculation: (entry, key) => ENTRY_OVERHEAD + key.length + (typeof entry === 'symbol' ? 0 : entry.bytes),
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
    const made = isCompiledQuery(result)
      ? {
          query: result,
          bytes: sourceLength(document) * PARSED_BYTES_PER_CHAR + selectedFields(document) * COMPILED_BYTES_PER_FIELD,
        }
      : INTERPRETED;
    compiled.set(key, made);
    return made;
  };

  return {
    async requestDidStart() {
      return {
        async responseForOperation({ operation, document, queryHash, request, contextValue, source }) {
          if (operation?.operation !== 'query') return null;
          const name = request.operationName ?? undefined;
          const entry = compile(document, name, `${queryHash}:${name ?? ''}`);
          if (entry === INTERPRETED) return null;
          const result = (await entry.query.query(undefined, contextValue, request.variables)) as ExecutionResult;
          if (result.errors !== undefined || result.data === undefined || result.data === null) {
            options.beforeRerun?.(contextValue);
            return null;
          }
          if (options.mode === 'compare') {
            const reference = await execute({
              schema,
              document,
              contextValue: options.freshContext?.(contextValue) ?? contextValue,
              variableValues: request.variables,
              operationName: name,
            });
            // Apollo writes the response's keys itself; the rest must match byte for byte.
            const jit = JSON.stringify({ data: result.data, errors: result.errors });
            const graphqlJs = JSON.stringify({ data: reference.data, errors: reference.errors });
            if (jit !== graphqlJs) options.onMismatch?.({ operationName: name ?? null, query: source, jit, graphqlJs });
          }
          const response: GraphQLResponse = {
            http: { status: undefined, headers: new HeaderMap() },
            body: { kind: 'single', singleResult: { data: result.data } },
          };
          return response;
        },
      };
    },
    async serverWillStart() {
      return {
        async serverWillStop() {
          compiled.clear();
        },
      };
    },
  };
}
