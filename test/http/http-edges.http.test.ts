import { ConfigError, loadConfig } from '../../src/config';
import type { TestServer } from '../support/test-server';
import { execute, startTestServer } from '../support/test-server';

// Defects found by trying the API from outside, as a browser app, an attacker and an operator
// would, on a production-mode server with the response cache on (the default).

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('a production server with the response cache on', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({ NODE_ENV: 'production', CORS_ORIGINS: 'https://planner.test' });
  });
  afterAll(() => api.close());

  it('answers a CORS preflight from an allowed origin with 204, and one from another origin without the grant', async () => {
    const preflight = (origin: string) =>
      fetch(api.url, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const allowed = await preflight('https://planner.test');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://planner.test');
    const other = await preflight('https://evil.test');
    expect(other.status).toBeLessThan(500);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('tells browsers not to sniff any answer: GraphQL, health, metrics and not-found alike', async () => {
    const base = api.url.replace('/graphql', '');
    const answers = [
      await fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ areas { slug } }' }),
      }),
      await fetch(`${base}/health/ready`),
      await fetch(`${base}/metrics`),
      await fetch(`${base}/no-such-page`),
    ];
    expect(answers.map((answer) => answer.headers.get('x-content-type-options'))).toEqual(Array(4).fill('nosniff'));
  });

  it('quotes at most a bounded part of an unknown operationName, however long', async () => {
    const { status, text } = await post(api.url, { query: '{ areas { slug } }', operationName: 'a'.repeat(50_000) });
    expect(status).toBe(400);
    expect(text.length).toBeLessThan(1000);
    expect(JSON.parse(text).errors[0].message).toMatch(/^Unknown operation named "a+… \(\d+ more characters\)$/);
  });

  it('refuses a subscription with 400 BAD_REQUEST, not an internal error', async () => {
    const { status, text } = await post(api.url, { query: 'subscription { skillChanged { slug } }' });
    expect(status).toBe(400);
    expect(JSON.parse(text).errors).toEqual([
      expect.objectContaining({
        message: 'Subscriptions are not supported: this API answers queries and mutations over HTTP',
        extensions: { code: 'BAD_REQUEST' },
      }),
    ]);
  });

  it('refuses learning plans whose schedules would run to megabytes, before running them', async () => {
    const targets = JSON.stringify(
      (await execute<any>(api.client, '{ skills(first: 50) { edges { node { slug } } } }')).data.skills.edges.map(
        (edge: any) => edge.node.slug,
      ),
    );
    const plan = (alias: string) =>
      `${alias}: learningPath(targets: ${targets}, hoursPerWeek: 1) { totalHours schedule { week hours sessions { skill { slug name } hours } } }`;
    const query = `{ ${Array.from({ length: 15 }, (_, i) => plan(`p${i}`)).join(' ')} }`;
    const { status, text } = await post(api.url, { query });
    expect(status).toBe(400);
    expect(JSON.parse(text).errors[0].extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'cost' });
  });

  it('still answers an ordinary plan with a weekly schedule', async () => {
    const { errors, data } = await execute<any>(
      api.client,
      '{ learningPath(targets: ["distributed-transactions"], hoursPerWeek: 5) { weeks schedule { week sessions { skill { slug } hours } } } }',
    );
    expect(errors).toEqual([]);
    expect(data.learningPath.schedule.length).toBe(data.learningPath.weeks);
  });
});

describe('the cost of a learning plan', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({ NODE_ENV: 'production', MAX_QUERY_COST: '1000000' });
  });
  afterAll(() => api.close());

  const cost = async (query: string) => {
    // A cost limit of 1 refuses everything and reports the cost it computed.
    const strict = await startTestServer({ NODE_ENV: 'production', MAX_QUERY_COST: '10' });
    try {
      const { errors } = await execute(strict.client, query);
      return errors[0]?.extensions?.actual as number;
    } finally {
      await strict.close();
    }
  };

  it('grows with a schedule, and with a schedule spread thin', async () => {
    // A plan may hold every skill, whatever its targets: its steps cost the graph's size.
    const one = await cost('{ learningPath(targets: ["http"]) { steps { skill { slug } } } }');
    const two = await cost('{ learningPath(targets: ["http", "caching"]) { steps { skill { slug } } } }');
    const weekly = await cost(
      '{ learningPath(targets: ["http"], hoursPerWeek: 10) { steps { skill { slug } } schedule { week } } }',
    );
    const thin = await cost(
      '{ learningPath(targets: ["http"], hoursPerWeek: 1) { steps { skill { slug } } schedule { week } } }',
    );
    expect(two).toBe(one);
    expect(thin).toBeGreaterThan(weekly);
    expect(weekly).toBeGreaterThan(one);
  });
});

describe('TRUST_PROXY', () => {
  const report = (api: TestServer, forwardedFor: string) =>
    post(
      api.url,
      {
        query: 'mutation { reportProblem(skill: "http", message: "A report to count against the rate limit") { id } }',
      },
      { 'x-forwarded-for': forwardedFor },
    );

  it('refuses "true", which would let any client choose its own address', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: would trust any client's X-Forwarded-For/);
  });

  it('ignores X-Forwarded-For from a client that is not a configured proxy: the rate limit holds', async () => {
    const api = await startTestServer({ TRUST_PROXY: '10.0.0.1', REPORT_PROBLEM_LIMIT: '5' });
    try {
      const statuses = [];
      for (let i = 0; i < 7; i++) {
        const { text } = await report(api, `203.0.113.${i}`);
        statuses.push(JSON.parse(text).errors?.[0]?.extensions?.code ?? 'ok');
      }
      expect(statuses).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'RATE_LIMITED', 'RATE_LIMITED']);
    } finally {
      await api.close();
    }
  });

  it('takes the client address from the configured proxy’s X-Forwarded-For', async () => {
    const api = await startTestServer({ TRUST_PROXY: '127.0.0.1', REPORT_PROBLEM_LIMIT: '5' });
    try {
      for (let i = 0; i < 6; i++) expect(JSON.parse((await report(api, `203.0.113.${i}`)).text).errors).toBeUndefined();
    } finally {
      await api.close();
    }
  });

  it('trusts a number of hops', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1,10.1.0.0/16' }).trustProxy).toEqual(['10.0.0.1', '10.1.0.0/16']);
  });
});
