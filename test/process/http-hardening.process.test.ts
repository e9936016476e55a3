import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type ServerProcess, startServerProcess } from '../support/server-process';

// The built process in production mode (`npm run build` first), as the attacks met it: slow
// clients and requests that broke a hook.

const dataFile = () => join(mkdtempSync(join(tmpdir(), 'skill-graph-http-')), 'graph.journal');

async function start(env: Record<string, string> = {}): Promise<ServerProcess> {
  return startServerProcess({ NODE_ENV: 'production', LOG_LEVEL: 'warn', DATA_FILE: dataFile(), ...env });
}

// Starting the built process takes seconds on a busy shared machine.
const START_BOUND_MS = 60_000;

async function stop(running: ServerProcess | undefined): Promise<void> {
  if (running === undefined) return;
  running.child.kill('SIGTERM');
  await running.exit;
}

describe('a client that trickles its request body', () => {
  let running: ServerProcess | undefined;
  beforeAll(async () => {
    running = await start({ REQUEST_TIMEOUT_MS: '1000' });
  }, START_BOUND_MS);
  afterAll(() => stop(running), START_BOUND_MS);

  it('is cut off once REQUEST_TIMEOUT_MS has passed, though a byte arrives every 200 ms', async () => {
    const { url } = running!;
    const socket = connect(Number(url.port), url.hostname);
    await new Promise((resolve) => socket.once('connect', resolve));
    let response = '';
    socket.on('data', (chunk: Buffer) => (response += chunk.toString()));
    socket.on('error', () => undefined);
    const closed = new Promise<'closed'>((resolve) => socket.once('close', () => resolve('closed')));
    socket.write(
      `POST ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\n` +
        'Content-Length: 50000\r\n\r\n{',
    );
    // Never idle, so only the whole-request timeout can end it.
    const trickle = setInterval(() => socket.write(' '), 200);
    // Generous: the machine is shared, and Node checks timeouts every quarter of the timeout.
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<'still open'>((resolve) => (timer = setTimeout(() => resolve('still open'), 30_000)));
    const outcome = await Promise.race([closed, bound]);
    clearTimeout(timer);
    clearInterval(trickle);
    socket.destroy();
    expect(outcome).toBe('closed');
    expect(response).toMatch(/^HTTP\/1\.1 408 /);
  }, 40_000);
});

const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

describe.each([
  ['on', {}],
  ['off', { RESPONSE_CACHE_MB: '0' }],
])('variables nested 5,000 levels deep, with the response cache %s', (_cache, env) => {
  let running: ServerProcess | undefined;
  beforeAll(async () => {
    running = await start(env);
  }, START_BOUND_MS);
  afterAll(() => stop(running), START_BOUND_MS);

  it('get 400 BAD_REQUEST, not a 500 with the raw "Maximum call stack size exceeded"', async () => {
    const response = await fetch(running!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"query":"query($v: [String!]!) { learningPath(targets: $v) { totalHours } }","variables":{"v":${nested(5000)}}}`,
    });
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(text).not.toMatch(/call stack/i);
  });
});
