import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { sha256 } from '../../src/graphql/trusted-documents';
import { PROJECT_ROOT } from '../../src/project-paths';
import { type ServerProcess, startServerProcess } from '../support/server-process';

// What anonymous clients can make the production process hold: its caches of parsed, compiled
// and persisted documents are bounded by bytes, and query text above MAX_QUERY_BYTES is never
// kept. The heap is read from /metrics after a full collection, before and after.

const MB = 2 ** 20;
const CONCURRENCY = 4;
const PADDED = 95_000;
// Production serves /metrics to this token only (where METRICS_TOKEN is a setting).
const METRICS_TOKEN = 'memory-test-metrics-token-0123456789';

let running: ServerProcess;

beforeAll(async () => {
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  running = await startServerProcess({
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATA_FILE: join(mkdtempSync(join(tmpdir(), 'skill-graph-memory-')), 'graph.journal'),
    NODE_OPTIONS: `--require ${join(__dirname, '..', 'support', 'gc-on-signal.cjs')}`,
    METRICS_TOKEN,
  });
}, 180_000);

afterAll(async () => {
  running.child.kill('SIGTERM');
  await running.exit;
});

/** Sends every body (POST /graphql) over CONCURRENCY keep-alive connections; counts statuses. */
async function send(bodies: Iterable<string>): Promise<Record<number, number>> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const statuses: Record<number, number> = {};
  const iterator = bodies[Symbol.iterator]();
  const one = (body: string) =>
    new Promise<void>((resolve, reject) => {
      const sent = request(
        {
          host: running.url.hostname,
          port: running.url.port,
          path: running.url.pathname,
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (response) => {
          statuses[response.statusCode ?? 0] = (statuses[response.statusCode ?? 0] ?? 0) + 1;
          response.resume();
          response.on('end', resolve);
        },
      );
      sent.on('error', reject);
      sent.end(body);
    });
  const loop = async () => {
    for (let next = iterator.next(); !next.done; next = iterator.next()) await one(next.value);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, loop));
  agent.destroy();
  return statuses;
}

const metric = async (name: string): Promise<number> => {
  const response = await fetch(new URL('/metrics', running.url), {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  const text = await response.text();
  return Number(new RegExp(`^${name} (\\d+)`, 'm').exec(text)?.[1]);
};

/** The live heap: after a full collection (test/support/gc-on-signal.cjs), as /metrics reports it. */
let collections = 0;
async function liveHeap(): Promise<number> {
  collections += 1;
  running.child.kill('SIGUSR2');
  const done = `collected garbage ${collections}\n`;
  for (let waited = 0; !running.output().includes(done); waited += 50) {
    if (waited > 30_000) throw new Error(`no garbage collection after 30 s: ${running.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return metric('nodejs_heap_size_used_bytes');
}

function* times<T>(n: number, make: (i: number) => T): Iterable<T> {
  for (let i = 0; i < n; i++) yield make(i);
}

const persisted = (query: string) => ({ persistedQuery: { version: 1, sha256Hash: sha256(query) } });

/** A unique document of about 95 KB, nearly all comment (the parser's token limit ignores it). */
const padded = (i: number) => `# ${i} ${'x'.repeat(PADDED)}\n{ __typename }`;

/** A unique, valid document of real fields just under MAX_QUERY_BYTES (32 KiB). */
const nearLimit = (i: number) => {
  const slug = `${i}-${'s'.repeat(2000)}`;
  const fields = Array.from(
    { length: 15 },
    (_, a) =>
      `a${a}: skill(slug: "${slug}") { slug name description estimatedHours area { slug name } level { slug name } ` +
      `prerequisites { reason skill { slug name } } }`,
  );
  return `query Near${i} { ${fields.join(' ')} }`;
};

describe('memory held for anonymous clients, on the production process', () => {
  it('after 7,000 requests of 30–95 KB each (unique documents, APQ registrations, variables, documents by hash), the heap grows by less than 64 MB', async () => {
    expect(Buffer.byteLength(nearLimit(1999))).toBeGreaterThan(31 * 1024);
    expect(Buffer.byteLength(nearLimit(1999))).toBeLessThanOrEqual(32 * 1024);
    // Warm up: the first requests of each kind compile code and fill pools, once.
    await send(times(50, (i) => JSON.stringify({ query: `{ __typename } # warm ${i}` })));
    const before = await liveHeap();

    const documents = await send(times(2000, (i) => JSON.stringify({ query: padded(i) })));
    const afterDocuments = await liveHeap();
    const registrations = await send(
      times(2000, (i) => JSON.stringify({ query: padded(-i - 1), extensions: persisted(padded(-i - 1)) })),
    );
    const afterRegistrations = await liveHeap();
    // One document, 2,000 distinct sets of 95 KB variables (the query-cost cache keys them by hash).
    const variables = await send(
      times(2000, (i) =>
        JSON.stringify({
          query: 'query V($x: String!) { skill(slug: $x) { slug } }',
          variables: { x: `${i}-${'v'.repeat(PADDED)}` },
        }),
      ),
    );
    const afterVariables = await liveHeap();
    // Registered, then sent again by hash: parsed, registered and (the second time) compiled.
    const near = await send(
      times(1000, (i) => {
        const query = nearLimit(i >> 1);
        return JSON.stringify(i % 2 === 0 ? { query, extensions: persisted(query) } : { extensions: persisted(query) });
      }),
    );
    const after = await liveHeap();

    const figures = [before, afterDocuments, afterRegistrations, afterVariables, after].map((bytes) =>
      Math.round(bytes / MB),
    );
    process.stdout.write(
      `heap (MB) before, after documents, registrations, variables, near-limit documents: ${figures}\n`,
    );
    expect({ documents, registrations, variables, near }).toEqual({
      documents: { 400: 2000 },
      registrations: { 400: 2000 },
      variables: { 200: 2000 },
      near: { 200: 1000 },
    });
    expect(after - before).toBeLessThan(64 * MB);
  }, 120_000);
});
