import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type TestServer, startTestServer } from '../support/test-server';

// How the API serves the explorer: which addresses get the app, which get the API's 404, and
// the cache headers that make a new build visible at once while assets are fetched only once.
// A stand-in build keeps this suite independent of Vite; test/browser drives the real one.

function fakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'skill-graph-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><title>explorer</title><script type="module" src="/assets/index-abc123.js"></script>',
  );
  writeFileSync(join(dir, 'graphiql.html'), '<!doctype html><title>graphiql</title>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log("explorer")');
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

const html = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

describe.each(['production', 'development'] as const)('the explorer in %s', (mode) => {
  let server: TestServer;
  let base: string;
  beforeAll(async () => {
    server = await startTestServer({ NODE_ENV: mode, WEB_DIR: fakeBuild() });
    base = server.url.replace(/\/graphql$/, '');
  });
  afterAll(() => server.close());

  it('serves the app at / and never lets it be cached, with a strict content security policy', async () => {
    const response = await fetch(`${base}/`, { headers: html });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain("connect-src 'self'");
    expect(await response.text()).toContain('<title>explorer</title>');
  });

  it.each([
    '/skills/distributed-transactions',
    '/areas/operations?level=junior',
    '/plan?targets=http',
    '/gaps',
    '/next',
    '/no/such/page',
  ])('answers the app for a browser opening %s, so shared links work', async (path) => {
    const response = await fetch(`${base}${path}`, { headers: html });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('<title>explorer</title>');
  });

  it('caches hashed assets for a year, as immutable', async () => {
    const response = await fetch(`${base}/assets/index-abc123.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await response.text()).toBe('console.log("explorer")');
  });

  it('revalidates files without a hash in their name', async () => {
    const response = await fetch(`${base}/favicon.svg`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it.each([
    ['a missing asset', '/assets/index-000000.js', html],
    ['a missing file', '/robots.txt', html],
    ['an unknown path asked for as JSON', '/skills/http', { accept: 'application/json' }],
    ['a POST to an unknown path', '/skills/http', html, 'POST'],
    ['a path under the API', '/health/nope', html],
  ])('gives %s a 404, not the app', async (_what, path, headers, method = 'GET') => {
    const response = await fetch(`${base}${path}`, { method, headers });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('keeps the API where it was', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ skill(slug: "http") { name } }' }),
    });
    expect(await response.json()).toEqual({ data: { skill: { name: 'HTTP' } } });
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
  });

  it(mode === 'development' ? 'serves the bundled GraphiQL at /graphiql' : 'serves no GraphiQL', async () => {
    const response = await fetch(`${base}/graphiql`, { headers: html });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain(
      mode === 'development' ? '<title>graphiql</title>' : '<title>explorer</title>',
    );
    // Never as a file, in any mode: its headers are the route's.
    expect((await fetch(`${base}/graphiql.html`, { headers: html })).status).toBe(404);
  });
});

describe('an API whose explorer was never built', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      NODE_ENV: 'production',
      WEB_DIR: mkdtempSync(join(tmpdir(), 'skill-graph-no-web-')),
    });
  });
  afterAll(() => server.close());

  it('says at / how to build it, and still serves GraphQL', async () => {
    const base = server.url.replace(/\/graphql$/, '');
    const response = await fetch(`${base}/`, { headers: html });
    expect(response.status).toBe(503);
    expect(await response.text()).toMatch(/npm run build:web/);
    const graphql = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ levels { slug } }' }),
    });
    expect(graphql.status).toBe(200);
  });
});
