import { ALICE, EDITOR_ENV } from './editing-suite';
import type { TestServer } from '../support/test-server';
import { startTestServer } from '../support/test-server';

// The response cache may only ever answer what the API would answer now.

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer(EDITOR_ENV);
});
afterAll(() => api.close());

async function post(query: string, headers: Record<string, string> = {}, url = api.url) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  return {
    status: response.status,
    cache: response.headers.get('x-cache'),
    contentType: response.headers.get('content-type'),
    body: text.startsWith('{') ? JSON.parse(text) : text,
  };
}

const PREREQUISITES = '{ skill(slug: "caching") { prerequisites { skill { slug } } } }';

it('answers a repeated anonymous query from the cache, with the same bytes', async () => {
  const first = await post('{ levels { slug rank } }');
  const second = await post('{ levels { slug rank } }');
  expect([first.cache, second.cache]).toEqual(['miss', 'hit']);
  expect(second.body).toEqual(first.body);
});

it('forgets everything when a write commits, so the next read sees it', async () => {
  const before = await post(PREREQUISITES);
  expect((await post(PREREQUISITES)).cache).toBe('hit');
  const write = await post(
    'mutation { addPrerequisite(skill: "caching", requires: "complexity-analysis", reason: "Cache sizing needs Big-O") { slug } }',
    {
      authorization: `Bearer ${ALICE}`,
    },
  );
  expect(write.body.errors).toBeUndefined();
  const after = await post(PREREQUISITES);
  expect(after.cache).toBe('miss');
  expect(after.body.data.skill.prerequisites).toEqual(
    [...before.body.data.skill.prerequisites, { skill: { slug: 'complexity-analysis' } }].sort((a, b) =>
      a.skill.slug < b.skill.slug ? -1 : 1,
    ),
  );
});

it('never caches or serves the requests of editors', async () => {
  const asEditor = { authorization: `Bearer ${ALICE}` };
  expect((await post('{ areas { slug } }', asEditor)).cache).toBeNull();
  expect((await post('{ areas { slug } }', asEditor)).cache).toBeNull();
});

it('never caches answers with errors, nor mutations', async () => {
  const missing = '{ prerequisiteChain(skill: "no-such-skill") { order { slug } } }';
  expect([(await post(missing)).cache, (await post(missing)).cache]).toEqual(['miss', 'miss']);
  const report = 'mutation { reportProblem(skill: "http", message: "A report sent twice, never cached") { id } }';
  const [a, b] = [await post(report), await post(report)];
  expect(a.body.data.reportProblem.id).not.toBe(b.body.data.reportProblem.id);
});

it('does not store an answer computed before a write that committed while it ran', async () => {
  // Start a read, commit a write before it finishes, and check the read's answer is not reused.
  const read = post('{ skill(slug: "logging") { related { slug } } }');
  const write = post('mutation { addRelated(skill: "logging", related: "containers") { slug } }', {
    authorization: `Bearer ${ALICE}`,
  });
  await Promise.all([read, write]);
  const now = await post('{ skill(slug: "logging") { related { slug } } }');
  expect(now.body.data.skill.related).toContainEqual({ slug: 'containers' });
});

it('is off when RESPONSE_CACHE_MB is 0', async () => {
  const uncached = await startTestServer({ RESPONSE_CACHE_MB: '0' });
  try {
    const response = await fetch(uncached.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ levels { slug } }"}',
    });
    expect(response.headers.get('x-cache')).toBeNull();
  } finally {
    await uncached.close();
  }
});

it('answers a request that accepts no JSON type as Apollo does (406), even when the answer is cached', async () => {
  const query = '{ areas { slug name } }';
  await post(query);
  expect((await post(query)).cache).toBe('hit');
  const html = await post(query, { accept: 'text/html' });
  expect([html.status, html.cache]).toEqual([406, null]);
});

it('answers in the media type the request accepts, never the one of whoever asked first', async () => {
  const query = '{ levels { slug name } }';
  const accept = 'application/graphql-response+json';
  expect((await post(query, { accept })).contentType).toBe('application/graphql-response+json; charset=utf-8');
  const plain = await post(query);
  expect([plain.cache, plain.contentType]).toEqual(['miss', 'application/json; charset=utf-8']);
  const again = await post(query, { accept });
  expect([again.cache, again.contentType]).toEqual(['hit', 'application/graphql-response+json; charset=utf-8']);
});

it('answers only on /graphql: a cached question sent to /graphqlXYZ gets 404', async () => {
  const query = '{ areas { slug } }';
  await post(query);
  expect((await post(query)).cache).toBe('hit');
  const elsewhere = await post(query, {}, api.url.replace('/graphql', '/graphqlXYZ'));
  expect([elsewhere.status, elsewhere.cache]).toEqual([404, null]);
});

it('keeps its answers when someone reports a problem: reports change nothing anonymous clients can see', async () => {
  const query = '{ skill(slug: "http") { slug name } }';
  await post(query);
  expect((await post(query)).cache).toBe('hit');
  const report = await post(
    'mutation { reportProblem(skill: "http", message: "A report, which must not flush the cache") { id } }',
  );
  expect(report.body.errors).toBeUndefined();
  expect((await post(query)).cache).toBe('hit');
});

it('does not tell production clients whether someone else asked the same question', async () => {
  const production = await startTestServer({ NODE_ENV: 'production' });
  try {
    const ask = () =>
      fetch(production.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ levels { slug } }"}',
      });
    await ask();
    expect((await ask()).headers.get('x-cache')).toBeNull();
  } finally {
    await production.close();
  }
});
