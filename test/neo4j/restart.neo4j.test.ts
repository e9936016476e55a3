import { ALICE, EDITOR_ENV } from '../http/editing-suite';
import { describeOnNeo4j, reseed, startOnNeo4j } from '../support/neo4j';
import { execute } from '../support/test-server';

// API instances keep nothing of their own: what one accepted, the next one serves.

describeOnNeo4j('restarting the API on Neo4j', (config) => {
  beforeAll(() => reseed(config));

  it('keeps every edit made through the API, with its history', async () => {
    const first = await startOnNeo4j(config, EDITOR_ENV);
    try {
      const editor = first.clientWithToken(ALICE);
      const edits = [
        `mutation { createSkill(input: { slug: "kept-across-restarts", name: "Kept across restarts",
           estimatedHours: 3, area: "operations", level: "senior",
           description: "${'A skill created before the API restarts, which the next API process must still serve. '.repeat(2)}" }) { slug } }`,
        'mutation { addPrerequisite(skill: "kept-across-restarts", requires: "http", reason: "It is served over HTTP") { slug } }',
        'mutation { addRelated(skill: "kept-across-restarts", related: "logging") { slug } }',
      ];
      for (const edit of edits) expect((await execute(editor, edit)).errors).toEqual([]);
    } finally {
      await first.close();
    }

    const second = await startOnNeo4j(config, EDITOR_ENV);
    try {
      const { data, errors } = await execute<any>(
        second.clientWithToken(ALICE),
        `{ skill(slug: "kept-across-restarts") { name estimatedHours prerequisites { skill { slug } reason }
             related { slug } }
           changes(first: 3) { totalCount edges { node { operation subject editor } } } }`,
      );
      expect(errors).toEqual([]);
      expect(data.skill).toEqual({
        name: 'Kept across restarts',
        estimatedHours: 3,
        prerequisites: [{ skill: { slug: 'http' }, reason: 'It is served over HTTP' }],
        related: [{ slug: 'logging' }],
      });
      expect(data.changes.totalCount).toBe(3);
      expect(data.changes.edges.map((e: any) => e.node.operation)).toEqual([
        'addRelated',
        'addPrerequisite',
        'createSkill',
      ]);
    } finally {
      await second.close();
    }
  });

  it('reports the store and the Neo4j version it reached as ready', async () => {
    const api = await startOnNeo4j(config);
    try {
      const ready = await fetch(api.url.replace('/graphql', '/health/ready'));
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({
        status: 'ready',
        store: 'neo4j',
        serverVersion: expect.stringMatching(/^Neo4j\/5\.\d+\.\d+/),
      });
    } finally {
      await api.close();
    }
  });
});
