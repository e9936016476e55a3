import { join } from 'node:path';

import { z } from 'zod';

import { PROJECT_ROOT } from './project-paths';

// Every setting, declared once: its name, its schema and its documentation. config.ts parses
// the environment with this schema into the typed Config; the table in docs/operations.md and
// .env.example are generated from it (npm run config:emit), and a test fails when either is stale.

/** The sections of the configuration table, in the order a newcomer needs them. */
export const SETTING_GROUPS = {
  server: 'The server',
  data: "The data and the embedded store's journal",
  neo4j: 'Neo4j',
  editing: 'Editing and problem reports',
  limits: 'Query limits',
  http: 'HTTP',
  graphql: 'GraphQL execution and caches',
} as const;

export interface SettingDoc {
  readonly group: keyof typeof SETTING_GROUPS;
  /** A sentence or two, for the table and .env.example. */
  readonly doc: string;
  /** The default as a reader should see it, where the parsed one is absolute or computed. */
  readonly shownDefault?: string;
  /** A value for .env.example where there is no default to show (secrets, addresses). */
  readonly example?: string;
  /** Never echoed in an error message. */
  readonly secret?: true;
}

/** The documentation of every setting, keyed by its schema. */
export const settingDocs = z.registry<SettingDoc>();

function setting<T extends z.ZodType>(
  schema: T,
  group: SettingDoc['group'],
  doc: string,
  more: Partial<SettingDoc> = {},
): T {
  settingDocs.add(schema as z.ZodType, { group, doc, ...more });
  return schema;
}

const integer = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);
const decimal = (min: number, max: number, fallback: number) => z.coerce.number().min(min).max(max).default(fallback);

const EDITOR_NAME = /^[A-Za-z0-9._-]{1,40}$/;
const MIN_TOKEN_LENGTH = 16;

