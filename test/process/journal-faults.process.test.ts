import { execFileSync, spawn } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  statfsSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ALICE, EDITOR_ENV } from '../http/editing-suite';
import { PROJECT_ROOT } from '../../src/project-paths';
import { type ServerProcess, startServerProcess } from '../support/server-process';

// The embedded store's journal against real files and the real built process (production mode):
// a torn tail, lock files an older version or a full disk left, a holder killed with kill -9 and
// left a zombie, two servers at once, two writers that together break a rule, and disks that are
// read-only or full (a small tmpfs, where this machine lets us mount one).

const start = (dataFile: string, env: Record<string, string> = {}) =>
  startServerProcess({ ...EDITOR_ENV, NODE_ENV: 'production', LOG_LEVEL: 'warn', DATA_FILE: dataFile, ...env });

async function stop(server: ServerProcess): Promise<void> {
  server.child.kill('SIGTERM');
  expect(await server.exit).toBe(0);
}

/** The process's exit code and output, for a start that must fail. */
async function failedStart(dataFile: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', NEO4J_URI: '', DATA_FILE: dataFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, output };
}

async function graphql(server: ServerProcess, query: string, token?: string): Promise<any> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return response.json();
}

const createSkill = (server: ServerProcess, slug: string) =>
  graphql(
    server,
    `mutation { createSkill(input: { slug: "${slug}", name: "Skill ${slug}", area: "operations", level: "junior",
       estimatedHours: 3, description: "${'A skill created to see what the journal keeps of it, through faults. '.repeat(2)}" }) { slug } }`,
    ALICE,
  );

const skillExists = async (server: ServerProcess, slug: string) =>
  (await graphql(server, `{ skill(slug: "${slug}") { slug } }`)).data.skill !== null;

async function readiness(server: ServerProcess): Promise<[number, string | undefined]> {
  const response = await fetch(new URL('/health/ready', server.url));
  return [response.status, ((await response.json()) as { reason?: string }).reason];
}

