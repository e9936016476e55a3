import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ALICE, EDITOR_ENV } from '../http/editing-suite';
import { PROJECT_ROOT } from '../../src/project-paths';
import { type ServerProcess, startServerProcess } from '../support/server-process';

// The real process, as users run it: `node dist/src/main.js` (what a container runs, stopped
// with SIGTERM) and `npm start` (stopped with Ctrl-C: SIGINT to the whole process group), in
// production mode. Requests are in flight when the signal comes: each client has sent its
// headers and half of its body, and sends the rest only after the signal.

const READS = 40;
const WRITES = 40;

type Running = ServerProcess;

function start(how: 'node' | 'npm', dataFile: string): Promise<Running> {
  return startServerProcess(
    { ...EDITOR_ENV, NODE_ENV: 'production', LOG_LEVEL: 'warn', DATA_FILE: dataFile, SHUTDOWN_GRACE_MS: '20000' },
    how,
  );
}

/** Headers and half the body of a POST now; the rest, and the answer, when `finish` is called. */
async function halfSent(url: URL, body: string, headers: Record<string, string> = {}) {
  const socket = connect(Number(url.port), url.hostname);
  await new Promise((resolve) => socket.once('connect', resolve));
  let response = '';
  socket.on('data', (chunk: Buffer) => (response += chunk.toString()));
  socket.on('error', () => undefined);
  const closed = new Promise((resolve) => socket.once('close', resolve));
  const extra = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  socket.write(
    `POST ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\n${extra}` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, 20)}`,
  );
  return {
    async finish(): Promise<{ status: number; body: string }> {
      socket.write(body.slice(20));
      await closed;
      const [head, ...rest] = response.split('\r\n\r\n');
      return { status: Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1] ?? 0), body: rest.join('\r\n\r\n') };
    },
  };
}

const createSkill = (slug: string) =>
  JSON.stringify({
    query: `mutation { createSkill(input: { slug: "${slug}", name: "Shutdown ${slug}", estimatedHours: 1,
      area: "operations", level: "junior",
      description: "${'A skill written while the server was being stopped, which must still be there. '.repeat(2)}" }) { slug } }`,
  });

function signal(running: Running, how: 'node' | 'npm', name: NodeJS.Signals): void {
  try {
    if (how === 'node') running.child.kill(name);
    else process.kill(-(running.child.pid as number), name);
  } catch {
    // Already gone: the assertions on the answers and the exit code say what went wrong.
  }
}

beforeAll(() => {
  // What users run is the build: make sure it is the build of this source.
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
}, 120_000);

describe.each([
  ['node dist/src/main.js', 'node', 'SIGTERM'],
  ['npm start', 'npm', 'SIGINT'],
] as const)('%s in production mode', (_name, how, stopSignal) => {
  it(`answers ${READS} reads and ${WRITES} writes in flight at ${stopSignal}, survives a second one, exits 0 and keeps every acknowledged write`, async () => {
    const dataFile = join(mkdtempSync(join(tmpdir(), 'skill-graph-shutdown-')), 'graph.journal');
    const running = await start(how, dataFile);
    // What an operator sees at start: no warnings, no rebuild of an unchanged build, and a banner
    // saying what is served, from where, and who may write.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(running.output()).not.toMatch(/Deprecat|FSTDEP|Warning/);
    expect(running.output()).not.toMatch(/compiling/);
    expect(running.output()).toMatch(/mode: +production/);
    expect(running.output()).toMatch(/journal: .*graph\.journal, 0 accepted changes replayed/);
    expect(running.output()).toMatch(/editing: on, for alice, bob/);
    const slugs = Array.from({ length: WRITES }, (_, i) => `stopping-${how}-${i}`);
    const reads = await Promise.all(
      Array.from({ length: READS }, () =>
        halfSent(
          running.url,
          JSON.stringify({ query: '{ skill(slug: "http") { slug prerequisites { skill { slug } } } }' }),
        ),
      ),
    );
    const writes = await Promise.all(
      slugs.map((slug) => halfSent(running.url, createSkill(slug), { Authorization: `Bearer ${ALICE}` })),
    );
    await new Promise((resolve) => setTimeout(resolve, 200)); // the server has read every header

    signal(running, how, stopSignal);
    await new Promise((resolve) => setTimeout(resolve, 200));
    signal(running, how, stopSignal); // an impatient operator: must not cut the drain short
    await new Promise((resolve) => setTimeout(resolve, 200));

    const answers = await Promise.all([...reads, ...writes].map((request) => request.finish()));
    const failures = answers.filter((a) => a.status !== 200 || a.body.includes('"errors"'));
    expect(failures).toEqual([]);
    expect(await running.exit).toBe(0);
    expect(running.output()).toMatch(/^stopped$/m);

    // Every write that was answered is on disk: a fresh process serves all of them.
    const again = await start('node', dataFile);
    try {
      const response = await fetch(again.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `{ skills(first: 100, filter: { search: "stopping-${how}-" }) { edges { node { slug } } } }`,
        }),
      });
      const { data } = (await response.json()) as { data: { skills: { edges: { node: { slug: string } }[] } } };
      expect(data.skills.edges.map((edge) => edge.node.slug).sort()).toEqual([...slugs].sort());
    } finally {
      again.child.kill('SIGTERM');
      await again.exit;
    }
  }, 120_000);
});

// A large answer still on its way when the signal comes: the drain must let every byte of it
// out (the socket ends after the response is flushed, never destroyed early), and say so in
// its exit code and message when the grace period runs out first.

const LARGE = JSON.stringify({
  query:
    '{ skill(slug: "http") { level { skills { area { skills { slug name description estimatedHours ' +
    'prerequisites { reason skill { slug name } } } } } } } }',
});

/** A keep-alive client reading one answer `chunkPauseMs` after each chunk it receives. */
function slowDownload(url: URL, chunkPauseMs: number) {
  const socket = connect(Number(url.port), url.hostname);
  const chunks: Buffer[] = [];
  let firstChunk: () => void;
  const started = new Promise<void>((resolve) => (firstChunk = resolve));
  socket.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    firstChunk();
    if (chunkPauseMs === 0) return;
    socket.pause();
    setTimeout(() => socket.resume(), chunkPauseMs);
  });
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.write(
    `POST ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(LARGE)}\r\n\r\n${LARGE}`,
  );
  return {
    started,
    /** Once the server has closed the connection: how much of the answer arrived. */
    async result(): Promise<{ status: number; expected: number; body: Buffer }> {
      await closed;
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      const head = all.subarray(0, split).toString('latin1');
      return {
        status: Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1] ?? 0),
        expected: Number(/^content-length: (\d+)/im.exec(head)?.[1] ?? NaN),
        body: all.subarray(split + 4),
      };
    },
    /** Reads the rest as fast as it comes. */
    hurry() {
      chunkPauseMs = 0;
      socket.resume();
    },
  };
}

describe('node dist/src/main.js stopped while a slow client downloads a 5.5 MB answer', () => {
  const startWith = (graceMs: number) =>
    startServerProcess({
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATA_FILE: join(mkdtempSync(join(tmpdir(), 'skill-graph-shutdown-')), 'graph.journal'),
      SHUTDOWN_GRACE_MS: String(graceMs),
      // The query limits are not what is tested here (MAX_RESULT_ITEMS where it is a setting).
      MAX_QUERY_COST: '10000000',
      MAX_RESULT_ITEMS: '10000000',
    });

  it('sends every byte of it within the grace period, then exits 0 with "stopped"', async () => {
    const running = await startWith(60_000);
    // About 30 chunks a second: several seconds for the whole answer.
    const download = slowDownload(running.url, 30);
    await download.started;
    running.child.kill('SIGTERM');
    const { status, expected, body } = await download.result();
    expect(status).toBe(200);
    // Larger than what the kernel's socket buffers take at once (about 4 MB here), so part of it
    // waits in the process when the signal comes.
    expect(expected).toBeGreaterThan(5_000_000);
    expect(body.length).toBe(expected);
    expect(JSON.parse(body.toString('utf8')).data.skill.level.skills.length).toBeGreaterThan(50);
    expect(await running.exit).toBe(0);
    expect(running.output()).toMatch(/^stopped$/m);
  }, 120_000);

  it('with a grace period too short for it, exits 1 and says how many answers it cut off', async () => {
    const running = await startWith(1000);
    // A chunk every half second: a minute or more for the whole answer.
    const download = slowDownload(running.url, 500);
    await download.started;
    running.child.kill('SIGTERM');
    expect(await running.exit).toBe(1);
    expect(running.output()).toMatch(
      /^stopped after the grace period \(1000 ms\), cutting off 1 answer still being sent$/m,
    );
    download.hurry(); // the rest of what the kernel had taken for it
    const { expected, body } = await download.result();
    expect(body.length).toBeLessThan(expected);
  }, 120_000);
});
