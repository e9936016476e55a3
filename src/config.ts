import { z } from 'zod';

// Every setting, read from the environment once and validated; the rest of the code receives
// this typed object and never reads process.env itself.

const SECRETS = new Set(['NEO4J_PASSWORD']);

const environment = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
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

export interface Config {
  readonly nodeEnv: 'development' | 'production' | 'test';
  readonly port: number;
  readonly host: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Folder of the canonical dataset; the bundled data/ when unset. */
  readonly dataDir: string | undefined;
  /** Set when NEO4J_URI is: the server then serves Neo4j instead of the embedded store. */
  readonly neo4j: Neo4jConfig | null;
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
  };
}
