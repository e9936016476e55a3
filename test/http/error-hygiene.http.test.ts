import type { TestServer } from '../support/test-server';
import { startTestServer } from '../support/test-server';

// Abuse cases of error handling, pinned with their codes and messages: what a client sees when
// its request is refused before GraphQL runs, when graphql-js would hint at the schema, and when
// Apollo refuses a persisted query.

async function post(url: string, body: unknown) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, errors: (JSON.parse(text) as { errors?: any[] }).errors ?? [] };
}

/** `levels` lists nested in one another, as JSON text: 10 KB for 5,000 levels. */
const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
const LEARNING_PATH = 'query($v: [String!]!) { learningPath(targets: $v) { totalHours } }';

describe.each([
  ['with the response cache on', {}],
  ['with the response cache off', { RESPONSE_CACHE_MB: '0' }],
])('a production server %s', (_name, env) => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({ NODE_ENV: 'production', ...env });
  });
  afterAll(() => api.close());

  it('refuses variables nested 5,000 levels deep with 400 BAD_REQUEST, not a stack overflow', async () => {
    const { status, text, errors } = await post(
      api.url,
      `{"query":"${LEARNING_PATH}","variables":{"v":${nested(5000)}}}`,
    );
    expect(status).toBe(400);
    expect(errors).toEqual([
      {
        message: "The request's variables are nested more than 32 levels deep",
        extensions: { code: 'BAD_REQUEST', limit: 'input-depth', max: 32 },
      },
    ]);
    expect(text).not.toMatch(/call stack/i);
  });

  it('refuses extensions nested too deep, and deep variables sent with GET (1,000 levels: a URL must fit in 16 KB)', async () => {
    const extensions = await post(api.url, `{"query":"{ areas { slug } }","extensions":{"x":${nested(100)}}}`);
    expect([extensions.status, extensions.errors[0]?.extensions?.code]).toEqual([400, 'BAD_REQUEST']);
    const url = `${api.url}?query=${encodeURIComponent(LEARNING_PATH)}&variables=${encodeURIComponent(`{"v":${nested(1000)}}`)}`;
    const response = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    const body = (await response.json()) as { errors: any[] };
    expect([response.status, body.errors[0].extensions.code]).toEqual([400, 'BAD_REQUEST']);
  });

  it('accepts variables nested as deep as the limit, and brackets inside strings', async () => {
    const { status, errors } = await post(api.url, {
      query: LEARNING_PATH,
      variables: { v: ['http'], unused: JSON.parse(nested(31)), text: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[' },
    });
    expect(status).toBe(200);
    expect(errors).toEqual([]);
  });

  it('gives no "Did you mean" hint when coercing a variable to an input type', async () => {
    const { errors } = await post(api.url, {
      query: 'query($f: SkillFilter) { skills(filter: $f) { totalCount } }',
      variables: { f: { aera: 'x' } },
    });
    expect(errors.map((e) => [e.extensions.code, e.message])).toEqual([
      [
        'BAD_USER_INPUT',
        'Variable "$f" got invalid value { aera: "x" }; Field "aera" is not defined by type "SkillFilter".',
      ],
    ]);
  });

  it('gives no "Did you mean" hint when coercing a variable to an enum', async () => {
    const { errors } = await post(api.url, {
      query: 'query($f: DiagramFormat!) { prerequisiteGraph(format: $f, skill: "http") { __typename } }',
      variables: { f: 'MERMAI' },
    });
    expect(errors).toHaveLength(1);
    expect(errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(errors[0].message).toMatch(
      /^Variable "\$f" got invalid value "MERMAI"; Value "MERMAI" does not exist in "\w+" enum\.$/,
    );
  });

  it('refuses a persisted query whose hash does not match its text with 400 BAD_REQUEST', async () => {
    const { status, errors } = await post(api.url, {
      query: '{ areas { slug } }',
      extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } },
    });
    expect(status).toBe(400);
    expect(errors).toEqual([{ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } }]);
  });

  it('refuses a persisted query of an unknown version with 400 BAD_REQUEST', async () => {
    const { status, errors } = await post(api.url, {
      query: '{ areas { slug } }',
      extensions: { persistedQuery: { version: 2, sha256Hash: '0'.repeat(64) } },
    });
    expect(status).toBe(400);
    expect(errors).toEqual([{ message: 'Unsupported persisted query version', extensions: { code: 'BAD_REQUEST' } }]);
  });
});
