import { getIntrospectionQuery } from 'graphql';

import { EmbeddedGraphStore } from '../../src/adapters/embedded/embedded-graph-store';
import { instrumentGraphStore } from '../../src/adapters/store-decorators';
import { loadDataset } from '../../src/dataset/load-dataset';
import type { GraphStore } from '../../src/domain/ports/graph-store.port';
import type { TestServer } from '../support/test-server';
import { execute, startTestServer } from '../support/test-server';
import { LogCapture } from '../support/log-capture';

// What makes the endpoint safe to expose: limits refused before any resolver runs, production
// error hygiene, HTTP-level refusals, health, metrics and logs.

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('query limits', () => {
  let api: TestServer;
  let storeCalls = 0;
  beforeAll(async () => {
    const store: GraphStore = instrumentGraphStore(
      EmbeddedGraphStore.fromDataset(loadDataset()),
      () => (storeCalls += 1),
    );
    api = await startTestServer({}, { store });
  });
  afterAll(() => api.close());

  async function refusal(query: string) {
    storeCalls = 0;
    const { errors, status } = await execute(api.client, query);
    expect(storeCalls).toBe(0);
    expect(errors).toHaveLength(1);
    return { status, error: errors[0] };
  }

  it('refuses a 20-level nested query before touching the store', async () => {
    const nested = Array.from({ length: 20 }).reduce<string>((inner) => `prerequisites { skill { ${inner} } }`, 'slug');
    const { status, error } = await refusal(`{ skill(slug: "distributed-transactions") { ${nested} } }`);
    expect(status).toBe(400);
    expect(error.extensions).toEqual({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'depth', max: 12, actual: 42 });
    expect(error.message).toBe('The query’s depth is 42, above the limit of 12');
  });

  it('refuses a query whose cost, with lists multiplied by `first`, is over the limit', async () => {
    const { error } = await refusal(
      '{ skills(first: 100) { edges { node { dependents { dependents { dependents { slug } } } } } } }',
    );
    // The most objects the lists can return: 100 edges, each (1 + 17 dependents, each (1 + 17 × (1 + 17))),
    // 17 being the most dependents any skill has: 100 × (1 + 17 × (1 + 17 × 18)) = 522,000.
    expect(error.extensions).toEqual({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'cost', max: 50_000, actual: 522_000 });
  });

  it('counts the cost with the variables’ values', async () => {
    storeCalls = 0;
    const query =
      'query($n: Int) { skills(first: $n) { edges { node { dependents { dependents { dependents { slug } } } } } } }';
    expect((await execute(api.client, query, { n: 100 })).errors[0].extensions).toMatchObject({ limit: 'cost' });
    expect(storeCalls).toBe(0);
    expect((await execute(api.client, query, { n: 2 })).errors).toEqual([]);
  });

  it('refuses 100 aliases', async () => {
    const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: skill(slug: "http") { slug }`).join(' ');
    const { error } = await refusal(`{ ${aliases} }`);
    expect(error.extensions).toEqual({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'aliases', max: 15, actual: 100 });
  });

  it('refuses a document with too many tokens without parsing all of it', async () => {
    const { status, error } = await refusal(`{ skill(slug: "http") { ${'slug '.repeat(3100)} } }`);
    expect(status).toBe(400);
    expect(error.extensions).toEqual({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'tokens', max: 3000 });
  });

  it('refuses batched requests', async () => {
    storeCalls = 0;
    const { status, text } = await post(
      api.url,
      JSON.stringify([{ query: '{ areas { slug } }' }, { query: '{ levels { slug } }' }]),
    );
    expect(status).toBe(400);
    expect(text).toContain('Operation batching disabled');
    expect(storeCalls).toBe(0);
  });

  it('lets the introspection query of Sandbox and ordinary queries through', async () => {
    expect((await execute(api.client, getIntrospectionQuery())).errors).toEqual([]);
    const { errors } = await execute(
      api.client,
      '{ skills(first: 100) { edges { node { slug area { slug } prerequisites { skill { slug } reason } resources { title } } } } }',
    );
    expect(errors).toEqual([]);
  });

  it('counts refusals by limit in the metrics', async () => {
    const metrics = await (await fetch(api.url.replace('/graphql', '/metrics'))).text();
    for (const limit of ['depth', 'cost', 'aliases', 'tokens']) {
      expect(metrics).toMatch(new RegExp(`graphql_rejected_queries_total\\{limit="${limit}"\\} [1-9]`));
    }
  });
});

describe('production mode', () => {
  let api: TestServer;
  const logs = new LogCapture();
  const secret = 'db at 10.1.2.3 refused user admin';
  beforeAll(async () => {
    const store = EmbeddedGraphStore.fromDataset(loadDataset());
    const faulty = new Proxy(store, {
      get: (target, property, receiver) =>
        property === 'listLevels'
          ? async () => Promise.reject(new Error(secret))
          : Reflect.get(target, property, receiver),
    });
    api = await startTestServer({ NODE_ENV: 'production', LOG_LEVEL: 'info' }, { store: faulty, logStream: logs });
  });
  afterAll(() => api.close());

  it('refuses introspection', async () => {
    const { errors } = await execute(api.client, '{ __schema { queryType { name } } }');
    expect(errors[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors[0].message).toMatch(/introspection/i);
  });

  it('gives no "did you mean" hints', async () => {
    const { errors } = await execute(api.client, '{ skil(slug: "http") { slug } }');
    expect(errors[0].message).toBe('Cannot query field "skil" on type "Query".');
  });

  it('serves no Sandbox page', async () => {
    const response = await fetch(api.url, { headers: { accept: 'text/html' } });
    expect(response.headers.get('content-type') ?? '').not.toContain('text/html');
    expect(await response.text()).not.toMatch(/sandbox/i);
  });

  it('masks an internal fault with a request id, and logs the detail under the same id', async () => {
    const { errors } = await execute(api.client, '{ levels { slug } }');
    expect(errors).toEqual([
      {
        message: 'Internal server error',
        locations: expect.any(Array),
        path: ['levels'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) },
      },
    ]);
    expect(JSON.stringify(errors)).not.toContain('10.1.2.3');
    const requestId = errors[0].extensions?.requestId;
    const failure = logs.lines.find((line) => line.requestId === requestId && line.level === 50);
    expect(failure).toMatchObject({ err: { message: secret, stack: expect.stringContaining(secret) } });
  });

  it('logs one line per request with its id, operation, duration, store calls and outcome', async () => {
    const before = logs.lines.length;
    const response = await post(
      api.url,
      JSON.stringify({ query: 'query Foundations { readyToLearn(known: []) { unlockCount } }' }),
      {
        authorization: 'Bearer do-not-log-this-token',
      },
    );
    const requestId = response.headers.get('x-request-id');
    const lines = logs.lines.slice(before).filter((line) => line.requestId === requestId);
    expect(lines).toEqual([
      expect.objectContaining({
        msg: 'request',
        method: 'POST',
        status: 200,
        operation: 'Foundations',
        outcome: 'success',
        storeCalls: 1, // rankedFoundations: nothing is known, so nothing else to read
        durationMs: expect.any(Number),
      }),
    ]);
    expect(JSON.stringify(logs.lines)).not.toContain('do-not-log-this-token');
  });
});

describe('HTTP', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({ MAX_BODY_BYTES: '2048', CORS_ORIGINS: 'https://planner.test' });
  });
  afterAll(() => api.close());

  it('answers malformed JSON with 400', async () => {
    expect((await post(api.url, '{"query": "{ areas { slug } }"')).status).toBe(400);
  });

  it('answers a body over the cap with 413', async () => {
    expect((await post(api.url, JSON.stringify({ query: `{ areas { slug } } #${'x'.repeat(3000)}` }))).status).toBe(
      413,
    );
  });

  it('answers a mutation sent with GET with 405', async () => {
    const query = encodeURIComponent(
      'mutation { reportProblem(skill: "http", message: "Sent with GET, should be refused") { id } }',
    );
    const response = await fetch(`${api.url}?query=${query}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(405);
  });

  it('keeps CSRF prevention on: a simple GET without a preflight header is refused', async () => {
    const response = await fetch(`${api.url}?query=${encodeURIComponent('{ areas { slug } }')}`);
    expect(response.status).toBe(400);
  });

  it('allows only the configured origins', async () => {
    const preflight = (origin: string) =>
      fetch(api.url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    expect((await preflight('https://planner.test')).headers.get('access-control-allow-origin')).toBe(
      'https://planner.test',
    );
    expect((await preflight('https://evil.test')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('reports liveness and readiness', async () => {
    const base = api.url.replace('/graphql', '');
    const live = await fetch(`${base}/health/live`);
    const ready = await fetch(`${base}/health/ready`);
    expect([live.status, await live.json()]).toEqual([200, { status: 'live' }]);
    expect([ready.status, await ready.json()]).toEqual([
      200,
      { status: 'ready', store: 'embedded', serverVersion: null },
    ]);
  });

  it('counts a request of a registered operation in /metrics, under its name, after it is made', async () => {
    const metricsUrl = api.url.replace('/graphql', '/metrics');
    const counted = async () =>
      Number(
        /graphql_requests_total\{operation="ExplorerHome",outcome="success"\} (\d+)/.exec(
          await (await fetch(metricsUrl)).text(),
        )?.[1] ?? 0,
      );
    const before = await counted();
    // ExplorerHome is one of the trusted documents' operations; other names are counted as "other".
    await execute(api.client, 'query ExplorerHome { areas { slug } }');
    expect(await counted()).toBe(before + 1);
    const text = await (await fetch(metricsUrl)).text();
    expect(text).toMatch(/graph_store_calls_total\{method="listAreas",outcome="success"\} [1-9]/);
    expect(text).toContain('graphql_request_duration_seconds_bucket');
    expect(text).toContain('process_cpu_user_seconds_total');
  });
});
