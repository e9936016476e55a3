import { join } from 'node:path';

import { ConfigError, loadConfig } from '../../src/config';
import { PROJECT_ROOT } from '../../src/project-paths';

describe('loadConfig', () => {
  it('serves on port 4000 in production mode, the safe default, when nothing is set', () => {
    expect(loadConfig({})).toEqual({
      nodeEnv: 'production',
      port: 4000,
      host: '0.0.0.0',
      logLevel: 'info',
      dataDir: undefined,
      neo4j: null,
      dataFile: join(PROJECT_ROOT, 'var', 'skill-graph.journal'),
      journalMinFreeBytes: 1024 * 1024,
      webDir: join(PROJECT_ROOT, 'web', 'dist'),
      executor: 'jit',
      documentCacheEntries: 2000,
      documentCacheBytes: 16 * 2 ** 20,
      persistedQueryCacheBytes: 4 * 2 ** 20,
      maxQueryBytes: 32 * 1024,
      trustedDocuments: { mode: 'allow', file: join(PROJECT_ROOT, 'trusted-documents.json') },
      editors: [],
      reportProblemLimit: 5,
      reportProblemWindowSeconds: 3600,
      reportProblemGlobalLimit: 100,
      limits: {
        maxDepth: 12,
        maxCost: 50_000,
        maxAliases: 15,
        maxTokens: 3000,
        maxResultItems: 50_000,
        maxResponseBytes: 8 * 1024 * 1024,
      },
      maxBodyBytes: 102_400,
      corsOrigins: '*',
      introspection: false,
      trustProxy: false,
      shutdownGraceMs: 10_000,
      requestTimeoutMs: 30_000,
      connectionTimeoutMs: 60_000,
      metricsToken: null,
      responseCacheBytes: 32 * 2 ** 20,
    });
  });

  it('turns introspection off in production unless asked for, and reads CORS origins as a list', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', INTROSPECTION: 'true' }).introspection).toBe(true);
    expect(loadConfig({ CORS_ORIGINS: 'https://a.test,https://b.test' }).corsOrigins).toEqual([
      'https://a.test',
      'https://b.test',
    ]);
    expect(() => loadConfig({ CORS_ORIGINS: 'a.test' })).toThrow(/CORS_ORIGINS: must be \* or a comma-separated list/);
  });

  it('reads the caches’ bounds in megabytes and the query text bound in bytes, within sane ranges', () => {
    const config = loadConfig({ DOCUMENT_CACHE_MB: '0.5', PERSISTED_QUERY_CACHE_MB: '2', MAX_QUERY_BYTES: '4096' });
    expect(config).toMatchObject({
      documentCacheBytes: 2 ** 19,
      persistedQueryCacheBytes: 2 ** 21,
      maxQueryBytes: 4096,
    });
    expect(() => loadConfig({ MAX_QUERY_BYTES: '100' })).toThrow(/MAX_QUERY_BYTES: .*received "100"/);
    expect(() => loadConfig({ DOCUMENT_CACHE_MB: '0' })).toThrow(/DOCUMENT_CACHE_MB: .*received "0"/);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(4000);
  });

  it('names the setting, the rule and the value it received', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT: .*received "eighty"/);
    expect(() => loadConfig({ NODE_ENV: 'staging' })).toThrow(/NODE_ENV: .*received "staging"/);
  });

  it('reports every bad setting at once', () => {
    try {
      loadConfig({ PORT: '70000', LOG_LEVEL: 'loud' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(2);
    }
  });

  it('selects Neo4j when NEO4J_URI is set, with defaults for the rest', () => {
    expect(loadConfig({ NEO4J_URI: 'neo4j://db:7687', NEO4J_PASSWORD: 's3cret' }).neo4j).toEqual({
      uri: 'neo4j://db:7687',
      user: 'neo4j',
      password: 's3cret',
      database: 'neo4j',
      timeoutMs: 2500,
    });
  });

  it('requires a password with NEO4J_URI, and never echoes one back', () => {
    expect(() => loadConfig({ NEO4J_URI: 'bolt://db:7687' })).toThrow(
      'NEO4J_PASSWORD: is required when NEO4J_URI is set',
    );
    expect(() => loadConfig({ NEO4J_URI: 'http://db:7474', NEO4J_PASSWORD: 'hunter2' })).toThrow(
      /NEO4J_URI: must be a neo4j:\/\//,
    );
    const message = errorMessageOf(() =>
      loadConfig({ NEO4J_URI: 'http://db', NEO4J_PASSWORD: 'hunter2', NEO4J_TIMEOUT_MS: '5' }),
    );
    expect(message).toMatch(/NEO4J_URI: .*\n.*NEO4J_TIMEOUT_MS: /);
    expect(message).not.toContain('hunter2');
  });
});

describe('EDITOR_TOKENS', () => {
  it('reads comma-separated name:token pairs', () => {
    expect(loadConfig({ EDITOR_TOKENS: 'alice:9f2c0d4e8a7b6c5d, ci-bot:77ab0c1d2e3f4a5b' }).editors).toEqual([
      { name: 'alice', token: '9f2c0d4e8a7b6c5d' },
      { name: 'ci-bot', token: '77ab0c1d2e3f4a5b' },
    ]);
  });

  it.each([
    ['a token shorter than 16 characters', 'alice:short', 'the token of alice must be at least 16 characters'],
    ['an entry without a colon', 'alice', 'entry 1 must be name:token'],
    ['a name used twice', 'alice:aaaaaaaaaaaaaaaa,alice:bbbbbbbbbbbbbbbb', 'alice is listed twice'],
    ['a token shared by two editors', 'alice:aaaaaaaaaaaaaaaa,bob:aaaaaaaaaaaaaaaa', 'bob shares a token'],
  ])('refuses %s without echoing any token', (_case, value, message) => {
    const text = errorMessageOf(() => loadConfig({ EDITOR_TOKENS: value }));
    expect(text).toContain(`EDITOR_TOKENS: ${message}`);
    for (const secret of ['short', 'aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb']) expect(text).not.toContain(secret);
  });
});

function errorMessageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}
