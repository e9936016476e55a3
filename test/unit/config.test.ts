import { ConfigError, loadConfig } from '../../src/config';

describe('loadConfig', () => {
  it('serves on port 4000 in development when nothing is set', () => {
    expect(loadConfig({})).toEqual({
      nodeEnv: 'development',
      port: 4000,
      host: '0.0.0.0',
      logLevel: 'info',
      dataDir: undefined,
      neo4j: null,
    });
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

function errorMessageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}
