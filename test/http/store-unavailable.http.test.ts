import { createServer } from 'node:net';

import type { TestServer } from '../support/test-server';
import { execute, startTestServer } from '../support/test-server';
import { ALICE, EDITOR_ENV } from './editing-suite';

// No Neo4j is needed: pointing NEO4J_URI at a port where nothing listens is exactly the outage.
// The time bound (NEO4J_TIMEOUT_MS, 2.5 s by default) is a configuration fact, not asserted here;
// the benchmark and the closing notes carry the measured latency.

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer({
    NEO4J_URI: `bolt://127.0.0.1:${await closedPort()}`,
    NEO4J_PASSWORD: 'not-the-real-one',
    NEO4J_TIMEOUT_MS: '800',
    ...EDITOR_ENV,
  });
});
afterAll(() => api.close());

it('starts even though Neo4j is unreachable', () => {
  expect(api.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
});

it('answers queries with SERVICE_UNAVAILABLE, without naming the host or the credentials', async () => {
  const { errors } = await execute(api.client, '{ levels { slug } }');
  expect(errors).toEqual([
    expect.objectContaining({
      message: 'The graph store is unavailable; try again shortly',
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    }),
  ]);
  expect(JSON.stringify(errors)).not.toMatch(/127\.0\.0\.1|not-the-real-one/);
});

it('keeps serving: every later request gets the same clear answer', async () => {
  for (let i = 0; i < 3; i++) {
    const { errors } = await execute(api.client, '{ skill(slug: "http") { name } }');
    expect(errors.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
  }
});

it('answers mutations with SERVICE_UNAVAILABLE too, not INTERNAL_SERVER_ERROR', async () => {
  const { errors } = await execute(
    api.clientWithToken(ALICE),
    'mutation { addRelated(skill: "http", related: "logging") { slug } }',
  );
  expect(errors.map((e) => [e.message, e.extensions?.code])).toEqual([
    ['The graph store is unavailable; try again shortly', 'SERVICE_UNAVAILABLE'],
  ]);
});

it('is live but not ready', async () => {
  const base = api.url.replace('/graphql', '');
  const live = await fetch(`${base}/health/live`);
  const ready = await fetch(`${base}/health/ready`);
  expect([live.status, await live.json()]).toEqual([200, { status: 'live' }]);
  expect([ready.status, await ready.json()]).toEqual([
    503,
    { status: 'unavailable', reason: 'the graph store does not answer' },
  ]);
});
