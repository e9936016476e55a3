import { buildSkillGraphSchema } from '../../src/graphql/schema';
import { loadDataset } from '../../src/dataset/load-dataset';
import { LogCapture } from '../support/log-capture';
import type { ArgumentValues } from '../support/random-query';
import { randomQuery } from '../support/random-query';
import type { TestServer } from '../support/test-server';

// Soundness of the cost limit, on any store: for random queries over the whole schema, a query
// the estimate lets through never returns more objects than the estimate said, nor more than
// the result budget. The server's request log line gives both figures for each request.

const MAX_RESULT_ITEMS = 50_000;

const dataset = loadDataset();
const values: ArgumentValues = {
  skills: ['http', 'caching', 'sql', 'distributed-transactions', 'programming-in-one-language', 'kubernetes'].filter(
    (slug) => dataset.skills.some((skill) => skill.slug === slug),
  ),
  areas: dataset.areas.map((area) => area.slug),
  levels: dataset.levels.map((level) => level.slug),
  resources: dataset.resources.slice(0, 5).map((resource) => resource.slug),
  texts: ['cache', 'distribted', 'sql', 'kafka'],
};

export interface CostObservation {
  readonly query: string;
  readonly accepted: boolean;
  readonly cost: number | null;
  readonly items: number | null;
}

/**
 * Sends `runs` random queries to a server started by `start` (with the log stream it is given)
 * and checks each; returns what it saw, for the caller's checks on coverage.
 */
export async function checkCostSoundness(
  start: (env: Record<string, string>, logs: LogCapture) => Promise<TestServer>,
  { runs, seed }: { runs: number; seed: number },
): Promise<CostObservation[]> {
  const logs = new LogCapture();
  const api = await start({ LOG_LEVEL: 'info', MAX_RESULT_ITEMS: String(MAX_RESULT_ITEMS) }, logs);
  const schema = await buildSkillGraphSchema();
  const seen: CostObservation[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const query = randomQuery(schema, values, seed + run, { maxDepth: 4, skipRootFields: ['changes', 'problems'] });
      const response = await fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as { errors?: { extensions?: { code?: string; limit?: string } }[] };
      const line = await logs.requestLine(response.headers.get('x-request-id') ?? '');
      const codes = (body.errors ?? []).map((error) => error.extensions?.code);
      const refusedBeforeRunning = (body.errors ?? []).some(
        (error) =>
          error.extensions?.code === 'QUERY_LIMIT_EXCEEDED' &&
          error.extensions.limit !== 'items' &&
          error.extensions.limit !== 'responseBytes',
      );
      const observation = {
        query,
        accepted: !refusedBeforeRunning && !codes.includes('GRAPHQL_VALIDATION_FAILED'),
        cost: (line.cost as number | undefined) ?? null,
        items: (line.items as number | undefined) ?? null,
      };
      seen.push(observation);
      const context = `seed ${seed + run}: ${query}`;
      expect([context, response.status < 500 && !codes.includes('INTERNAL_SERVER_ERROR')]).toEqual([context, true]);
      if (!observation.accepted) continue;
      // Accepted: the estimate was made, it bounds what was returned, and the budget held.
      expect([context, observation.cost !== null && observation.items !== null]).toEqual([context, true]);
      expect([context, observation.items! <= observation.cost!]).toEqual([context, true]);
      expect([context, observation.items! <= MAX_RESULT_ITEMS]).toEqual([context, true]);
      expect([context, body.errors?.some((error) => error.extensions?.limit === 'items') ?? false]).toEqual([
        context,
        false,
      ]);
    }
  } finally {
    await api.close();
  }
  return seen;
}

/** The property is about executed queries: enough of them must run, and some must be large. */
export function expectUsefulCoverage(seen: readonly CostObservation[]): void {
  const accepted = seen.filter((observation) => observation.accepted);
  expect(accepted.length).toBeGreaterThan(seen.length / 2);
  expect(Math.max(...accepted.map((observation) => observation.items ?? 0))).toBeGreaterThan(100);
  expect(seen.some((observation) => !observation.accepted)).toBe(true);
}
