import type { Driver } from 'neo4j-driver';

import { createNeo4jDriver } from '../src/adapters/neo4j/neo4j-driver.factory';
import { Neo4jGraphStore } from '../src/adapters/neo4j/neo4j-graph-store';
import { seedNeo4j } from '../src/adapters/neo4j/neo4j-import';
import type { Neo4jConfig } from '../src/config';
import type { Dataset } from '../src/dataset/dataset.types';
import { generateDataset } from './support/generate-dataset';
import { loadDataset } from '../src/dataset/load-dataset';
import { TcpProxy, boltAddress } from './support/tcp-proxy';
import { TYPICAL_QUERIES, scaledQueryTexts, scaledQuestions } from './bench-inputs';
import type { BenchServer, Latency } from './bench-support';
import { latencyOf, post, ratio, startBenchServer, storeCallsSoFar } from './bench-support';

// The Neo4j part of npm run bench, beside the embedded store measured the same way in the same
// run: Bolt round trips per request as lists grow, request latency on the real dataset and on a
// generated 100,000-skill graph, and the time to seed that graph. The API talks to Neo4j through
// a counting TCP relay, which adds a loopback hop to every round trip (both stores' figures are
// over HTTP on loopback; only Neo4j's cross the relay).

const GENERATED_SKILLS = Number(process.env.BENCH_NEO4J_SKILLS ?? 100_000);

export interface RoundTripRow {
  readonly query: string;
  readonly skillsListed: number;
  readonly storeCalls: number;
  /** Transactions (BEGIN messages) the request cost; each read is two round trips. */
  readonly boltTransactions: number;
  readonly boltMessages: number;
}

export interface StoreLatencyRow {
  readonly graph: string;
  readonly query: string;
  readonly embeddedP50Ms: number;
  readonly embeddedP99Ms: number;
  readonly neo4jP50Ms: number;
  readonly neo4jP99Ms: number;
  readonly neo4jVsEmbeddedP50: number;
  readonly sameAnswer: boolean;
}

export interface Neo4jReport {
  readonly serverVersion: string;
  readonly roundTrips: RoundTripRow[];
  /** Round trips of one store call, counted exactly (one call at a time). */
  readonly perStoreCall: { read: number; write: number };
  readonly latency: StoreLatencyRow[];
  readonly seed: { skills: number; prerequisites: number; resources: number; seconds: number };
}

const NESTED_SKILL_FIELDS =
  'slug level { slug } parent { slug } prerequisites { skill { slug } reason } resources { title }';

/** Seeds `dataset` with --reset, returning the seconds it took. */
async function seed(driver: Driver, config: Neo4jConfig, dataset: Dataset): Promise<number> {
  const started = performance.now();
  await seedNeo4j(driver, dataset, { database: config.database, reset: true });
  return (performance.now() - started) / 1000;
}

export async function neo4jBenchmarks(config: Neo4jConfig, seconds: number, warmup: number): Promise<Neo4jReport> {
  // Seeding 100,000 skills is one long transaction: no request-sized timeout for it.
  const driver = createNeo4jDriver({ ...config, timeoutMs: 60_000 });
  const proxy = await TcpProxy.start(boltAddress(config.uri));
  // bolt:// so every connection crosses the relay (neo4j:// would route around it).
  const neo4jEnv = {
    BENCH_NEO4J_URI: `bolt://127.0.0.1:${proxy.port}`,
    NEO4J_USER: config.user,
    NEO4J_PASSWORD: config.password,
    NEO4J_DATABASE: config.database,
    RESPONSE_CACHE_MB: '0',
  };
  try {
    const serverVersion = (await driver.getServerInfo()).agent ?? 'unknown';
    const roundTrips = await roundTripsPerList(driver, config, proxy, neo4jEnv);
    const perStoreCall = await roundTripsPerStoreCall(config, proxy);
    const latency: StoreLatencyRow[] = [];

    await seed(driver, config, loadDataset());
    latency.push(...(await compareStores('canonical', realQuestions(), {}, neo4jEnv, seconds, warmup)));

    const generated = generateDataset({ skills: GENERATED_SKILLS, seed: 42, prerequisitesPerSkill: 3.3 });
    const seedSeconds = await seed(driver, config, generated);
    const scaled = scaledQuestions(generated, 20);
    latency.push(
      ...(await compareStores(
        `${GENERATED_SKILLS.toLocaleString('en')} generated`,
        {
          skill: scaled.map((q) => `{ skill(slug: "${q.target}") { ${NESTED_SKILL_FIELDS} } }`),
          'skills(first: 100) nested': [`{ skills(first: 100) { edges { node { ${NESTED_SKILL_FIELDS} } } } }`],
          ...scaledQueryTexts(scaled),
        },
        { BENCH_SKILLS: String(GENERATED_SKILLS) },
        neo4jEnv,
        seconds,
        warmup,
      )),
    );
    // Leave the database as the API expects it.
    await seed(driver, config, loadDataset());
    return {
      serverVersion,
      roundTrips,
      perStoreCall,
      latency,
      seed: {
        skills: generated.skills.length,
        prerequisites: generated.prerequisites.length,
        resources: generated.resources.length,
        seconds: Math.round(seedSeconds * 10) / 10,
      },
    };
  } finally {
    await proxy.close();
    await driver.close();
  }
}

