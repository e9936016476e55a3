import { Neo4jGraphStore } from '../../src/adapters/neo4j/neo4j-graph-store';
import { seedNeo4j } from '../../src/adapters/neo4j/neo4j-import';
import { loadDataset } from '../../src/dataset/load-dataset';
import { ALICE, EDITOR_ENV } from '../http/editing-suite';
import { type SuiteData, defineStoreSuites } from '../http/store-suites';
import { describeOnNeo4j, reseed, seedDriver, startOnNeo4j } from '../support/neo4j';
import { execute } from '../support/test-server';

// Every store suite (the contract and the HTTP suites the embedded store passes) on a real Neo4j,
// and its import. It leaves the canonical dataset in place, with a few test skills added by the
// editing suite.

/** The describe title each kind of suite data ran under, before the suites came from one list. */
const GROUP_TITLES: Readonly<Record<SuiteData, string | null>> = {
  'own stores': null,
  // Neo4j keeps what it holds across API instances: a restart is a new API on the same database.
  'own graph': 'over a graph of its own',
  'canonical dataset': 'over the canonical dataset',
};

describeOnNeo4j('Neo4j store', (config) => {
  describe('the import of the canonical dataset', () => {
    const dataset = loadDataset();
    const run = async (reset: boolean) => {
      const driver = seedDriver(config);
      try {
        return await seedNeo4j(driver, dataset, { database: config.database, reset });
      } finally {
        await driver.close();
      }
    };
    const NOTHING = { nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0 };

    it('creates every node on an empty database; a second run, with or without --reset, changes nothing', async () => {
      const driver = seedDriver(config);
      try {
        await driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database: config.database });
      } finally {
        await driver.close();
      }
      const first = await run(false);
      const nodes =
        dataset.areas.length +
        dataset.levels.length +
        dataset.skills.length +
        dataset.responsibilities.length +
        dataset.resources.length;
      expect(first.nodesCreated).toBe(nodes + 1); // and the :Dataset node naming the edition
      expect(await run(true)).toEqual(NOTHING);
      expect(await run(false)).toEqual(NOTHING);
    });

    it('with --reset, removes what the API added and restores what it removed, history included', async () => {
      await run(true);
      const api = await startOnNeo4j(config, EDITOR_ENV);
      try {
        const editor = api.clientWithToken(ALICE);
        const [edge] = dataset.prerequisites;
        const edits = [
          `mutation { createSkill(input: { slug: "added-by-api", name: "Added", estimatedHours: 1, area: "operations",
             level: "junior", description: "${'A skill added through the API, which a reset must remove again. '.repeat(2)}" }) { slug } }`,
          'mutation { addPrerequisite(skill: "added-by-api", requires: "http", reason: "added edge") { slug } }',
          `mutation { removePrerequisite(skill: "${edge.skill}", requires: "${edge.requires}") { slug } }`,
        ];
        for (const edit of edits) expect((await execute(editor, edit)).errors).toEqual([]);

        expect(await run(true)).toEqual({
          nodesCreated: 0,
          nodesDeleted: 4, // the skill and three changes
          relationshipsCreated: 1, // the removed edge, back
          relationshipsDeleted: 3, // the added skill's IN_AREA, AT_LEVEL and REQUIRES
        });
        const { data } = await execute<any>(
          editor,
          `{ skill(slug: "added-by-api") { slug } changes(first: 0) { totalCount }
             edge: skill(slug: "${edge.skill}") { prerequisites { skill { slug } } } }`,
        );
        expect(data.skill).toBeNull();
        expect(data.changes.totalCount).toBe(0);
        expect(data.edge.prerequisites.map((p: any) => p.skill.slug)).toContain(edge.requires);
      } finally {
        await api.close();
      }
    });
  });

  defineStoreSuites({
    name: 'neo4j',
    contractName: 'neo4j',
    async contractStore(dataset) {
      const driver = seedDriver(config);
      await seedNeo4j(driver, dataset, { database: config.database, reset: true });
      return new Neo4jGraphStore(driver, config);
    },
    openStore: async () => Neo4jGraphStore.connect(config),
    start: (env = {}) => startOnNeo4j(config, env),
    ownGraph: {
      async start(dataset, env) {
        await reseed(config, dataset);
        return startOnNeo4j(config, env);
      },
      async restart(api, env) {
        await api.close();
        return startOnNeo4j(config, env);
      },
    },
    group(data, define) {
      const title = GROUP_TITLES[data];
      if (title === null) return define();
      describe(title, () => {
        if (data === 'canonical dataset') beforeAll(() => reseed(config));
        define();
      });
    },
  });
});
