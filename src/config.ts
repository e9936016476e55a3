import { isAbsolute, resolve } from 'node:path';

import { SECRETS, environment } from './settings';

// Every setting, read from the environment once and validated; the rest of the code receives
// this typed object and never reads process.env itself. The settings are declared, with their
// documentation, in settings.ts.

export interface Neo4jConfig {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly database: string;
  /** Upper bound on one store call, connecting included; beyond it the call fails as unavailable. */
  readonly timeoutMs: number;
}

export interface EditorCredential {
  readonly name: string;
  readonly token: string;
}

/** The settings, parsed: each field's meaning is its setting's documentation in `environment`. */
export interface Config {
  /** NODE_ENV */
  readonly nodeEnv: 'development' | 'production' | 'test';
  /** PORT */
  readonly port: number;
  /** HOST */
  readonly host: string;
  /** LOG_LEVEL */
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** DATA_DIR; the bundled data/ when unset. */
  readonly dataDir: string | undefined;
  /** Set when NEO4J_URI is: the server then serves Neo4j instead of the embedded store. */
  readonly neo4j: Neo4jConfig | null;
  /** DATA_FILE, absolute. */
  readonly dataFile: string;
  /** JOURNAL_MIN_FREE_BYTES */
  readonly journalMinFreeBytes: number;
  /** GRAPHQL_EXECUTOR */
  readonly executor: 'jit' | 'graphql-js' | 'compare';
  /** DOCUMENT_CACHE_ENTRIES */
  readonly documentCacheEntries: number;
  /** DOCUMENT_CACHE_MB, in bytes. */
  readonly documentCacheBytes: number;
  /** PERSISTED_QUERY_CACHE_MB, in bytes (as many entries as documents). */
  readonly persistedQueryCacheBytes: number;
  /** MAX_QUERY_BYTES */
  readonly maxQueryBytes: number;
  /** TRUSTED_DOCUMENTS and TRUSTED_DOCUMENTS_FILE (absolute). */
  readonly trustedDocuments: { readonly mode: 'allow' | 'only'; readonly file: string };
  /** WEB_DIR, absolute. */
  readonly webDir: string;
  /** EDITOR_TOKENS; empty means nobody can write. */
  readonly editors: readonly EditorCredential[];
  /** REPORT_PROBLEM_LIMIT */
  readonly reportProblemLimit: number;
  /** REPORT_PROBLEM_WINDOW_SECONDS */
  readonly reportProblemWindowSeconds: number;
  /** REPORT_PROBLEM_GLOBAL_LIMIT */
  readonly reportProblemGlobalLimit: number;
  readonly limits: QueryLimits;
  /** MAX_BODY_BYTES */
  readonly maxBodyBytes: number;
  /** CORS_ORIGINS */
  readonly corsOrigins: '*' | readonly string[];
  /** INTROSPECTION; when unset, on outside production. */
  readonly introspection: boolean;
  /** TRUST_PROXY: never "every one", which would let clients pick their own address. */
  readonly trustProxy: false | number | readonly string[];
  /** SHUTDOWN_GRACE_MS */
  readonly shutdownGraceMs: number;
  /** REQUEST_TIMEOUT_MS */
  readonly requestTimeoutMs: number;
  /** CONNECTION_TIMEOUT_MS */
  readonly connectionTimeoutMs: number;
  /** METRICS_TOKEN */
  readonly metricsToken: string | null;
  /** RESPONSE_CACHE_MB, in bytes. */
  readonly responseCacheBytes: number;
}

/**
 * Depth, cost, aliases and tokens are checked before any resolver runs (graphql/query-limits.ts);
 * result items and response bytes while and after the query runs (execution/result-budget.ts).
 */
export interface QueryLimits {
  readonly maxDepth: number;
  /** The most objects a query's lists may be estimated to return (graphql/complexity.ts). */
  readonly maxCost: number;
  readonly maxAliases: number;
  readonly maxTokens: number;
  /** The most objects a query's lists may really return, counted as it runs. */
  readonly maxResultItems: number;
  /** The longest answer, in characters of JSON. */
  readonly maxResponseBytes: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  // An empty variable means "not set", as in most shells' `VAR= command`.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = environment.safeParse(present);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        const received = SECRETS.has(name) ? '' : ` (received ${JSON.stringify(env[name])})`;
        return `${name}: ${issue.message}${received}`;
      }),
    );
  }
  const e = result.data;
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    dataDir: e.DATA_DIR,
    neo4j:
      e.NEO4J_URI === undefined
        ? null
        : {
            uri: e.NEO4J_URI,
            user: e.NEO4J_USER,
            password: e.NEO4J_PASSWORD as string,
            database: e.NEO4J_DATABASE,
            timeoutMs: e.NEO4J_TIMEOUT_MS,
          },
    dataFile: isAbsolute(e.DATA_FILE) ? e.DATA_FILE : resolve(e.DATA_FILE),
    journalMinFreeBytes: e.JOURNAL_MIN_FREE_BYTES,
    executor: e.GRAPHQL_EXECUTOR,
    documentCacheEntries: e.DOCUMENT_CACHE_ENTRIES,
    documentCacheBytes: Math.round(e.DOCUMENT_CACHE_MB * 2 ** 20),
    persistedQueryCacheBytes: Math.round(e.PERSISTED_QUERY_CACHE_MB * 2 ** 20),
    maxQueryBytes: e.MAX_QUERY_BYTES,
    trustedDocuments: { mode: e.TRUSTED_DOCUMENTS, file: resolve(e.TRUSTED_DOCUMENTS_FILE) },
    webDir: isAbsolute(e.WEB_DIR) ? e.WEB_DIR : resolve(e.WEB_DIR),
    editors: e.EDITOR_TOKENS ?? [],
    reportProblemLimit: e.REPORT_PROBLEM_LIMIT,
    reportProblemWindowSeconds: e.REPORT_PROBLEM_WINDOW_SECONDS,
    reportProblemGlobalLimit: e.REPORT_PROBLEM_GLOBAL_LIMIT,
    limits: {
      maxDepth: e.MAX_QUERY_DEPTH,
      maxCost: e.MAX_QUERY_COST,
      maxAliases: e.MAX_ALIASES,
      maxTokens: e.MAX_TOKENS,
      maxResultItems: e.MAX_RESULT_ITEMS,
      maxResponseBytes: e.MAX_RESPONSE_BYTES,
    },
    maxBodyBytes: e.MAX_BODY_BYTES,
    corsOrigins: e.CORS_ORIGINS === '*' ? '*' : e.CORS_ORIGINS.split(','),
    introspection: e.INTROSPECTION === undefined ? e.NODE_ENV !== 'production' : e.INTROSPECTION === 'true',
    trustProxy:
      e.TRUST_PROXY === 'false'
        ? false
        : /^\d+$/.test(e.TRUST_PROXY)
          ? Number(e.TRUST_PROXY)
          : e.TRUST_PROXY.split(','),
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    connectionTimeoutMs: e.CONNECTION_TIMEOUT_MS,
    metricsToken: e.METRICS_TOKEN ?? null,
    responseCacheBytes: Math.round(e.RESPONSE_CACHE_MB * 2 ** 20),
  };
}