/** Polls readiness until it is `status`, for at most a generous minute (shared, noisy machines). */
async function untilReadiness(server: ServerProcess, status: number): Promise<[number, string | undefined]> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const answer = await readiness(server);
    if (answer[0] === status || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const freshJournal = () => join(mkdtempSync(join(tmpdir(), 'skill-graph-faults-')), 'graph.journal');

describe('a torn last line', () => {
  it('is cut off (and kept aside) before the next append, so the next acknowledged write survives', async () => {
    const dataFile = freshJournal();
    const first = await start(dataFile);
    expect((await createSkill(first, 'torn-a')).errors).toBeUndefined();
    await stop(first);
    truncateSync(dataFile, statSync(dataFile).size - 100); // what a crash mid-append leaves

    const second = await start(dataFile);
    expect(second.output()).toMatch(/cut off an unfinished last line \(\d+ bytes, never acknowledged/);
    expect((await createSkill(second, 'torn-b')).errors).toBeUndefined();
    await stop(second);

    const third = await start(dataFile);
    try {
      expect(await skillExists(third, 'torn-b')).toBe(true);
      expect(third.output()).not.toMatch(/SET ASIDE/);
      const aside = readFileSync(`${dataFile}.set-aside`, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(aside).toEqual([
        expect.objectContaining({ name: 'a torn last line', entry: expect.stringContaining('torn-a') }),
      ]);
    } finally {
      await stop(third);
    }
  }, 60_000);
});

describe('the journal lock', () => {
  it('is not blocked by an empty or garbled lock file (a full disk or a crash left it)', async () => {
    for (const content of ['', 'abc\n', '0\n']) {
      const dataFile = freshJournal();
      writeFileSync(`${dataFile}.lock`, content);
      const server = await start(dataFile);
      await stop(server);
    }
  }, 60_000);

  it('is not blocked by a lock file naming an unrelated live process (a reused pid)', async () => {
    const dataFile = freshJournal();
    const sleeper = spawn('sleep', ['300'], { stdio: 'ignore' });
    try {
      writeFileSync(`${dataFile}.lock`, `${sleeper.pid}\n`);
      const server = await start(dataFile);
      await stop(server);
    } finally {
      sleeper.kill('SIGKILL');
    }
  }, 60_000);

  it('is free at once when its holder is killed with kill -9, even while the dead holder is an unreaped zombie', async () => {
    const dataFile = freshJournal();
    // The server's parent execs `sleep`, which never reaps it: after kill -9 it stays a zombie.
    const parent = spawn('sh', ['-c', `"${process.execPath}" dist/src/main.js & echo "pid $!"; exec sleep 300`], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        ...EDITOR_ENV,
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        PORT: '0',
        HOST: '127.0.0.1',
        NEO4J_URI: '',
        DATA_FILE: dataFile,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    parent.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    parent.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await waitFor(
        () => /ready at/.test(output),
        () => output,
      );
      const pid = Number(/pid (\d+)/.exec(output)?.[1]);
      process.kill(pid, 'SIGKILL');
      await waitFor(
        () => readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ')[2] === 'Z',
        () => output,
      );
      const next = await start(dataFile);
      await stop(next);
    } finally {
      parent.kill('SIGKILL');
    }
  }, 60_000);

  it('refuses a second server while the first runs, naming the first, with one line and no stack', async () => {
    const dataFile = freshJournal();
    const first = await start(dataFile);
    try {
      const second = await failedStart(dataFile);
      expect(second.code).toBe(1);
      expect(second.output).toBe(
        `${dataFile} is in use by process ${first.child.pid} (a server or data:export): stop it first, or give this one another DATA_FILE\n`,
      );
      expect((await createSkill(first, 'still-the-only-writer')).errors).toBeUndefined();
    } finally {
      await stop(first);
    }
  }, 60_000);

  it('lets exactly one of several servers started at the same instant open the journal', async () => {
    const dataFile = freshJournal();
    const attempts = await Promise.all(
      [1, 2, 3].map(() =>
        start(dataFile).then(
          (server) => ({ server }),
          (error: Error) => ({ error }),
        ),
      ),
    );
    const started = attempts.flatMap((attempt) => ('server' in attempt ? [attempt.server] : []));
    try {
      expect(started).toHaveLength(1);
      for (const attempt of attempts)
        if ('error' in attempt) expect(attempt.error.message).toMatch(/is in use by process/);
    } finally {
      for (const server of started) await stop(server);
    }
  }, 60_000);
});

async function waitFor(condition: () => boolean, describe: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if (condition()) return;
    } catch {
      // Not yet (a /proc entry still changing, say).
    }
    if (Date.now() > deadline) throw new Error(`timed out; output so far: ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('two writers that together break a rule', () => {
  it('after a restart, the entry that closes the cycle is set aside by name, and paths and chains answer', async () => {
    // Two journals on the same data/, each server accepting one edge that is valid alone; their
    // lines end up in one journal, as two writers on one file would leave it.
    const a = freshJournal();
    const b = freshJournal();
    const serverA = await start(a);
    const serverB = await start(b);
    try {
      const add = (server: ServerProcess, skill: string, requires: string) =>
        graphql(
          server,
          `mutation { addPrerequisite(skill: "${skill}", requires: "${requires}", reason: "One writer of two says so") { slug } }`,
          ALICE,
        );
      expect((await add(serverA, 'http', 'sql')).errors).toBeUndefined();
      expect((await add(serverB, 'sql', 'http')).errors).toBeUndefined();
    } finally {
      await stop(serverA);
      await stop(serverB);
    }
    appendFileSync(a, readFileSync(b, 'utf8').split('\n').slice(1).join('\n'));

    const restarted = await start(a);
    try {
      expect(restarted.output()).toContain('SET ASIDE (no longer applies, kept in');
      expect(restarted.output()).toMatch(/SET ASIDE .*: addPrerequisite sql -> http: .*cycle/);
      const answer = await graphql(
        restarted,
        `
          {
            learningPath(targets: ["http"]) {
              totalHours
            }
            prerequisiteChain(skill: "sql") {
              skill {
                slug
              }
            }
            http: skill(slug: "http") {
              prerequisites {
                skill {
                  slug
                }
              }
            }
          }
        `,
      );
      expect(answer.errors).toBeUndefined();
      expect(answer.data.http.prerequisites.map((p: any) => p.skill.slug)).toContain('sql');
    } finally {
      await stop(restarted);
    }
  }, 60_000);
});

describe('a journal whose disk refuses writes at start', () => {
  it('when the journal is immutable: reads served, writes SERVICE_UNAVAILABLE, unready, and writable again by itself', async () => {
    const dataFile = freshJournal();
    const first = await start(dataFile);
    expect((await createSkill(first, 'before-immutable')).errors).toBeUndefined();
    await stop(first);
    try {
      execFileSync('chattr', ['+i', dataFile]);
    } catch (error) {
      throw new Error(`this test needs chattr on an ext4 (or similar) /tmp, as root: ${String(error)}`);
    }
    let server: ServerProcess | null = null;
    try {
      server = await start(dataFile);
      expect(server.output()).toMatch(/READ-ONLY: the journal cannot be written: permission denied \(EPERM\)/);
      expect(await skillExists(server, 'before-immutable')).toBe(true);
      expect((await createSkill(server, 'while-immutable')).errors.map((e: any) => e.extensions.code)).toEqual([
        'SERVICE_UNAVAILABLE',
      ]);
      expect(await readiness(server)).toEqual([503, 'the journal cannot be written: permission denied (EPERM)']);
    } finally {
      execFileSync('chattr', ['-i', dataFile]);
    }
    try {
      expect(await untilReadiness(server, 200)).toEqual([200, undefined]);
      expect((await createSkill(server, 'after-immutable')).errors).toBeUndefined();
    } finally {
      await stop(server);
    }
    const again = await start(dataFile);
    try {
      expect(await skillExists(again, 'after-immutable')).toBe(true);
    } finally {
      await stop(again);
    }
  }, 90_000);
});

// A small tmpfs: full and read-only disks for real. Skipped, with the reason, where mounting is
// not allowed (not root, or a container without CAP_SYS_ADMIN).
const mountPoint = mkdtempSync(join(tmpdir(), 'skill-graph-tmpfs-'));
const mountError = (() => {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountPoint], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return String(error);
  }
})();
const onTmpfs = mountError === null ? describe : describe.skip;
if (mountError !== null) {
  process.stderr.write(
    `journal-faults: skipping the full and read-only disk tests: cannot mount a tmpfs (${mountError})\n`,
  );
}
afterAll(() => {
  if (mountError === null) execFileSync('umount', ['-l', mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

const remount = (mode: 'ro' | 'rw') => execFileSync('mount', ['-o', `remount,${mode}`, mountPoint]);

/** Fills the tmpfs up, leaving `leaveBytes` free (0: full). */
function fill(leaveBytes: number): string {
  const filler = join(mountPoint, 'filler');
  const { bavail, bsize } = statfsSync(mountPoint);
  const bytes = Math.max(0, bavail * bsize - leaveBytes);
  writeFileSync(filler, Buffer.alloc(bytes));
  if (leaveBytes === 0) {
    // Whatever rounding left: until the disk says no.
    try {
      for (;;) appendFileSync(filler, Buffer.alloc(4096));
    } catch {
      // Full.
    }
  }
  return filler;
}

onTmpfs('a journal on a small tmpfs', () => {
  let folder: string;
  beforeEach(() => {
    folder = join(mountPoint, `case-${Math.random().toString(36).slice(2)}`);
    mkdirSync(folder);
  });
  afterEach(() => {
    remount('rw');
    rmSync(join(mountPoint, 'filler'), { force: true });
    rmSync(folder, { recursive: true, force: true });
  });

  it('read-only at start: reads served, writes SERVICE_UNAVAILABLE, unready with a reason, writable once remounted', async () => {
    const dataFile = join(folder, 'graph.journal');
    const first = await start(dataFile);
    expect((await createSkill(first, 'before-ro')).errors).toBeUndefined();
    await stop(first);
    remount('ro');

    const server = await start(dataFile);
    try {
      expect(server.output()).toContain('READ-ONLY: the journal cannot be written: its disk is read-only (EROFS)');
      expect(await skillExists(server, 'before-ro')).toBe(true);
      const refused = await createSkill(server, 'while-ro');
      expect(refused.errors.map((e: any) => [e.message, e.extensions.code])).toEqual([
        ['The graph store is unavailable; try again shortly', 'SERVICE_UNAVAILABLE'],
      ]);
      expect(await readiness(server)).toEqual([503, 'the journal cannot be written: its disk is read-only (EROFS)']);

      remount('rw');
      expect(await untilReadiness(server, 200)).toEqual([200, undefined]);
      expect((await createSkill(server, 'after-ro')).errors).toBeUndefined();
    } finally {
      await stop(server);
    }
    const again = await start(dataFile);
    try {
      expect([await skillExists(again, 'before-ro'), await skillExists(again, 'after-ro')]).toEqual([true, true]);
    } finally {
      await stop(again);
    }
  }, 90_000);

  it('full at start: serves data/, refuses writes, unready, and takes writes once space is freed', async () => {
    const dataFile = join(folder, 'graph.journal');
    const filler = fill(0);
    const server = await start(dataFile);
    try {
      expect(server.output()).toMatch(/READ-ONLY: the journal cannot be written: its disk is full \(ENOSPC\)/);
      expect(await skillExists(server, 'http')).toBe(true);
      expect((await createSkill(server, 'while-full')).errors.map((e: any) => e.extensions.code)).toEqual([
        'SERVICE_UNAVAILABLE',
      ]);
      expect((await readiness(server))[0]).toBe(503);

      rmSync(filler);
      expect(await untilReadiness(server, 200)).toEqual([200, undefined]);
      expect((await createSkill(server, 'after-full')).errors).toBeUndefined();
    } finally {
      await stop(server);
    }
    const again = await start(dataFile);
    try {
      expect(await skillExists(again, 'after-full')).toBe(true);
    } finally {
      await stop(again);
    }
  }, 90_000);

  it('nearly full while running: unready while a large write would not fit, and readiness never writes to the journal', async () => {
    const dataFile = join(folder, 'graph.journal');
    const server = await start(dataFile);
    try {
      expect((await createSkill(server, 'before-filling')).errors).toBeUndefined();
      const journalBefore = readFileSync(dataFile, 'utf8');
      const filler = fill(64 * 1024); // room for a small write, not for a large one (1 MiB)
      const [status, reason] = await readiness(server);
      expect(status).toBe(503);
      expect(reason).toMatch(/^the journal's disk has \d+ KiB free, below the 1024 KiB a write needs/);
      for (let i = 0; i < 5; i++) await readiness(server);
      expect(readFileSync(dataFile, 'utf8')).toBe(journalBefore);

      rmSync(filler);
      expect(await untilReadiness(server, 200)).toEqual([200, undefined]);
    } finally {
      await stop(server);
    }
    expect(existsSync(dataFile)).toBe(true);
  }, 90_000);
});
