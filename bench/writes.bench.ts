import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import autocannon from 'autocannon';

import { PROJECT_ROOT } from '../src/project-paths';
import { TYPICAL_QUERIES } from './bench-inputs';
import { body, round } from './bench-support';

// Write latency while readers keep the server busy: the real process (`node dist/src/main.js`,
// production, the embedded store with its journal on disk, the response cache on), N
// connections reading as fast as they can, and one editor writing one change at a time,
// alternately relating and unrelating two skills. BENCH_MAIN_JS points at another build, to
// measure an older version the same way.

const TOKEN = 'bench-editor-token-0123456789';

export interface WriteLoadRow {
  readonly readers: number;
  readonly writes: number;
  readonly writesPerSecond: number;
  readonly writeP50Ms: number;
  readonly writeP99Ms: number;
  readonly readsPerSecond: number;
}

async function startMain(mainJs: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const folder = mkdtempSync(join(tmpdir(), 'bench-writes-'));
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [mainJs], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NEO4J_URI: '',
      DATA_FILE: join(folder, 'graph.journal'),
      EDITOR_TOKENS: `bench:${TOKEN}`,
    },
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready at (\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`${mainJs} exited (${code}): ${output}`)));
  });
  return {
    url: url.replace('localhost', '127.0.0.1'),
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}

async function timedWrite(url: string, query: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: body(query),
  });
  const answer = (await response.json()) as { errors?: unknown[] };
  if (answer.errors !== undefined) throw new Error(`write refused: ${JSON.stringify(answer.errors)}`);
  return performance.now() - started;
}

export async function writesUnderReadLoad(readerCounts: readonly number[], seconds: number): Promise<WriteLoadRow[]> {
  const mainJs = process.env.BENCH_MAIN_JS ?? join(PROJECT_ROOT, 'dist', 'src', 'main.js');
  const rows: WriteLoadRow[] = [];
  for (const readers of readerCounts) {
    const server = await startMain(mainJs);
    try {
      const reading =
        readers === 0
          ? null
          : autocannon({
              url: server.url,
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: body(TYPICAL_QUERIES.skillWithPrerequisites),
              connections: readers,
              duration: seconds + 1,
            });
      await new Promise((resolve) => setTimeout(resolve, 500)); // the readers are at full speed
      const latencies: number[] = [];
      const until = performance.now() + seconds * 1000;
      for (let i = 0; performance.now() < until; i++) {
        const verb = i % 2 === 0 ? 'addRelated' : 'removeRelated';
        latencies.push(
          await timedWrite(server.url, `mutation { ${verb}(skill: "caching", related: "lean") { slug } }`),
        );
      }
      const read = reading === null ? null : await reading;
      latencies.sort((a, b) => a - b);
      const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
      rows.push({
        readers,
        writes: latencies.length,
        writesPerSecond: Math.round((latencies.length / seconds) * 10) / 10,
        writeP50Ms: round(at(0.5)),
        writeP99Ms: round(at(0.99)),
        readsPerSecond: read === null ? 0 : Math.round(read.requests.average),
      });
    } finally {
      await server.stop();
    }
  }
  return rows;
}
