import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { PROJECT_ROOT } from '../src/project-paths';
import { exponentialShapes } from './support/query-shapes';
import { type BenchServer, startBenchServer } from './bench-support';

const SRC_DIST = join(PROJECT_ROOT, 'dist', 'src');

// npm run bench:attack: the production process with its default limits, a normal query sent
// one at a time (new text each time, as the attack report's probe: a comment makes it unique),
// first alone and then while two clients send every exponential shape (bench/support/query-shapes)
// round and round. Reports the probe's latency both ways, and what the shapes got.

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ATTACKERS = Number(process.env.BENCH_ATTACKERS ?? 2);

/** The production process as users run it (`node dist/src/main.js`), on a journal of its own. */
function startApi(): Promise<BenchServer> {
  const dataFile = join(mkdtempSync(join(tmpdir(), 'skill-graph-attack-')), 'graph.journal');
  return startBenchServer('main.js', { PORT: '0', HOST: '127.0.0.1', NEO4J_URI: '', DATA_FILE: dataFile }, SRC_DIST);
}

async function send(url: string, query: string): Promise<{ status: number; bytes: number }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, bytes: (await response.arrayBuffer()).byteLength };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function probe(
  url: string,
  until: number,
): Promise<{ p50Ms: number; p99Ms: number; maxMs: number; count: number }> {
  const times: number[] = [];
  for (let i = 0; Date.now() < until; i++) {
    const started = performance.now();
    const { status } = await send(
      url,
      `# probe ${i} ${Math.random()}\n{ skill(slug: "observability") { slug name prerequisites { skill { slug } } resources { title } } }`,
    );
    if (status !== 200) throw new Error(`the probe got ${status}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    p50Ms: round(percentile(times, 50)),
    p99Ms: round(percentile(times, 99)),
    maxMs: round(times.at(-1) ?? 0),
    count: times.length,
  };
}

async function main(): Promise<void> {
  const shapes = exponentialShapes(12);
  const api = await startApi();
  try {
    await probe(api.url, Date.now() + 2000); // warm-up
    const alone = await probe(api.url, Date.now() + SECONDS * 1000);
    const until = Date.now() + SECONDS * 1000;
    const attack = { sent: 0, refused: 0, answered: 0, maxAnswerBytes: 0, errors: 0 };
    const attacker = async (offset: number) => {
      for (let i = offset; Date.now() < until; i += ATTACKERS) {
        const { status, bytes } = await send(api.url, shapes[i % shapes.length]!.query).catch(() => ({
          status: 0,
          bytes: 0,
        }));
        attack.sent += 1;
        if (status === 400) attack.refused += 1;
        else if (status === 200) {
          attack.answered += 1;
          attack.maxAnswerBytes = Math.max(attack.maxAnswerBytes, bytes);
        } else attack.errors += 1;
      }
    };
    const [underAttack] = await Promise.all([
      probe(api.url, until),
      ...Array.from({ length: ATTACKERS }, (_, i) => attacker(i)),
    ]);
    const alive = (await send(api.url, '{ dataset { version } }')).status === 200;
    const report = { shapes: shapes.length, seconds: SECONDS, attackers: ATTACKERS, alone, underAttack, attack, alive };
    mkdirSync(join(PROJECT_ROOT, 'reports'), { recursive: true });
    writeFileSync(join(PROJECT_ROOT, 'reports', 'bench-attack.json'), `${JSON.stringify(report, null, 2)}\n`);
    console.log(`exponential shapes: ${shapes.length}, ${ATTACKERS} clients for ${SECONDS} s`);
    console.log(
      `  shapes sent ${attack.sent}: refused ${attack.refused}, answered ${attack.answered} ` +
        `(largest ${(attack.maxAnswerBytes / 1024).toFixed(0)} KB), errors ${attack.errors}; still answering: ${alive}`,
    );
    console.log(`  normal query alone:        p50 ${alone.p50Ms} ms, p99 ${alone.p99Ms} ms (${alone.count} requests)`);
    console.log(
      `  normal query under attack: p50 ${underAttack.p50Ms} ms, p99 ${underAttack.p99Ms} ms, max ${underAttack.maxMs} ms ` +
        `(${underAttack.count} requests; target: p99 under 100 ms)`,
    );
  } finally {
    await api.stop();
  }
}

void main();
