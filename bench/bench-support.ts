import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';

import type * as Tinybench from 'tinybench' with { 'resolution-mode': 'import' };

import { PROJECT_ROOT } from '../src/project-paths';

// What every benchmark section shares: servers in processes of their own, requests, latency.

export const DIST = join(PROJECT_ROOT, 'dist', 'bench', 'servers');
/** The API serves /metrics in production only to the bearer of METRICS_TOKEN. */
const BENCH_METRICS_TOKEN = 'bench-metrics-token-0123456789';
export const metricsHeaders = { authorization: `Bearer ${BENCH_METRICS_TOKEN}` };
// tinybench is ESM; Node 20.19+ loads it with require().
const { Bench } = require('tinybench') as typeof Tinybench;

export interface BenchServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** A server of bench/servers/ in its own process, as deployed (NODE_ENV=production). */
export async function startBenchServer(
  script: string,
  env: Record<string, string> = {},
  dist = DIST,
): Promise<BenchServer> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [join(dist, script)], {
    // As deployed: graphql-js and others pick their production code paths from NODE_ENV at load.
    env: { ...process.env, NODE_ENV: 'production', METRICS_TOKEN: BENCH_METRICS_TOKEN, ...env },
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      // bench/servers print "ready <url>"; the API's own main.js "… ready at <url>".
      const match = /ready (?:at )?(\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}): ${output}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}

export const body = (query: string) => JSON.stringify({ query });
export const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
export const round = (ms: number) => Math.round(ms * 1000) / 1000;

export async function post(url: string, query: string): Promise<Buffer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body(query),
  });
  return Buffer.from(await response.arrayBuffer());
}

export async function storeCallsSoFar(url: string): Promise<number> {
  const text = await (await fetch(url.replace('/graphql', '/metrics'), { headers: metricsHeaders })).text();
  return [...text.matchAll(/^graph_store_calls_total\{[^}]*\} (\d+)$/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
}

export interface Latency {
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/**
 * One request at a time (no queueing), timed by tinybench at microsecond resolution over HTTP,
 * rotating through `texts`. Measures for half of `seconds` (tinybench's time is in ms and it
 * stops after whole tasks), after a warm-up of half of `warmupSeconds`, as the growth section always has.
 */
export async function latencyOf(
  url: string,
  texts: readonly string[],
  seconds: number,
  warmupSeconds: number,
): Promise<Latency> {
  let i = 0;
  const bench = new Bench({ time: seconds * 500, warmup: true, warmupTime: warmupSeconds * 500 });
  bench.add('request', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body(texts[i++ % texts.length]),
    });
    await response.arrayBuffer();
  });
  await bench.run();
  const latency = (bench.tasks[0].result as unknown as { latency: { p50: number; p99: number } }).latency;
  return { p50Ms: round(latency.p50), p99Ms: round(latency.p99) };
}

/** autocannon options that POST `bodies` in turn, round and round, over `connections` connections. */
export function postingInTurn(url: string, bodies: readonly string[], connections: number) {
  let next = 0;
  return {
    url,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    connections,
    requests: [{ setupRequest: (request: object) => ({ ...request, body: bodies[next++ % bodies.length] }) }],
  };
}
