import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { sha256 } from '../../src/graphql/trusted-documents';
import { PROJECT_ROOT } from '../../src/project-paths';
import { operations } from '../../web/src/api/operations';
import { type RawResponse, rawRequest } from '../support/raw-http';
import { type ServerProcess, startServerProcess } from '../support/server-process';

// TRUSTED_DOCUMENTS=only on the built process in production mode, with request targets written
// byte for byte (a `#`, repeated and encoded keys): the decision is taken on the request as
// Apollo parsed it, so whatever Apollo would run is what is checked.

const UNTRUSTED = '{ dataset { version counts { skills } } }';
const TRUSTED = operations.ExplorerHome;
const PREFLIGHT = { 'apollo-require-preflight': '1' };
const enc = encodeURIComponent;
const persisted = (hash: string) => enc(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }));

let running: ServerProcess;

beforeAll(async () => {
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  running = await startServerProcess({
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    TRUSTED_DOCUMENTS: 'only',
    DATA_FILE: join(mkdtempSync(join(tmpdir(), 'skill-graph-trusted-')), 'graph.journal'),
  });
}, 180_000);

afterAll(async () => {
  running.child.kill('SIGTERM');
  await running.exit;
});

const get = (search: string) =>
  rawRequest(running.url, 'GET', `${running.url.pathname}?${search}`, { headers: PREFLIGHT });
const post = (body: unknown) =>
  rawRequest(running.url, 'POST', running.url.pathname, {
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

const json = (response: RawResponse) => JSON.parse(response.body) as { data?: unknown; errors?: any[] };

function expectRefused(response: RawResponse, code: string) {
  expect({ status: response.status, data: json(response).data }).toEqual({ status: 400, data: undefined });
  expect(json(response).errors?.[0].extensions.code).toBe(code);
}

describe('TRUSTED_DOCUMENTS=only, on the production process', () => {
  it.each([
    ['an untrusted query, then `#&query=x` (a fragment Apollo drops)', `query=${enc(UNTRUSTED)}#&query=x`],
    ['an untrusted query with `#` inside its encoded text', `query=${enc(UNTRUSTED)}%23#x`],
    ['a percent-encoded key, `%71uery=`', `%71uery=${enc(UNTRUSTED)}`],
    ['spaces written as `+`', `query=${enc(UNTRUSTED).replace(/%20/g, '+')}`],
    ['a `;` before the key', `;query=${enc(UNTRUSTED)}`],
    ['a trusted hash beside an untrusted text', `query=${enc(UNTRUSTED)}&extensions=${persisted(sha256(TRUSTED))}`],
    ['an unknown hash', `extensions=${persisted('b'.repeat(64))}`],
    ['no document at all', 'variables=%7B%7D'],
  ])('a GET with %s is refused with PERSISTED_QUERY_NOT_ALLOWED', async (_what, search) => {
    expectRefused(await get(search), 'PERSISTED_QUERY_NOT_ALLOWED');
  });

  it.each([
    ['the key `query` twice', `query=${enc(UNTRUSTED)}&query=${enc(UNTRUSTED)}`],
    ['`query` and `%71uery`', `query=${enc(TRUSTED)}&%71uery=${enc(UNTRUSTED)}`],
    ['`extensions` twice', `extensions=${persisted(sha256(TRUSTED))}&extensions=${persisted('b'.repeat(64))}`],
  ])('a GET with %s is refused, as Apollo reads it', async (_what, search) => {
    expectRefused(await get(search), 'BAD_REQUEST');
  });

  it('a POST of an untrusted query, or of a trusted hash with untrusted text, is refused', async () => {
    expectRefused(await post({ query: UNTRUSTED }), 'PERSISTED_QUERY_NOT_ALLOWED');
    expectRefused(
      await post({ query: UNTRUSTED, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(TRUSTED) } } }),
      'PERSISTED_QUERY_NOT_ALLOWED',
    );
  });

  it('a registered operation is answered by text and by hash, over GET and POST, `#` or not', async () => {
    const answers = [
      await get(`query=${enc(TRUSTED)}`),
      await get(`query=${enc(TRUSTED)}#&query=${enc(UNTRUSTED)}`),
      await get(`extensions=${persisted(sha256(TRUSTED))}`),
      await post({ query: TRUSTED }),
      await post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(TRUSTED) } } }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(json(answer).errors).toBeUndefined();
      expect((json(answer).data as { areas: unknown[] }).areas).toHaveLength(5);
    }
  });
});
