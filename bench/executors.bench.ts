import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import autocannon from 'autocannon';

import { loadDataset } from '../src/dataset/load-dataset';
import { metricsHeaders, post, startBenchServer, postingInTurn } from './bench-support';

// The uncached request path (issue 14): three workloads for two queries, each as a ratio to a
// bare node:http server and as CPU microseconds per request of the server process (from its
// process_cpu_seconds_total), for several server set-ups. Rounds are interleaved (every set-up
// once per round) and the median of the rounds is reported, so a slow spell of a shared
// machine falls on all set-ups alike.
//   cache hit  the same document and variables every time, response cache on (as deployed);
//   browsing   the same document, a different slug per request (a frontend paging through
//              skills): the response cache cannot help, so it is off;
//   new text   a new document text per request (a comment with a counter): parse and
//              validation every time; cache off.
//   persisted  browsing, with the document sent by its hash only (Apollo's automatic
//              persisted queries, registered once before the run): no query text to hash or
//              parse; cache off. Measured for the API only.

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
// Long enough for V8 to optimise the hot path and for every variable set to have been seen once.
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

const QUERIES = {
  skill: {
    text: 'query Skill($slug: String!) { skill(slug: $slug) { slug name description estimatedHours prerequisites { skill { slug name } reason } resources { title url kind free } } }',
    variables: (slug: string) => ({ slug }),
  },
  list50: {
    text: 'query List($after: String) { skills(first: 50, after: $after) { edges { node { slug name estimatedHours level { slug } area { slug } prerequisites { skill { slug } } } } } }',
    variables: (slug: string) => ({ after: slug }),
  },
} as const;
type QueryName = keyof typeof QUERIES;

export interface SetUp {
  readonly label: string;
  readonly env: Record<string, string>;
  /** Another build's dist/bench/servers (a "before" build); this build's by default. */
  readonly dist?: string;
  /** A server of bench/servers/ other than the API (a reference implementation). */
  readonly script?: string;
  /** Whether the server takes Apollo's persisted-query protocol (the persisted workload). */
  readonly persisted?: boolean;
}

const WORKLOADS = ['cache hit', 'browsing', 'new text', 'persisted'] as const;
type Workload = (typeof WORKLOADS)[number];

interface Measured {
  readonly rps: number;
  readonly cpuMicros: number | null;
}

async function cpuSeconds(url: string): Promise<number> {
  const text = await (await fetch(url.replace(/\/graphql$/, '/metrics'), { headers: metricsHeaders })).text();
  return Number(/^process_cpu_seconds_total (\S+)$/m.exec(text)?.[1] ?? NaN);
}

async function run(url: string, bodies: readonly string[], withCpu: boolean): Promise<Measured> {
  const options = postingInTurn(url, bodies, CONNECTIONS);
  await autocannon({ ...options, duration: WARMUP });
  const before = withCpu ? await cpuSeconds(url) : 0;
  const result = await autocannon({ ...options, duration: SECONDS });
  const after = withCpu ? await cpuSeconds(url) : 0;
  if (result.errors + result.non2xx > 0) throw new Error(`${result.errors + result.non2xx} failed requests at ${url}`);
  return {
    rps: Math.round(result.requests.average),
    cpuMicros: withCpu ? Math.round(((after - before) * 1e6) / result.requests.total) : null,
  };
}

/** Cursors are opaque; a page after each skill is what a frontend paging through them sends. */
async function cursorsOf(url: string, slugs: readonly string[]): Promise<string[]> {
  const response = JSON.parse((await post(url, '{ skills(first: 100) { edges { cursor } } }')).toString()) as {
    data: { skills: { edges: { cursor: string }[] } };
  };
  const first = response.data.skills.edges.map((edge) => edge.cursor);
  const rest = JSON.parse(
    (await post(url, `{ skills(first: 100, after: "${first[first.length - 1]}") { edges { cursor } } }`)).toString(),
  ) as { data: { skills: { edges: { cursor: string }[] } } };
  return [...first, ...rest.data.skills.edges.map((edge) => edge.cursor)].slice(0, Math.max(1, slugs.length - 50));
}

/**
 * Registers a persisted query (text and hash together), as a client does on its first miss, and
 * checks that the hash alone then gets the same answer.
 */
async function register(url: string, withText: string, hashOnly: string): Promise<void> {
  const answer = async (body: string) =>
    (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).text();
  const registered = await answer(withText);
  const byHash = await answer(hashOnly);
  if (!registered.startsWith('{"data"') || byHash !== registered)
    throw new Error(`a persisted query is not answered by its hash: ${registered} / ${byHash}`);
}

