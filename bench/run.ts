import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

import autocannon from 'autocannon';

import type { Neo4jConfig } from '../src/config';
import { loadConfig } from '../src/config';
import { generateDataset } from './support/generate-dataset';
import { PROJECT_ROOT } from '../src/project-paths';
import type { TypicalQuery } from './bench-inputs';
import { TYPICAL_QUERIES, scaledQueryTexts, scaledQuestions } from './bench-inputs';
import { DIST, body, latencyOf, post, ratio, startBenchServer, storeCallsSoFar, postingInTurn } from './bench-support';
import type { Neo4jReport } from './neo4j.bench';
import { neo4jBenchmarks } from './neo4j.bench';
import { writesUnderReadLoad } from './writes.bench';

// npm run bench: every server in its own process, the load generator (autocannon) in this one.
// Ratios compare servers measured the same way in the same run; absolute figures depend on the
// machine. Writes reports/bench.json and prints the targets with their measured values.

const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const SCALES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
/** Sections to run, for working on one: typical,calls,growth,startup,writes,neo4j. */
const SECTIONS = new Set((process.env.BENCH_SECTIONS ?? 'typical,calls,growth,startup,writes,neo4j').split(','));

interface Load {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
}

async function load(url: string, bodies: readonly string[], seconds = DURATION): Promise<Load> {
  const options = postingInTurn(url, bodies, CONNECTIONS);
  await autocannon({ ...options, duration: WARMUP });
  const result = await autocannon({ ...options, duration: seconds });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function measure(script: string, env: Record<string, string>, query: string) {
  const server = await startBenchServer(script, env);
  try {
    const bytes = script === 'bare.server.js' ? null : await post(server.url, query);
    return { bytes, load: await load(server.url, [body(query)]) };
  } finally {
    await server.stop();
  }
}

/**
 * 1. The API as deployed (response cache on) against a bare node:http server sending the same
 *    bytes; the uncached API is shown too. 2. TypeGraphQL against plain graphql-js resolvers,
 *    both uncached, so the comparison is of the resolvers and not of the cache.
 */
async function typicalQueries() {
  const rows = [];
  const responses = mkdtempSync(join(tmpdir(), 'bench-bare-'));
  const UNCACHED = { RESPONSE_CACHE_MB: '0' };
  for (const [name, query] of Object.entries(TYPICAL_QUERIES) as [TypicalQuery, string][]) {
    const api = await measure('api.server.js', {}, query);
    // TypeGraphQL and plain graphql-js alternate, twice each, so a slow spell of a shared machine
    // falls on both alike; each figure is the mean of its two runs.
    const runs: Awaited<ReturnType<typeof measure>>[] = [];
    for (let round = 0; round < 2; round++) {
      runs.push(await measure('api.server.js', UNCACHED, query));
      runs.push(await measure('api.server.js', { ...UNCACHED, BENCH_SCHEMA: 'plain' }, query));
    }
    const mean = (picked: typeof runs) => ({
      bytes: picked[0].bytes,
      load: {
        ...picked[0].load,
        requestsPerSecond: Math.round((picked[0].load.requestsPerSecond + picked[1].load.requestsPerSecond) / 2),
      },
    });
    const uncached = mean([runs[0], runs[2]]);
    const plain = mean([runs[1], runs[3]]);
    if (!plain.bytes?.equals(api.bytes as Buffer) || !uncached.bytes?.equals(api.bytes as Buffer)) {
      throw new Error(`the servers answered ${name} differently`);
    }
    const responseFile = join(responses, `${name}.json`);
    writeFileSync(responseFile, api.bytes as Buffer);
    const bare = await measure('bare.server.js', { BENCH_RESPONSE_FILE: responseFile }, query);
    rows.push({
      query: name,
      responseBytes: (api.bytes as Buffer).length,
      apiRps: api.load.requestsPerSecond,
      apiP99: api.load.p99Ms,
      uncachedRps: uncached.load.requestsPerSecond,
      uncachedP99: uncached.load.p99Ms,
      plainRps: plain.load.requestsPerSecond,
      bareRps: bare.load.requestsPerSecond,
      bareP99: bare.load.p99Ms,
      apiVsBare: ratio(api.load.requestsPerSecond, bare.load.requestsPerSecond),
      uncachedVsBare: ratio(uncached.load.requestsPerSecond, bare.load.requestsPerSecond),
      typeGraphqlVsPlain: ratio(uncached.load.requestsPerSecond, plain.load.requestsPerSecond),
      errors: api.load.errors + uncached.load.errors + plain.load.errors + bare.load.errors,
    });
  }
  return rows;
}

async function storeCallsPerList() {
  const rows: { skillsListed: number; storeCalls: number }[] = [];
  // An area holds a fifth of a generated graph's skills: 10, 100 and 1,000 of them.
  for (const listed of [10, 100, 1000]) {
    // Areas take whole clusters of skills: clusters of 10 make an area of exactly 10.
    const api = await startBenchServer('api.server.js', {
      BENCH_SKILLS: String(listed * 5),
      BENCH_CLUSTER_SIZE: listed === 10 ? '10' : '100',
      RESPONSE_CACHE_MB: '0',
    });
    const query =
      '{ area(slug: "cs-fundamentals") { skills { slug level { slug } parent { slug } prerequisites { skill { slug } reason } resources { title } } } }';
    await post(api.url, query); // warm up
    const before = await storeCallsSoFar(api.url);
    const answer = JSON.parse((await post(api.url, query)).toString());
    const calls = (await storeCallsSoFar(api.url)) - before;
    await api.stop();
    rows.push({ skillsListed: answer.data.area.skills.length, storeCalls: calls });
  }
  return rows;
}

/**
 * 4. Latency as the graph grows: one request at a time (no queueing), timed by tinybench at
 *    microsecond resolution over HTTP, uncached, rotating through 20 questions of the same size.
 */
async function latencyGrowth() {
  const rows: { skills: number; query: string; p50Ms: number; p99Ms: number; answer: number }[] = [];
  for (const size of SCALES) {
    const questions = scaledQuestions(generateDataset({ skills: size, seed: 42, prerequisitesPerSkill: 3.3 }), 20);
    const api = await startBenchServer('api.server.js', { BENCH_SKILLS: String(size), RESPONSE_CACHE_MB: '0' });
    const queries = scaledQueryTexts(questions);
    for (const [query, texts] of Object.entries(queries)) {
      const answer = JSON.parse((await post(api.url, texts[0])).toString()).data;
      const { p50Ms, p99Ms } = await latencyOf(api.url, texts, DURATION, WARMUP);
      rows.push({ skills: size, query, p50Ms, p99Ms, answer: JSON.stringify(answer).length });
    }
    await api.stop();
  }
  return rows.map((row) => {
    const base = rows.find((r) => r.query === row.query && r.skills === SCALES[0]);
    return { ...row, p99VsSmallest: base ? ratio(row.p99Ms, base.p99Ms) : 1 };
  });
}

/** 5. Start-up time and memory of the embedded store, from a data folder written beforehand. */
async function startup() {
  const rows = [];
  for (const size of SCALES) {
    const dataDir = mkdtempSync(join(tmpdir(), 'bench-startup-'));
    const written = JSON.parse(
      await runProbe('write-graph.probe.js', { BENCH_SKILLS: String(size), BENCH_DATA_DIR: dataDir }),
    );
    const measured = JSON.parse(await runProbe('startup.probe.js', { BENCH_DATA_DIR: dataDir }, ['--expose-gc']));
    rows.push({ skills: size, edges: written.edges, ...measured });
  }
  return rows;
}

async function runProbe(script: string, env: Record<string, string>, flags: string[] = []): Promise<string> {
  const probe = spawn(process.execPath, [...flags, join(DIST, script)], {
    env: { ...process.env, NODE_ENV: 'production', ...env },
  });
  let output = '';
  probe.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  probe.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise((resolve) => probe.once('exit', resolve));
  if (code !== 0) throw new Error(`${script} failed: ${output}`);
  return output.trim().split('\n').pop() as string;
}

/** The Neo4j to measure: NEO4J_URI's, else the one `npm run neo4j:start` left running, else none. */
function neo4jTarget(): Neo4jConfig | null {
  const configured = loadConfig(process.env).neo4j;
  if (configured !== null) return configured;
  const connection = join(PROJECT_ROOT, 'var', 'neo4j', 'connection.json');
  if (!existsSync(connection)) return null;
  const { uri, pid } = JSON.parse(readFileSync(connection, 'utf8')) as { uri: string; pid: number };
  try {
    process.kill(pid, 0);
  } catch {
    return null; // it was stopped
  }
  return loadConfig({ ...process.env, NEO4J_URI: uri, NEO4J_PASSWORD: process.env.NEO4J_PASSWORD ?? 'skill-graph-dev' })
    .neo4j;
}

async function main(): Promise<void> {
  const started = Date.now();
  const machine = {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
  console.log('Machine', machine);

  const typical = SECTIONS.has('typical') ? await typicalQueries() : [];
  console.log('\n1-2. Typical queries: the API vs a bare node:http server, and TypeGraphQL vs plain graphql-js');
  console.table(typical);
  const calls = SECTIONS.has('calls') ? await storeCallsPerList() : [];
  console.log('\n3. Store calls per request for a list with nested fields');
  console.table(calls);
  const growth = SECTIONS.has('growth') ? await latencyGrowth() : [];
  console.log('\n4. Latency as the graph grows (HTTP, one request at a time, uncached)');
  console.table(growth);
  const boot = SECTIONS.has('startup') ? await startup() : [];
  console.log('\n5. Embedded store start-up and memory');
  console.table(boot);

  const writes = SECTIONS.has('writes') ? await writesUnderReadLoad([0, 20, 50], DURATION) : [];
  console.log('\n5b. Write latency under read load (the real process, embedded store, journal on disk)');
  console.table(writes);

  const neo4jConfig = SECTIONS.has('neo4j') ? neo4jTarget() : null;
  const neo4j: Neo4jReport | null = neo4jConfig === null ? null : await neo4jBenchmarks(neo4jConfig, DURATION, WARMUP);
  if (neo4j === null) {
    console.log('\n6. Neo4j: skipped (set NEO4J_URI, or start one with npm run neo4j:start)');
  } else {
    console.log(`\n6. Neo4j (${neo4j.serverVersion}): Bolt traffic per request as lists grow`);
    console.table(neo4j.roundTrips);
    console.log('Round trips of one store call:', neo4j.perStoreCall);
    console.log('\n7. Neo4j beside the embedded store (HTTP, one request at a time, uncached)');
    console.table(neo4j.latency);
    console.log('\n8. Seeding Neo4j with a generated graph (one transaction, --reset)');
    console.table([neo4j.seed]);
  }

  const largest = Math.max(...SCALES);
  const at = (query: string) => growth.find((r) => r.query === query && r.skills === largest);
  const biggest = boot.find((r: { skills: number }) => r.skills === largest);
  // Each section's targets, for the sections that ran.
  const targets = [
    ...(typical.length === 0
      ? []
      : [
          {
            target: 'API ≥ 0.35 × bare node:http (skill query)',
            measured: typical[0].apiVsBare,
            met: typical[0].apiVsBare >= 0.35,
          },
          {
            target: 'TypeGraphQL ≥ 0.90 × plain graphql-js (all queries)',
            measured: Math.min(...typical.map((r) => r.typeGraphqlVsPlain)),
            met: typical.every((r) => r.typeGraphqlVsPlain >= 0.9),
          },
        ]),
    ...(calls.length === 0
      ? []
      : [
          {
            target: 'same store calls for 10, 100 and 1,000 skills',
            measured: calls.map((r) => r.storeCalls).join(' / '),
            met: new Set(calls.map((r) => r.storeCalls)).size === 1,
          },
        ]),
    ...(growth.length === 0
      ? []
      : [
          {
            target: `prerequisiteChain p99 at ${largest} ≤ 2 × at ${SCALES[0]}`,
            measured: at('prerequisiteChain')?.p99VsSmallest,
            met: (at('prerequisiteChain')?.p99VsSmallest ?? 99) <= 2,
          },
          {
            target: `learningPath p99 at ${largest} ≤ 2 × at ${SCALES[0]}`,
            measured: at('learningPath')?.p99VsSmallest,
            met: (at('learningPath')?.p99VsSmallest ?? 99) <= 2,
          },
        ]),
    ...(boot.length === 0
      ? []
      : [
          {
            target: `embedded store with ${largest} skills < 500 MB (live heap; settled RSS)`,
            measured: `${biggest?.heapMB} MB; ${biggest?.rssSettledMB} MB`,
            met: (biggest?.heapMB ?? 1e9) < 500 && (biggest?.rssSettledMB ?? 1e9) < 500,
          },
          {
            target: `embedded store with ${largest} skills starts < 5 s`,
            measured: `${biggest?.startMs} ms`,
            met: (biggest?.startMs ?? 1e9) < 5000,
          },
        ]),
    ...(writes.length === 0
      ? []
      : [
          {
            target: 'embedded store: write p99 with 50 reading connections < 250 ms',
            measured: `${writes.find((row) => row.readers === 50)?.writeP99Ms} ms`,
            met: (writes.find((row) => row.readers === 50)?.writeP99Ms ?? 1e9) < 250,
          },
        ]),
    ...(neo4j === null
      ? []
      : [
          {
            target: 'Neo4j: same store calls, Bolt transactions and messages for lists of 10, 100 and 1,000 skills',
            measured: neo4j.roundTrips
              .filter((row) => row.query.startsWith('area'))
              .map((row) => `${row.storeCalls}/${row.boltTransactions}/${row.boltMessages}`)
              .join(' · '),
            met:
              new Set(
                neo4j.roundTrips
                  .filter((row) => row.query.startsWith('area'))
                  .map((row) => `${row.storeCalls}/${row.boltTransactions}/${row.boltMessages}`),
              ).size === 1,
          },
          {
            target: 'Neo4j answers every benchmark question exactly as the embedded store does',
            measured: `${neo4j.latency.filter((row) => row.sameAnswer).length} of ${neo4j.latency.length}`,
            met: neo4j.latency.every((row) => row.sameAnswer),
          },
        ]),
  ];
  console.log('\nTargets');
  console.table(targets);
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`bench took ${seconds} s`);

  mkdirSync(join(PROJECT_ROOT, 'reports'), { recursive: true });
  writeFileSync(
    join(PROJECT_ROOT, 'reports', 'bench.json'),
    `${JSON.stringify({ at: new Date().toISOString(), machine, durationSeconds: seconds, settings: { DURATION, WARMUP, CONNECTIONS }, typical, calls, growth, startup: boot, writes, neo4j, targets }, null, 2)}\n`,
  );
  console.log('wrote reports/bench.json');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
