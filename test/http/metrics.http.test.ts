import type { TestServer } from '../support/test-server';
import { execute, startTestServer } from '../support/test-server';

// /metrics tells whoever reads it what the API is asked and how the store is used: labels must
// stay those an operator's dashboards know, and in production only the scraper may read it.

const TOKEN = 'metrics-token-0123456789abcdef';

const metricsUrl = (api: TestServer) => api.url.replace('/graphql', '/metrics');
const read = (api: TestServer, headers: Record<string, string> = {}) => fetch(metricsUrl(api), { headers });

describe('operation labels', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer();
  });
  afterAll(() => api.close());

  it('label only the registered operations: 200 made-up names do not take the place of ExplorerSearch', async () => {
    for (let i = 0; i < 200; i++) await execute(api.client, `query Squat${i} { levels { slug } }`);
    await execute(api.client, 'query ExplorerSearch { areas { slug } }');
    const text = await (await read(api)).text();
    expect(text).toMatch(/graphql_requests_total\{operation="ExplorerSearch",outcome="success"\} 1\n/);
    expect(text).toMatch(/graphql_requests_total\{operation="other",outcome="success"\} 200\n/);
    expect(text).not.toContain('Squat');
  });
});

describe('with METRICS_TOKEN', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({ NODE_ENV: 'production', METRICS_TOKEN: TOKEN });
  });
  afterAll(() => api.close());

  it('answers 401 without the bearer token, or with another one', async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: `Bearer ${TOKEN}x` }, { authorization: TOKEN }];
    for (const headers of attempts) {
      const response = await read(api, headers);
      expect([response.status, response.headers.get('www-authenticate')]).toEqual([401, 'Bearer realm="metrics"']);
      expect(await response.text()).not.toContain('graphql_requests_total');
    }
  });

  it('serves the metrics to the bearer of the token', async () => {
    const response = await read(api, { authorization: `Bearer ${TOKEN}` });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('graphql_requests_total');
  });
});

describe('in production without METRICS_TOKEN', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({ NODE_ENV: 'production' });
  });
  afterAll(() => api.close());

  it('does not serve /metrics at all', async () => {
    const response = await read(api);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('graphql_requests_total');
  });
});

it('refuses a METRICS_TOKEN shorter than 16 characters, without quoting it', async () => {
  await expect(startTestServer({ METRICS_TOKEN: 'short-secret' })).rejects.toThrow(
    /METRICS_TOKEN: must be at least 16 characters without spaces$/m,
  );
});
