import { ConfigError, loadConfig } from '../../src/config';

describe('loadConfig', () => {
  it('serves on port 4000 in development when nothing is set', () => {
    expect(loadConfig({})).toEqual({ nodeEnv: 'development', port: 4000, host: '0.0.0.0', logLevel: 'info', dataDir: undefined });
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
});
