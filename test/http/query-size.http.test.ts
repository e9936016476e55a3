import { sha256 } from '../../src/graphql/trusted-documents';
import { type TestServer, postJson, startTestServer } from '../support/test-server';

// Production serves /metrics to this token only.
const METRICS_TOKEN = 'metrics-token-for-the-query-size-test';

// MAX_QUERY_BYTES: the query text as sent, comments and white space included (the parser's
// token limit counts neither), refused before it is parsed, cached or registered.

const MAX = 32 * 1024;

/** A valid document of exactly `bytes` bytes of UTF-8, mostly a comment. */
const documentOf = (bytes: number, char = 'x') => {
  const head = '{ __typename } #';
  return head + char.repeat((bytes - head.length) / Buffer.byteLength(char));
};

const post = (server: TestServer, body: unknown) => postJson(server.url, body);

const persisted = (query: string) => ({ persistedQuery: { version: 1, sha256Hash: sha256(query) } });

describe('MAX_QUERY_BYTES', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({ NODE_ENV: 'production', METRICS_TOKEN: METRICS_TOKEN });
  });
  afterAll(() => api.close());

  it('answers a document of exactly the limit', async () => {
    const { status, body } = await post(api, { query: documentOf(MAX) });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { __typename: 'Query' } });
  });

  it.each([
    ['one byte over, in a comment', documentOf(MAX + 1), MAX + 1],
    ['under the limit in characters but over it in UTF-8 bytes', documentOf(MAX + 2, 'é'), MAX + 2],
    ['far over, and not even GraphQL', `{{{ ${'x'.repeat(90_000)}`, 90_004],
  ])('refuses a document %s before parsing it, with its size', async (_what, query, actual) => {
    const { status, body } = await post(api, { query });
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      {
        message: `The query’s text is ${actual} bytes, above the limit of ${MAX}`,
        extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'bytes', max: MAX, actual },
      },
    ]);
  });

  it('does not register a persisted query above the limit: its hash stays unknown', async () => {
    const query = documentOf(MAX + 100);
    const registered = await post(api, { query, extensions: persisted(query) });
    expect(registered.status).toBe(400);
    expect(registered.body.errors?.[0].extensions.limit).toBe('bytes');
    const byHash = await post(api, { extensions: persisted(query) });
    expect(byHash.body.errors?.[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('counts its refusals in the metrics under limit="bytes", and the request as rejected', async () => {
    const metrics = () =>
      fetch(api.url.replace(/\/graphql$/, '/metrics'), { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }).then(
        (response) => response.text(),
      );
    const refusals = (text: string) =>
      Number(/^graphql_rejected_queries_total\{limit="bytes"\} (\d+)$/m.exec(text)?.[1] ?? 0);
    const rejected = (text: string) =>
      [...text.matchAll(/^graphql_requests_total\{[^}]*outcome="rejected"[^}]*\} (\d+)$/gm)].reduce(
        (sum, match) => sum + Number(match[1]),
        0,
      );
    const before = await metrics();
    await post(api, { query: documentOf(MAX + 1) });
    const after = await metrics();
    expect(refusals(after)).toBe(refusals(before) + 1);
    expect(rejected(after)).toBe(rejected(before) + 1);
  });
});