const workloadsOf = (setUp: SetUp): readonly Workload[] =>
  setUp.persisted === true ? WORKLOADS : WORKLOADS.filter((workload) => workload !== 'persisted');

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function executorWorkloads(setUps: readonly SetUp[]) {
  const slugs = loadDataset().skills.map((skill) => skill.slug);
  const probe = await startBenchServer('api.server.js');
  const cursors = await cursorsOf(probe.url, slugs);
  await probe.stop();

  const bodiesOf = (name: QueryName) => {
    const { text, variables } = QUERIES[name];
    const keys = name === 'skill' ? slugs : cursors;
    const fixed = JSON.stringify({ query: text, variables: variables(keys[0]!) });
    const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(text).digest('hex') };
    return {
      fixed,
      register: JSON.stringify({ query: text, variables: variables(keys[0]!), extensions: { persistedQuery } }),
      persisted: keys.map((key) => JSON.stringify({ variables: variables(key), extensions: { persistedQuery } })),
      browsing: keys.map((key) => JSON.stringify({ query: text, variables: variables(key) })),
      newText: Array.from({ length: 60_000 }, (_, n) =>
        JSON.stringify({ query: `${text} # ${n}`, variables: variables(keys[0]!) }),
      ),
    };
  };

  const responses = mkdtempSync(join(tmpdir(), 'bench-exec-'));
  type Cell = { rps: number[]; cpu: number[] };
  const cells = new Map<string, Cell>();
  const record = (key: string, measured: Measured) => {
    const cell = cells.get(key) ?? { rps: [], cpu: [] };
    cell.rps.push(measured.rps);
    if (measured.cpuMicros !== null) cell.cpu.push(measured.cpuMicros);
    cells.set(key, cell);
  };

  for (let round = 0; round < ROUNDS; round++) {
    for (const name of Object.keys(QUERIES) as QueryName[]) {
      const bodies = bodiesOf(name);
      // The floor for this query: the bytes the API answers, from a bare node:http server.
      const reference = await startBenchServer('api.server.js');
      const bytes = Buffer.from(
        await (
          await fetch(reference.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: bodies.fixed,
          })
        ).arrayBuffer(),
      );
      await reference.stop();
      const file = join(responses, `${name}.json`);
      writeFileSync(file, bytes);
      const bare = await startBenchServer('bare.server.js', { BENCH_RESPONSE_FILE: file });
      try {
        record(`${name}|bare|-`, await run(bare.url, [bodies.fixed], false));
      } finally {
        await bare.stop();
      }
      for (const setUp of setUps) {
        for (const workload of workloadsOf(setUp)) {
          const env = { ...setUp.env, ...(workload === 'cache hit' ? {} : { RESPONSE_CACHE_MB: '0' }) };
          const server = await startBenchServer(setUp.script ?? 'api.server.js', env, setUp.dist);
          try {
            const list = {
              'cache hit': [bodies.fixed],
              browsing: bodies.browsing,
              'new text': bodies.newText,
              persisted: bodies.persisted,
            }[workload];
            if (workload === 'persisted') await register(server.url, bodies.register, bodies.persisted[0]!);
            record(`${name}|${setUp.label}|${workload}`, await run(server.url, list, true));
          } finally {
            await server.stop();
          }
        }
      }
    }
  }

  const rows = [];
  for (const name of Object.keys(QUERIES) as QueryName[]) {
    const bare = median(cells.get(`${name}|bare|-`)!.rps);
    for (const setUp of setUps) {
      for (const workload of workloadsOf(setUp)) {
        const cell = cells.get(`${name}|${setUp.label}|${workload}`)!;
        rows.push({
          query: name,
          server: setUp.label,
          workload,
          rps: median(cell.rps),
          bareRps: bare,
          vsBare: Math.round((median(cell.rps) / bare) * 1000) / 1000,
          cpuMicros: median(cell.cpu),
        });
      }
    }
  }
  return rows;
}

/** npm run bench:executors: this build with jit and with graphql-js, and a "before" build. */
async function main(): Promise<void> {
  const setUps: SetUp[] = [
    { label: 'jit', env: { GRAPHQL_EXECUTOR: 'jit' }, persisted: true },
    { label: 'graphql-js', env: { GRAPHQL_EXECUTOR: 'graphql-js' }, persisted: true },
    { label: 'mercurius+jit', env: {}, script: 'mercurius.server.js' },
    { label: 'yoga', env: {}, script: 'yoga.server.js' },
  ];
  if (process.env.BENCH_BEFORE_DIST)
    setUps.push({ label: 'before', env: {}, dist: process.env.BENCH_BEFORE_DIST, persisted: true });
  // BENCH_SETUPS=jit,before measures only those, for comparing two builds of the API.
  const only = process.env.BENCH_SETUPS?.split(',');
  const rows = await executorWorkloads(only === undefined ? setUps : setUps.filter((s) => only.includes(s.label)));
  console.table(rows);
  writeFileSync(
    join(__dirname, '..', '..', 'reports', 'bench-executors.json'),
    `${JSON.stringify({ at: new Date().toISOString(), rounds: ROUNDS, seconds: SECONDS, connections: CONNECTIONS, rows }, null, 2)}\n`,
  );
}

if (require.main === module) void main();
