import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { exponentialShapes } from '../../bench/support/query-shapes';
import { type ServerProcess, startServerProcess } from '../support/server-process';

// The attack report's query bombs (shared/reviews/attack-2447657.md, D1 and D2) against the real
// process in production mode, with the default limits: each is refused before it runs, or runs
// within the result budget, and the process answers the next query as before. Then the budget on
// its own, with the estimate switched off by a huge cost limit: it still stops the bomb.

interface Answer {
  readonly status: number;
  readonly body: {
    data?: unknown;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
  readonly bytes: number;
  readonly requestId: string;
}

async function post(server: ServerProcess, query: string): Promise<Answer> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: JSON.parse(text) as Answer['body'],
    bytes: Buffer.byteLength(text),
    requestId: response.headers.get('x-request-id') ?? '',
  };
}

/**
 * The process's request log line for a request (stdout, one JSON object per line). Production
 * buffers log lines a few kilobytes at a time, so small requests are sent until it is written.
 */
async function requestLine(server: ServerProcess, requestId: string): Promise<Record<string, unknown>> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const line = server
      .output()
      .split('\n')
      .filter((text) => text.startsWith('{'))
      .map((text) => JSON.parse(text) as Record<string, unknown>)
      .find((entry) => entry.msg === 'request' && entry.requestId === requestId);
    if (line !== undefined) return line;
    await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
  }
  throw new Error(`no request line for ${requestId}`);
}

/** `inner` nested `times` times inside `wrap`. */
const nest = (wrap: (inner: string) => string, times: number, leaf = 'slug') =>
  Array.from({ length: times }).reduce<string>((inner) => wrap(inner), leaf);

const levelBomb = (levels: number) =>
  `{ skill(slug: "http") { ${nest((inner) => `level { skills { ${inner} } }`, levels)} } }`;

async function expectHealthy(server: ServerProcess): Promise<void> {
  const { status, body } = await post(
    server,
    '{ skill(slug: "observability") { slug prerequisites { skill { slug } } } }',
  );
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
  expect((body.data as { skill: { slug: string } }).skill.slug).toBe('observability');
}

/**
 * The suite, against the production process serving the store that `storeEnv` selects (none:
 * the embedded store; NEO4J_URI and its credentials: Neo4j).
 */