function realQuestions(): Record<string, string[]> {
  return {
    skill: [TYPICAL_QUERIES.skillWithPrerequisites],
    'skills(first: 100) nested': [`{ skills(first: 100) { edges { node { ${NESTED_SKILL_FIELDS} } } } }`],
    prerequisiteChain: [TYPICAL_QUERIES.prerequisiteChain],
    learningPath: [TYPICAL_QUERIES.learningPath],
    readyToLearn: [
      '{ readyToLearn(known: ["http", "computer-networking"], first: 10) { skill { slug } unlockCount } }',
    ],
  };
}

/**
 * Store calls, Bolt transactions and Bolt messages for one request, as the listed skills grow
 * tenfold twice, after three warm-ups (so the pool holds the connections the request needs).
 */
async function roundTripsPerList(
  driver: Driver,
  config: Neo4jConfig,
  proxy: TcpProxy,
  env: Record<string, string>,
): Promise<RoundTripRow[]> {
  const rows: RoundTripRow[] = [];
  // An area holds a fifth of a generated graph: clusters of 10 make an area of exactly 10 skills.
  for (const listed of [10, 100, 1000]) {
    const clusterSize = listed === 10 ? 10 : 100;
    await seed(
      driver,
      config,
      generateDataset({ skills: listed * 5, seed: 42, prerequisitesPerSkill: 3.3, clusterSize }),
    );
    const api = await startBenchServer('api.server.js', env);
    try {
      const queries: [string, string][] = [
        [`area { skills { … } }`, `{ area(slug: "cs-fundamentals") { skills { ${NESTED_SKILL_FIELDS} } } }`],
      ];
      if (listed <= 100) {
        queries.push([
          `skills(first: ${listed}) { … }`,
          `{ skills(first: ${listed}) { edges { node { ${NESTED_SKILL_FIELDS} } } } }`,
        ]);
      }
      for (const [name, query] of queries) {
        // Warm: the pool opens the connections parallel batch calls need, Neo4j caches the plans.
        for (let i = 0; i < 3; i++) await post(api.url, query);
        const count = (name?: string) =>
          name === undefined
            ? [...proxy.messages.values()].reduce((a, b) => a + b, 0)
            : (proxy.messages.get(name) ?? 0);
        const calls = await storeCallsSoFar(api.url);
        const [transactions, messages] = [count('BEGIN'), count()];
        const answer = JSON.parse((await post(api.url, query)).toString());
        if (answer.errors) throw new Error(`${name}: ${JSON.stringify(answer.errors)}`);
        rows.push({
          query: name,
          skillsListed: answer.data.area?.skills.length ?? answer.data.skills.edges.length,
          storeCalls: (await storeCallsSoFar(api.url)) - calls,
          boltTransactions: count('BEGIN') - transactions,
          boltMessages: count() - messages,
        });
      }
    } finally {
      await api.stop();
    }
  }
  return rows;
}

/** Round trips of one read and of one small write transaction (lock, sequence), through the relay. */
async function roundTripsPerStoreCall(config: Neo4jConfig, proxy: TcpProxy): Promise<{ read: number; write: number }> {
  const store = Neo4jGraphStore.connect({ ...config, uri: `bolt://127.0.0.1:${proxy.port}` });
  const TIMES = 10;
  const perCall = async (call: () => Promise<unknown>) => {
    await call(); // the connection is open and the plan cached
    const turns = proxy.roundTrips;
    for (let i = 0; i < TIMES; i++) await call();
    return (proxy.roundTrips - turns) / TIMES;
  };
  try {
    return {
      read: await perCall(() => store.findSkillsBySlugs(['http'])),
      write: await perCall(() => store.transaction((tx) => tx.nextSequence())),
    };
  } finally {
    await store.close();
  }
}

/** The same questions, one at a time, to the API on each store in turn; answers compared byte for byte. */
async function compareStores(
  graph: string,
  questions: Record<string, string[]>,
  embeddedEnv: Record<string, string>,
  neo4jEnv: Record<string, string>,
  seconds: number,
  warmup: number,
): Promise<StoreLatencyRow[]> {
  const measured: Record<string, { embedded?: Latency; neo4j?: Latency; answers: string[] }> = {};
  for (const [store, env] of [
    ['embedded', { ...embeddedEnv, RESPONSE_CACHE_MB: '0' }],
    ['neo4j', neo4jEnv],
  ] as const) {
    const api: BenchServer = await startBenchServer('api.server.js', env);
    try {
      for (const [query, texts] of Object.entries(questions)) {
        const entry = (measured[query] ??= { answers: [] });
        entry.answers.push((await post(api.url, texts[0])).toString());
        entry[store] = await latencyOf(api.url, texts, seconds, warmup);
      }
    } finally {
      await api.stop();
    }
  }
  return Object.entries(measured).map(([query, { embedded, neo4j, answers }]) => ({
    graph,
    query,
    embeddedP50Ms: embedded!.p50Ms,
    embeddedP99Ms: embedded!.p99Ms,
    neo4jP50Ms: neo4j!.p50Ms,
    neo4jP99Ms: neo4j!.p99Ms,
    neo4jVsEmbeddedP50: ratio(neo4j!.p50Ms, embedded!.p50Ms),
    sameAnswer: answers[0] === answers[1],
  }));
}
