import { isAbsolute, join, resolve } from 'node:path';

import { z } from 'zod';

import { PROJECT_ROOT } from './project-paths';

// Every setting, read from the environment once and validated; the rest of the code receives
// this typed object and never reads process.env itself.

const SECRETS = new Set(['NEO4J_PASSWORD', 'EDITOR_TOKENS', 'METRICS_TOKEN']);

const EDITOR_NAME = /^[A-Za-z0-9._-]{1,40}$/;
const MIN_TOKEN_LENGTH = 16;

/** "alice:token,ci-bot:token" -> credentials; problems name the entry, never the token. */
const editorTokens = z.string().transform((value, context) => {
  const credentials: EditorCredential[] = [];
  value.split(',').forEach((entry, i) => {
    const colon = entry.indexOf(':');
    const name = colon < 0 ? '' : entry.slice(0, colon).trim();
    const token = colon < 0 ? '' : entry.slice(colon + 1).trim();
    const problem = !EDITOR_NAME.test(name)
      ? `entry ${i + 1} must be name:token, with a name of letters, digits, ".", "_" or "-"`
      : token.length < MIN_TOKEN_LENGTH || /\s/.test(token)
        ? `the token of ${name} must be at least ${MIN_TOKEN_LENGTH} characters without spaces`
        : credentials.some((c) => c.name === name)
          ? `${name} is listed twice`
          : credentials.some((c) => c.token === token)
            ? `${name} shares a token with another editor`
            : null;
    if (problem === null) credentials.push({ name, token });
    else context.addIssue({ code: 'custom', message: problem });
  });
  return credentials;
});

const environment = z
  .object({
    // Production unless development is asked for (npm run dev sets it): a plain start on a server
    // must not expose stack traces or Sandbox.
    NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    HOST: z.string().min(1).default('0.0.0.0'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATA_DIR: z.string().min(1).optional(),
    NEO4J_URI: z
      .string()
      .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/\S+$/, 'must be a neo4j://, neo4j+s://, bolt:// or bolt+s:// URI')
      .optional(),
    NEO4J_USER: z.string().min(1).default('neo4j'),
    NEO4J_PASSWORD: z.string().min(1).optional(),
    NEO4J_DATABASE: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9.-]{2,62}$/, 'must be a Neo4j database name')
      .default('neo4j'),
    NEO4J_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2500),
    DATA_FILE: z
      .string()
      .min(1)
      .default(join(PROJECT_ROOT, 'var', 'skill-graph.journal')),
    JOURNAL_MIN_FREE_BYTES: z.coerce
      .number()
      .int()
      .min(0)
      .max(2 ** 40)
      .default(1024 * 1024),
    GRAPHQL_EXECUTOR: z.enum(['jit', 'graphql-js', 'compare']).default('jit'),
    DOCUMENT_CACHE_ENTRIES: z.coerce.number().int().min(10).max(1_000_000).default(2000),
    DOCUMENT_CACHE_MB: z.coerce.number().min(0.1).max(4096).default(16),
    PERSISTED_QUERY_CACHE_MB: z.coerce.number().min(0.1).max(4096).default(4),
    MAX_QUERY_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(50 * 1024 * 1024)
      .default(32 * 1024),
    TRUSTED_DOCUMENTS: z.enum(['allow', 'only']).default('allow'),
    TRUSTED_DOCUMENTS_FILE: z.string().min(1).default(join(PROJECT_ROOT, 'trusted-documents.json')),
    WEB_DIR: z
      .string()
      .min(1)
      .default(join(PROJECT_ROOT, 'web', 'dist')),
    EDITOR_TOKENS: editorTokens.optional(),
    REPORT_PROBLEM_LIMIT: z.coerce.number().int().min(1).max(10_000).default(5),
    REPORT_PROBLEM_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(3600),
    REPORT_PROBLEM_GLOBAL_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(100),
    MAX_QUERY_DEPTH: z.coerce.number().int().min(2).max(100).default(12),
    MAX_QUERY_COST: z.coerce.number().int().min(10).max(10_000_000).default(50_000),
    MAX_RESULT_ITEMS: z.coerce.number().int().min(10).max(10_000_000).default(50_000),
    MAX_RESPONSE_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(1024 * 1024 * 1024)
      .default(8 * 1024 * 1024),
    MAX_ALIASES: z.coerce.number().int().min(0).max(1000).default(15),
    MAX_TOKENS: z.coerce.number().int().min(100).max(1_000_000).default(3000),
    MAX_BODY_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(50 * 1024 * 1024)
      .default(100 * 1024),
    CORS_ORIGINS: z
      .string()
      .regex(
        /^(\*|https?:\/\/[^,\s]+(,https?:\/\/[^,\s]+)*)$/,
        'must be * or a comma-separated list of http(s) origins',
      )
      .default('*'),
    INTROSPECTION: z.enum(['true', 'false']).optional(),
    TRUST_PROXY: z
      .string()
      .refine((value) => value !== 'true', {
        message:
          "would trust any client's X-Forwarded-For (and let it choose its own address for rate limits); " +
          'give the number of proxies in front of the API (1) or their addresses (10.0.0.1,10.1.0.0/16)',
      })
      .refine(
        (value) => value === 'false' || /^\d{1,2}$/.test(value) || /^[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*$/.test(value),
        {
          message: 'must be false, a number of proxies (1), or comma-separated proxy addresses or CIDR ranges',
        },
      )
      .default('false'),
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
    REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
    CONNECTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
    METRICS_TOKEN: z
      .string()
      .regex(
        new RegExp(`^\\S{${MIN_TOKEN_LENGTH},}$`),
        `must be at least ${MIN_TOKEN_LENGTH} characters without spaces`,
      )
      .optional(),
    RESPONSE_CACHE_MB: z.coerce.number().min(0).max(4096).default(32),
  })
  .superRefine((env, context) => {
    if (env.NEO4J_URI !== undefined && env.NEO4J_PASSWORD === undefined) {
      context.addIssue({ code: 'custom', path: ['NEO4J_PASSWORD'], message: 'is required when NEO4J_URI is set' });
    }
  });

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