export function defineQueryBombSuite(store: string, storeEnv: Record<string, string>): void {
  function startProduction(env: Record<string, string> = {}): Promise<ServerProcess> {
    const dataFile = join(mkdtempSync(join(tmpdir(), 'skill-graph-limits-')), 'graph.journal');
    return startServerProcess({ NODE_ENV: 'production', LOG_LEVEL: 'info', DATA_FILE: dataFile, ...storeEnv, ...env });
  }

  describe(`query bombs against the production process, default limits (${store})`, () => {
    let server: ServerProcess;
    beforeAll(async () => {
      server = await startProduction();
    }, 30_000);
    afterAll(async () => {
      server.child.kill('SIGTERM');
      await server.exit;
    });

    it('refuses the 115-byte query that exhausted the heap (level.skills four times) before it runs', async () => {
      const query = levelBomb(4);
      expect(Buffer.byteLength(query)).toBeLessThan(130);
      const { status, body } = await post(server, query);
      expect(status).toBe(400);
      // 104 junior skills under each level: 104 × (1 + 104 × (1 + 104 × (1 + 104))) objects.
      expect(body.errors).toEqual([
        {
          message: 'The query’s cost is 118121640, above the limit of 50000',
          extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'cost', max: 50_000, actual: 118_121_640 },
        },
      ]);
      await expectHealthy(server);
    });

    it('refuses the three-level query that answered 31.9 MB, and the areas one that answered 12.4 MB', async () => {
      for (const query of [levelBomb(3), `{ areas { ${nest((inner) => `skills { area { ${inner} } }`, 3)} } }`]) {
        const { status, body } = await post(server, query);
        expect([query, status, body.errors?.[0]?.extensions?.limit]).toEqual([query, 400, 'cost']);
      }
      await expectHealthy(server);
    });

    it('answers the two-level query within the budget, having estimated exactly what it returned', async () => {
      const { status, body, requestId } = await post(server, levelBomb(2));
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      const line = await requestLine(server, requestId);
      // 104 junior skills, each with the 104 of its level again.
      expect(line).toMatchObject({ cost: 104 * 105, items: 104 * 105, outcome: 'success' });
    });

    it('still refuses a query padded past the estimator’s node limit (it used to skip the check)', async () => {
      const padded =
        `query { skills(first: 100) { edges { node { slug dependents { slug dependents { slug dependents { slug } } } } } } ` +
        `${'...P '.repeat(100)}} fragment P on Query { ${'__typename '.repeat(100)}}`;
      const { status, body } = await post(server, padded);
      expect(status).toBe(400);
      expect(body.errors).toEqual([
        {
          message: 'The query exceeds the cost limit of 50000',
          extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'cost', max: 50_000 },
        },
      ]);
    });

    it('costs a schedule asked for inside an inline fragment as one asked for directly', async () => {
      const targets = JSON.stringify(['distributed-transactions', 'microservices', 'caching']);
      const plan = (selection: string) => `{ learningPath(targets: ${targets}, hoursPerWeek: 1) { ${selection} } }`;
      const direct = await post(server, plan('schedule { sessions { skill { slug } } }'));
      const inline = await post(server, plan('... on LearningPath { schedule { sessions { skill { slug } } } }'));
      const spread = await post(
        server,
        `${plan('...S')} fragment S on LearningPath { schedule { sessions { skill { slug } } } }`,
      );
      const costs = await Promise.all(
        [direct, inline, spread].map(async (answer) => (await requestLine(server, answer.requestId)).cost),
      );
      // 2,460 hours in the graph: at most 2,460 one-hour weeks of one session each.
      expect(costs).toEqual([2460 * 2, 2460 * 2, 2460 * 2]);
    });

    it('refuses fifteen thin schedules of fifty targets, padded or not', async () => {
      const targets = JSON.stringify(Array.from({ length: 50 }, () => 'distributed-transactions'));
      const plans = Array.from(
        { length: 15 },
        (_, i) =>
          `p${i}: learningPath(targets: ${targets}, includeHelpful: true, hoursPerWeek: 1) { ... on LearningPath { schedule { week sessions { hours skill { slug } } } } }`,
      ).join(' ');
      for (const query of [
        `{ ${plans} }`,
        `{ ${plans} ${'...P '.repeat(100)}} fragment P on Query { ${'__typename '.repeat(100)}}`,
      ]) {
        const { status, body } = await post(server, query);
        expect([status, body.errors?.[0]?.extensions?.code, body.errors?.[0]?.extensions?.limit]).toEqual([
          400,
          'QUERY_LIMIT_EXCEEDED',
          'cost',
        ]);
      }
      await expectHealthy(server);
    });
  });

  describe(`the result budget on its own, estimate switched off (${store})`, () => {
    let server: ServerProcess;
    beforeAll(async () => {
      server = await startProduction({
        MAX_QUERY_COST: '10000000',
        MAX_RESULT_ITEMS: '5000',
        MAX_RESPONSE_BYTES: '65536',
      });
    }, 30_000);
    afterAll(async () => {
      server.child.kill('SIGTERM');
      await server.exit;
    });

    it('stops the three-level bomb once its lists have returned 5,000 objects, and stays healthy', async () => {
      const { status, body, bytes, requestId } = await post(server, levelBomb(3));
      expect(status).toBe(400);
      expect(body).toEqual({
        data: null,
        errors: [
          {
            message: 'The query exceeds the items limit of 5000',
            extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'items', max: 5000 },
          },
        ],
      });
      expect(bytes).toBeLessThan(500);
      const line = await requestLine(server, requestId);
      expect(line.outcome).toBe('rejected');
      // The count stops at the first list past the budget: one more level list at most.
      expect(line.items as number).toBeLessThanOrEqual(5000 + 104);
      await expectHealthy(server);
    });

    it('refuses an answer longer than the byte budget instead of sending it', async () => {
      const { status, body, bytes } = await post(
        server,
        '{ skills(first: 100) { edges { node { slug description } } } }',
      );
      expect(status).toBe(400);
      expect(body).toEqual({
        data: null,
        errors: [
          {
            message: 'The query exceeds the responseBytes limit of 65536',
            extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'responseBytes', max: 65_536 },
          },
        ],
      });
      expect(bytes).toBeLessThan(500);
      const small = await post(server, '{ skills(first: 5) { edges { node { slug description } } } }');
      expect(small.body.errors).toBeUndefined();
    });
  });

  describe(`every exponential shape, default limits (${store})`, () => {
    it('is refused before it runs, or answered within the budget with no more than its estimate', async () => {
      const server = await startProduction();
      const shapes = exponentialShapes(12);
      const answered: { name: string; requestId: string }[] = [];
      const refused = new Map<string, number>();
      try {
        for (const shape of shapes) {
          const { status, body, requestId } = await post(server, shape.query);
          if (status === 400) {
            const limit = String(body.errors?.[0]?.extensions?.limit);
            expect([shape.name, body.errors?.[0]?.extensions?.code]).toEqual([shape.name, 'QUERY_LIMIT_EXCEEDED']);
            refused.set(limit, (refused.get(limit) ?? 0) + 1);
          } else {
            expect([shape.name, status, body.errors]).toEqual([shape.name, 200, undefined]);
            answered.push({ name: shape.name, requestId });
          }
        }
        await expectHealthy(server);
      } finally {
        server.child.kill('SIGTERM');
        await server.exit;
      }
      // Stopped, the process has written every log line.
      const lines = new Map(
        server
          .output()
          .split('\n')
          .filter((text) => text.startsWith('{'))
          .map((text) => JSON.parse(text) as Record<string, unknown>)
          .filter((line) => line.msg === 'request')
          .map((line) => [line.requestId, line]),
      );
      for (const { name, requestId } of answered) {
        const { cost, items } = lines.get(requestId) as { cost: number; items: number };
        expect([name, items <= cost && items <= 50_000]).toEqual([name, true]);
      }
      expect(shapes.length).toBeGreaterThan(2 * 11 * 11);
      // Most of them multiply past any sane answer; the ones that do not are answered.
      expect(refused.get('cost')).toBeGreaterThan(shapes.length / 2);
      expect(answered.length).toBeGreaterThan(50);
    }, 120_000);
  });
}
