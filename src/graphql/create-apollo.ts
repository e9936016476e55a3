import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDisableSuggestions } from '@apollo/server/plugin/disableSuggestions';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { GraphQLSchema } from 'graphql';

import type { Config } from '../config';
import type { GraphStore } from '../domain/ports/graph-store.port';
import type { Context, RequestContext } from './request-context';
import { type ExecutionMismatch, compiledExecutionPlugin } from './execution/compiled-executor';
import { DocumentCache } from './execution/document-cache';
import { resultBudgetPlugin } from './execution/result-budget';
import { createFormatError } from './format-error';
import { beforeParsingPlugin, maxQueryBytes, trustedOnly } from './plugins/before-parsing.plugin';
import { httpOperationsOnlyPlugin } from './plugins/http-operations.plugin';
import { requestObserverPlugin } from './plugins/request-observer.plugin';
import { type GraphExtentSource, costLimitPlugin, queryLimitRules } from './query-limits';
import { PersistedQueryCache, TrustedDocuments } from './trusted-documents';

interface ApolloParts {
  readonly schema: GraphQLSchema;
  /** The store the reference run of GRAPHQL_EXECUTOR=compare reads, uncounted. */
  readonly store: GraphStore;
  readonly extents: GraphExtentSource;
  /** Called with the name of each limit that refuses a request. */
  readonly rejected: (limit: string) => void;
  readonly onMismatch: (mismatch: ExecutionMismatch) => void;
}

/** Apollo with the project's limits, documents, executor and error format; not started. */
export function createApollo(config: Config, parts: ApolloParts): ApolloServer<Context> {
  const { schema, rejected } = parts;
  const development = config.nodeEnv === 'development';
  const trusted = TrustedDocuments.load(
    config.trustedDocuments.file,
    schema,
    queryLimitRules(config.limits, () => undefined),
  );
  return new ApolloServer<Context>({
    schema,
    documentStore: new DocumentCache(
      { maxEntries: config.documentCacheEntries, maxBytes: config.documentCacheBytes },
      (hash) => trusted.document(hash),
    ),
    persistedQueries: {
      cache: new PersistedQueryCache(trusted, {
        maxEntries: config.documentCacheEntries,
        maxBytes: config.persistedQueryCacheBytes,
      }),
    },
    introspection: config.introspection,
    includeStacktraceInErrorResponses: development,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // main.ts owns the signals. Apollo's own handlers (on outside NODE_ENV=test) stop Apollo and
    // then re-send the signal, which killed the process before its requests had drained.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: config.limits.maxTokens },
    validationRules: queryLimitRules(config.limits, rejected),
    formatError: createFormatError({
      exposeInternals: development,
      stripSuggestions: config.nodeEnv === 'production',
      maxTokens: config.limits.maxTokens,
      onTokenLimit: () => rejected('tokens'),
    }),
    plugins: plugins(config, parts, trusted),
  });
}

/** In the order they must run. */
function plugins(config: Config, parts: ApolloParts, trusted: TrustedDocuments): ApolloServerPlugin<Context>[] {
  const { schema, rejected } = parts;
  return [
    httpOperationsOnlyPlugin(),
    costLimitPlugin(schema, config.limits.maxCost, parts.extents, rejected),
    // Before the observer, so an answer it replaces is counted as rejected.
    resultBudgetPlugin(),
    requestObserverPlugin(),
    // After the observer, so a refusal's outcome is the last word. Text above MAX_QUERY_BYTES is
    // refused before it is hashed for TRUSTED_DOCUMENTS=only, looked up, parsed or registered.
    beforeParsingPlugin(
      [maxQueryBytes(config.maxQueryBytes), ...(config.trustedDocuments.mode === 'only' ? [trustedOnly(trusted)] : [])],
      rejected,
    ),
    // After the limits (didResolveOperation), instead of Apollo's execution for queries.
    ...compiledExecutor(config, parts),
    // No @cacheControl hints are used; without this Apollo instruments every field resolution.
    ApolloServerPluginCacheControlDisabled(),
    // Production: no Sandbox, and no "Did you mean …?" hints, which leak the schema.
    ...(config.nodeEnv === 'production'
      ? [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginDisableSuggestions()]
      : [ApolloServerPluginLandingPageLocalDefault({ footer: false })]),
  ];
}

function compiledExecutor(config: Config, parts: ApolloParts): ApolloServerPlugin<Context>[] {
  if (config.executor === 'graphql-js') return [];
  return [
    compiledExecutionPlugin(parts.schema, {
      mode: config.executor,
      maxDocuments: config.documentCacheEntries,
      maxBytes: config.documentCacheBytes,
      // The reference run reads the store uncounted, so call counts stay those of one run.
      freshContext: (context) => (context as RequestContext).fork(parts.store),
      beforeRerun: (context) => (context as RequestContext).budget.rerun(),
      onMismatch: parts.onMismatch,
    }),
  ];
}
