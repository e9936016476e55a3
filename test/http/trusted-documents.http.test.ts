import { operations } from '../../web/src/api/operations';
import { sha256 } from '../../src/graphql/trusted-documents';
import { type TestServer, postJson, startTestServer } from '../support/test-server';

// Registered operations (trusted-documents.json) by hash, Apollo's automatic persisted queries
// for everyone else, and TRUSTED_DOCUMENTS=only refusing anything unregistered before parsing.

const persisted = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

const post = (server: TestServer, body: unknown) => postJson(server.url, body);

const storeCalls = async (server: TestServer) => {
  const text = await (await fetch(server.url.replace(/\/graphql$/, '/metrics'))).text();
  return [...text.matchAll(/^graph_store_calls_total\{[^}]*\} (\d+)$/gm)].reduce(
    (sum, match) => sum + Number(match[1]),
    0,
  );
};

describe('trusted documents, by default', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer();
  });
  afterAll(() => api.close());

  it('answers a registered operation sent by its hash alone', async () => {
    const { status, body } = await post(api, {
      extensions: persisted(sha256(operations.ExplorerSkill)),
      variables: { slug: 'http', depth: 1, helpful: false },
    });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.skill.slug).toBe('http');
  });

  it('keeps automatic persisted queries working for other clients', async () => {
    const query = '{ levels { slug } }';
    const missing = await post(api, { extensions: persisted(sha256(query)) });
    expect(missing.body.errors?.[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await post(api, { query, extensions: persisted(sha256(query)) });
    expect(registered.body.data.levels).toHaveLength(3);
    const byHash = await post(api, { extensions: persisted(sha256(query)) });
    expect(byHash.body).toEqual(registered.body);
  });

  it('costs a document sent by its hash with each request’s variables, as one sent as text', async () => {
    const query =
      'query Page($first: Int!) { skills(first: $first) { edges { node { slug prerequisites { skill { slug } } } } } }';
    const extensions = persisted(sha256(query));
    const cheap = await post(api, { query, variables: { first: 2 }, extensions });
    expect(cheap.body.data.skills.edges).toHaveLength(2);
    // The same document, by hash, now asking for more than the cost limit allows: refused,
    // however cheap its earlier requests were, and before any store call.
    const before = await storeCalls(api);
    const costly = await post(api, { variables: { first: 100_000 }, extensions });
    expect(costly.status).toBe(400);
    expect(costly.body.errors?.[0].extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'cost' });
    expect(await storeCalls(api)).toBe(before);
    const again = await post(api, { variables: { first: 2 }, extensions });
    expect(again.body).toEqual(cheap.body);
  });

  it('still answers any valid document sent as text', async () => {
    const { body } = await post(api, { query: '{ skill(slug: "sql") { name } }' });
    expect(body.data.skill.name).toBe('SQL');
  });
});

describe('TRUSTED_DOCUMENTS=only', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({ TRUSTED_DOCUMENTS: 'only', NODE_ENV: 'production' });
  });
  afterAll(() => api.close());

  it('answers registered operations, by text and by hash', async () => {
    const byText = await post(api, { query: operations.ExplorerHome });
    expect(byText.status).toBe(200);
    expect(byText.body.data.areas).toHaveLength(5);
    const byHash = await post(api, { extensions: persisted(sha256(operations.ExplorerHome)) });
    expect(byHash.body).toEqual(byText.body);
  });

  it.each([
    ['an unregistered query', { query: '{ skills(first: 100) { edges { node { slug } } } }' }],
    ['a registered query with one character changed', { query: `${operations.ExplorerHome} ` }],
    [
      'an unregistered persisted query',
      { query: '{ levels { slug } }', extensions: persisted(sha256('{ levels { slug } }')) },
    ],
    ['an unknown hash', { extensions: persisted('b'.repeat(64)) }],
    ['a body with no document', { variables: {} }],
    ['text that is not even GraphQL', { query: '{{{{ not graphql' }],
  ])('refuses %s before parsing it, and reads nothing', async (_what, body) => {
    const before = await storeCalls(api);
    const refused = await post(api, body);
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ extensions: { code: 'PERSISTED_QUERY_NOT_ALLOWED' } }),
    ]);
    expect(await storeCalls(api)).toBe(before);
  });

  it('refuses unregistered documents sent with GET too', async () => {
    const response = await fetch(`${api.url}?query=${encodeURIComponent('{ levels { slug } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
  });
});
