import type { GraphStore } from '../../src/domain/ports/graph-store.port';
import type { GraphStoreMethod } from '../../src/adapters/store-decorators';
import { instrumentGraphStore } from '../../src/adapters/store-decorators';
import type { TestServer } from '../support/test-server';
import { execute, startTestServer } from '../support/test-server';

// The N+1 guard: store calls per request depend on the query's shape, never on how many
// parents a list has. Run on every store, since each implements the batch methods itself.

export function defineBatchingSuite(storeName: string, openStore: () => Promise<GraphStore>): void {
  describe(`store calls per request (${storeName} store)`, () => {
    let api: TestServer;
    const calls: GraphStoreMethod[] = [];

    beforeAll(async () => {
      const store = instrumentGraphStore(await openStore(), (call) => calls.push(call.method));
      // One execution per request, as served: compare mode would count the reference run's calls too.
      api = await startTestServer({ GRAPHQL_EXECUTOR: 'jit' }, { store });
    });
    afterAll(() => api.close());

    async function storeCallsFor(query: string, variables: Record<string, unknown>) {
      calls.length = 0;
      const { data, errors } = await execute<any>(api.client, query, variables);
      expect(errors).toEqual([]);
      return { data, calls: [...calls].sort() };
    }

    const nested = `query($first: Int) {
      skills(first: $first) { edges { node {
        slug area { slug } prerequisites { skill { slug } reason } resources { title }
      } } }
    }`;

    it('makes the same store calls for skills(first: 10) and skills(first: 100) with nested fields', async () => {
      const ten = await storeCallsFor(nested, { first: 10 });
      const hundred = await storeCallsFor(nested, { first: 100 });
      expect(ten.data.skills.edges).toHaveLength(10);
      expect(hundred.data.skills.edges.length).toBeGreaterThan(90);
      expect(ten.calls).toEqual(['findAreasBySlugs', 'listSkills', 'prerequisitesOfSkills', 'resourcesOfSkills']);
      expect(hundred.calls).toEqual(ten.calls);
    });

    it('batches every relationship field of a skill, one store call per field', async () => {
      const everything = `query($first: Int) {
        skills(first: $first) { edges { node {
          area { skillCount } level { slug } parent { slug } children { slug } dependents { slug }
          related { slug } responsibilities { slug skills { slug } } resources { skills { slug } }
        } } }
      }`;
      const few = await storeCallsFor(everything, { first: 5 });
      const many = await storeCallsFor(everything, { first: 100 });
      expect(many.calls).toEqual(few.calls);
      expect(new Set(many.calls).size).toBe(many.calls.length); // no method called twice
    });

    it('batches the levels’ cumulative lists too', async () => {
      const { calls: levelCalls } = await storeCallsFor(
        `{ levels { responsibilities(includeLowerLevels: true) { slug } skills(includeLowerLevels: true) { slug } } }`,
        {},
      );
      // listLevels for the root, then one listLevels and one batch read per cumulative field.
      expect(levelCalls).toEqual([
        'listLevels',
        'listLevels',
        'listLevels',
        'responsibilitiesOfLevels',
        'skillsOfLevels',
      ]);
    });
  });
}