/** "alice:token,ci-bot:token" -> credentials; problems name the entry, never the token. */
const editorTokens = z.string().transform((value, context) => {
  const credentials: { readonly name: string; readonly token: string }[] = [];
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

const KIB = 1024;
const MIB = 1024 * 1024;

/** The environment's schema: every setting, in the order problems are reported. */
export const environment = z
  .object({
    // Production unless development is asked for (npm run dev sets it): a plain start on a server
    // must not expose stack traces or Sandbox.
    NODE_ENV: setting(
      z.enum(['development', 'production', 'test']).default('production'),
      'server',
      '`development`, `test` or `production`; production shows no Sandbox, no introspection and no error details',
    ),
    PORT: setting(integer(0, 65535, 4000), 'server', 'HTTP port'),
    HOST: setting(z.string().min(1).default('0.0.0.0'), 'server', 'Interface to listen on'),
    LOG_LEVEL: setting(
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
      'server',
      '`fatal` … `trace`, or `silent`',
    ),
    NEO4J_URI: setting(
      z
        .string()
        .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/\S+$/, 'must be a neo4j://, neo4j+s://, bolt:// or bolt+s:// URI')
        .optional(),
      'neo4j',
      'Set, it selects the Neo4j store: a `neo4j://` (a cluster: reads are routed), `neo4j+s://`, `bolt://` or `bolt+s://` URI',
      { shownDefault: 'unset: the embedded store', example: 'neo4j://localhost:7687' },
    ),
    NEO4J_USER: setting(z.string().min(1).default('neo4j'), 'neo4j', 'Neo4j user'),
    NEO4J_PASSWORD: setting(
      z.string().min(1).optional(),
      'neo4j',
      'Required with `NEO4J_URI`; never logged or echoed',
      {
        secret: true,
      },
    ),
    NEO4J_DATABASE: setting(
      z
        .string()
        .regex(/^[A-Za-z][A-Za-z0-9.-]{2,62}$/, 'must be a Neo4j database name')
        .default('neo4j'),
      'neo4j',
      'Database passed on every session',
    ),
    NEO4J_TIMEOUT_MS: setting(
      integer(100, 60_000, 2500),
      'neo4j',
      'Upper bound on one read and on one write transaction, connecting included; past it the call fails with `SERVICE_UNAVAILABLE` and a write rolls back',
    ),
    DATA_FILE: setting(
      z
        .string()
        .min(1)
        .default(join(PROJECT_ROOT, 'var', 'skill-graph.journal')),
      'data',
      "The embedded store's journal: every change accepted through the API, one line each, replayed on the dataset at start",
      { shownDefault: 'var/skill-graph.journal' },
    ),
    // Room for a large write, so readiness does not say yes while real writes fail on a nearly full disk.
    JOURNAL_MIN_FREE_BYTES: setting(
      integer(0, 2 ** 40, MIB),
      'data',
      'Free bytes beside the journal that readiness requires',
    ),
    DATA_DIR: setting(z.string().min(1).optional(), 'data', 'Folder of the canonical dataset (JSON files)', {
      shownDefault: 'data/',
    }),
    GRAPHQL_EXECUTOR: setting(
      z.enum(['jit', 'graphql-js', 'compare']).default('jit'),
      'graphql',
      "How operations run: compiled by graphql-jit, by graphql-js's interpreter, or both with their answers compared (`compare`, for tests)",
    ),
    DOCUMENT_CACHE_ENTRIES: setting(
      integer(10, 1_000_000, 2000),
      'graphql',
      'Parsed and validated documents kept, and as many compiled ones',
    ),
    // A document's size is the sender's choice, so a count alone bounds nothing.
    DOCUMENT_CACHE_MB: setting(
      decimal(0.1, 4096, 16),
      'graphql',
      'Estimated heap for the parsed documents, and as much for the compiled ones',
    ),
    PERSISTED_QUERY_CACHE_MB: setting(
      decimal(0.1, 4096, 4),
      'graphql',
      "Other clients' automatic persisted queries kept",
    ),
    MAX_QUERY_BYTES: setting(
      integer(KIB, 50 * MIB, 32 * KIB),
      'limits',
      'Bytes of query text, comments and white space included; refused before parsing',
    ),
    TRUSTED_DOCUMENTS: setting(
      z.enum(['allow', 'only']).default('allow'),
      'graphql',
      'Registered operations are always served by hash, without parsing; with `only`, nothing else is answered',
    ),
    TRUSTED_DOCUMENTS_FILE: setting(
      z.string().min(1).default(join(PROJECT_ROOT, 'trusted-documents.json')),
      'graphql',
      "The registered operations (Apollo's persisted query manifest)",
      { shownDefault: 'trusted-documents.json' },
    ),
    WEB_DIR: setting(
      z
        .string()
        .min(1)
        .default(join(PROJECT_ROOT, 'web', 'dist')),
      'http',
      'The built explorer (`npm run build:web`), served at `/`',
      { shownDefault: 'web/dist/' },
    ),
    EDITOR_TOKENS: setting(
      editorTokens.optional(),
      'editing',
      'Who may write: comma-separated `name:token` pairs, tokens of at least 16 characters',
      { shownDefault: 'unset: nobody', example: 'alice:replace-with-a-long-random-token', secret: true },
    ),
    REPORT_PROBLEM_LIMIT: setting(
      integer(1, 10_000, 5),
      'editing',
      '`reportProblem` calls allowed per client in each window',
    ),
    REPORT_PROBLEM_WINDOW_SECONDS: setting(integer(1, 86_400, 3600), 'editing', 'The window of both limits'),
    // Addresses are cheap: one client can be many.
    REPORT_PROBLEM_GLOBAL_LIMIT: setting(
      integer(1, 1_000_000, 100),
      'editing',
      '`reportProblem` calls allowed from all clients together in each window',
    ),
    MAX_QUERY_DEPTH: setting(integer(2, 100, 12), 'limits', 'Depth of the selection'),
    MAX_QUERY_COST: setting(
      integer(10, 10_000_000, 50_000),
      'limits',
      "Cost: the most objects the query's lists can return, estimated before it runs",
    ),
    MAX_RESULT_ITEMS: setting(
      integer(10, 10_000_000, 50_000),
      'limits',
      "Objects the query's lists really return, counted as it runs",
    ),
    MAX_RESPONSE_BYTES: setting(
      integer(KIB, 1024 * MIB, 8 * MIB),
      'limits',
      'Length of the answer (JSON characters), measured before it is serialised',
    ),
    MAX_ALIASES: setting(integer(0, 1000, 15), 'limits', 'Aliases'),
    MAX_TOKENS: setting(integer(100, 1_000_000, 3000), 'limits', 'Tokens in the document'),
    MAX_BODY_BYTES: setting(integer(KIB, 50 * MIB, 100 * KIB), 'limits', 'Request body (413 above it)'),
    CORS_ORIGINS: setting(
      z
        .string()
        .regex(
          /^(\*|https?:\/\/[^,\s]+(,https?:\/\/[^,\s]+)*)$/,
          'must be * or a comma-separated list of http(s) origins',
        )
        .default('*'),
      'http',
      '`*` or the comma-separated origins browsers may call from',
    ),
    INTROSPECTION: setting(
      z.enum(['true', 'false']).optional(),
      'graphql',
      'Schema introspection, which Sandbox and code generators read',
      { shownDefault: 'off in production, else on', example: 'true' },
    ),
    TRUST_PROXY: setting(
      z
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
      'http',
      "Whose `X-Forwarded-For` to believe: `false` (the socket's peer), a number of proxies in front (`1`), or their addresses and ranges (`10.0.0.1,10.1.0.0/16`); `true` is refused",
    ),
    SHUTDOWN_GRACE_MS: setting(
      integer(0, 600_000, 10_000),
      'http',
      'How long shutdown waits for requests in flight and their answers',
    ),
    REQUEST_TIMEOUT_MS: setting(
      integer(100, 600_000, 30_000),
      'http',
      'A request, body included, must arrive within this (408 and the connection closed otherwise)',
    ),
    CONNECTION_TIMEOUT_MS: setting(
      integer(100, 3_600_000, 60_000),
      'http',
      'A connection on which nothing moves for this long is closed',
    ),
    // Operation names and store call counts are nobody else's business.
    METRICS_TOKEN: setting(
      z
        .string()
        .regex(
          new RegExp(`^\\S{${MIN_TOKEN_LENGTH},}$`),
          `must be at least ${MIN_TOKEN_LENGTH} characters without spaces`,
        )
        .optional(),
      'http',
      'Bearer token `/metrics` asks for (16+ characters); unset, `/metrics` is open outside production and not served in production',
      { example: 'replace-with-a-long-random-token', secret: true },
    ),
    RESPONSE_CACHE_MB: setting(
      decimal(0, 4096, 32),
      'graphql',
      'The cache of answers to anonymous queries; 0 turns it off. Always off with Neo4j',
    ),
  })
  .superRefine((env, context) => {
    if (env.NEO4J_URI !== undefined && env.NEO4J_PASSWORD === undefined) {
      context.addIssue({ code: 'custom', path: ['NEO4J_PASSWORD'], message: 'is required when NEO4J_URI is set' });
    }
  });

/** Every setting's schema by name, in the order of declaration. */
export const SETTINGS: Readonly<Record<string, z.ZodType>> = environment.shape;

/** Settings whose values an error message never echoes. */
export const SECRETS: ReadonlySet<string> = new Set(
  Object.keys(SETTINGS).filter((name) => settingDocs.get(SETTINGS[name]!)?.secret === true),
);