export interface Config {
  readonly nodeEnv: 'development' | 'production' | 'test';
  readonly port: number;
  readonly host: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Folder of the canonical dataset; the bundled data/ when unset. */
  readonly dataDir: string | undefined;
  /** Set when NEO4J_URI is: the server then serves Neo4j instead of the embedded store. */
  readonly neo4j: Neo4jConfig | null;
  /** The embedded store's journal of accepted changes (absolute). */
  readonly dataFile: string;
  /**
   * Free bytes the journal's disk must have for the server to report itself ready: room for a
   * large write, so readiness does not say yes while real writes fail on a nearly full disk.
   */
  readonly journalMinFreeBytes: number;
  /**
   * How operations run: compiled by graphql-jit (default), graphql-js's interpreter, or both
   * with their answers compared (`compare`, for tests).
   */
  readonly executor: 'jit' | 'graphql-js' | 'compare';
  /** Parsed and validated documents kept, and as many compiled ones. */
  readonly documentCacheEntries: number;
  /**
   * The same as an estimate of heap bytes, for the parsed and for the compiled documents each:
   * an entry's size is the requester's choice, so a count alone bounds nothing.
   */
  readonly documentCacheBytes: number;
  /** Automatic persisted queries' texts kept (bytes; as many entries as documents). */
  readonly persistedQueryCacheBytes: number;
  /** Query texts above this, comments included, get 400 QUERY_LIMIT_EXCEEDED before parsing. */
  readonly maxQueryBytes: number;
  /**
   * The registered operations (trusted-documents.json): always served by hash and without
   * parsing; with `only`, nothing else is accepted.
   */
  readonly trustedDocuments: { readonly mode: 'allow' | 'only'; readonly file: string };
  /** The built explorer (npm run build:web), served at `/` (absolute). */
  readonly webDir: string;
  /** Who may write; empty means nobody can. */
  readonly editors: readonly EditorCredential[];
  /** reportProblem calls allowed per client in each window. */
  readonly reportProblemLimit: number;
  readonly reportProblemWindowSeconds: number;
  /** reportProblem calls allowed from all clients together in each window: addresses are cheap. */
  readonly reportProblemGlobalLimit: number;
  readonly limits: QueryLimits;
  /** Request bodies above this get 413. */
  readonly maxBodyBytes: number;
  /** '*' or the exact origins browsers may call from. */
  readonly corsOrigins: '*' | readonly string[];
  /** Schema introspection; off in production unless INTROSPECTION=true. */
  readonly introspection: boolean;
  /**
   * Which proxies' X-Forwarded-For to believe: none (false), the nearest N hops, or these
   * addresses and ranges. Never "every one", which would let clients pick their own address.
   */
  readonly trustProxy: false | number | readonly string[];
  /** How long shutdown waits for requests in flight. */
  readonly shutdownGraceMs: number;
  /** A request, body included, must arrive within this; a client trickling its body is cut off (408). */
  readonly requestTimeoutMs: number;
  /** A connection on which nothing moves for this long is closed. */
  readonly connectionTimeoutMs: number;
  /**
   * Bearer token /metrics asks for. Unset: /metrics is open outside production and not served in
   * production, where operation names and store call counts are nobody else's business.
   */
  readonly metricsToken: string | null;
  /** Size of the response cache for anonymous queries; 0 turns it off. Always off with Neo4j. */
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
