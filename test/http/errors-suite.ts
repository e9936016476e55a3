import type { TestServer } from '../support/test-server';
import { execute } from '../support/test-server';

// Error codes and messages for bad input, pinned in one place (as DataLoader's abuse tests do),
// and run against every store: a store must refuse and report exactly as the other does.

export function defineErrorsSuite(storeName: string, start: () => Promise<TestServer>): void {
  describe(`errors for bad input (${storeName} store)`, () => {
    let api: TestServer;
    beforeAll(async () => {
      api = await start();
    });
    afterAll(() => api.close());

    async function errorOf(query: string, variables?: Record<string, unknown>) {
      const { data, errors } = await execute(api.client, query, variables);
      expect(errors).toHaveLength(1);
      return { data, error: errors[0] };
    }

    /** The one error is BAD_USER_INPUT naming `argument`, and the field is null. */
    async function refusesArgument(_situation: string, query: string, argument: string, message: string) {
      const { data, error } = await errorOf(query);
      expect(error.message).toBe(message);
      expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', argument });
      expect(Object.values(data as object)).toEqual([null]);
    }

    describe('invalid arguments give BAD_USER_INPUT naming the argument', () => {
      it.each([
        [
          'first above 100',
          '{ skills(first: 101) { totalCount } }',
          'first',
          'first must be an integer from 0 to 100; received 101',
        ],
        [
          'negative first',
          '{ resources(first: -1) { totalCount } }',
          'first',
          'first must be an integer from 0 to 100; received -1',
        ],
        [
          'a cursor that was never issued',
          '{ skills(after: "bm9wZQ") { totalCount } }',
          'after',
          'after must be a cursor returned by this skill connection; received "bm9wZQ"',
        ],
        [
          'negative maxDepth',
          '{ prerequisiteChain(skill: "http", maxDepth: -1) { order { slug } } }',
          'maxDepth',
          'maxDepth must be an integer from 0 to 25; received -1',
        ],
        [
          'maxDepth above the bound',
          '{ prerequisiteChain(skill: "http", maxDepth: 26) { order { slug } } }',
          'maxDepth',
          'maxDepth must be an integer from 0 to 25; received 26',
        ],
        [
          'a filter search longer than a search box takes',
          `{ skills(filter: { search: "${'ab '.repeat(70)}" }) { totalCount } }`,
          'filter.search',
          `filter.search must be text of at most 200 characters; received "${'ab '.repeat(70).slice(0, 40)}"`,
        ],
      ])('%s', refusesArgument);

      it('refuses a skills cursor on the resources connection', async () => {
        const { data } = await execute<any>(api.client, '{ skills(first: 1) { pageInfo { endCursor } } }');
        const { error } = await errorOf('query($after: String) { resources(after: $after) { totalCount } }', {
          after: data.skills.pageInfo.endCursor,
        });
        expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      });

      it('keeps the data of sibling fields when one argument is bad', async () => {
        const { data, errors } = await execute<any>(
          api.client,
          '{ levels { slug } skills(first: 500) { totalCount } }',
        );
        expect(errors.map((e) => e.path)).toEqual([['skills']]);
        expect(data.levels).toHaveLength(3);
        expect(data.skills).toBeNull();
      });

      it('reports a variable of the wrong type before running anything', async () => {
        const { error } = await errorOf('query($n: Int) { skills(first: $n) { totalCount } }', { n: 'ten' });
        expect(error.extensions?.code).toBe('BAD_USER_INPUT');
        expect(error.message).toMatch(/Variable "\$n" got invalid value "ten"/);
      });

      it('reports an unknown field as a validation failure', async () => {
        const { status, errors } = await execute(api.client, '{ skills { nope } }');
        expect(status).toBe(400);
        expect(errors.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      });
    });

    describe('learning queries refuse bad lists and bounds with BAD_USER_INPUT', () => {
      const targets51 = JSON.stringify(Array.from({ length: 51 }, (_, i) => `s${i}`));
      it.each([
        [
          'no targets',
          '{ learningPath(targets: []) { totalHours } }',
          'targets',
          'targets must be a list of 1 to 50 distinct slugs; received []',
        ],
        [
          'too many targets',
          `{ learningPath(targets: ${targets51}) { totalHours } }`,
          'targets',
          'targets must be a list of 1 to 50 distinct slugs; received "51 slugs"',
        ],
        [
          'zero hours a week',
          '{ learningPath(targets: ["http"], hoursPerWeek: 0) { weeks } }',
          'hoursPerWeek',
          'hoursPerWeek must be an integer from 1 to 168; received 0',
        ],
        [
          'a resource filter of zero hours',
          '{ learningPath(targets: ["http"], resourceFilter: { maxHours: 0 }) { weeks } }',
          'resourceFilter.maxHours',
          'resourceFilter.maxHours must be an integer from 1 to 1000; received 0',
        ],
        [
          'readyToLearn first above 100',
          '{ readyToLearn(known: [], first: 101) { unlockCount } }',
          'first',
          'first must be an integer from 1 to 100; received 101',
        ],
        [
          'unlocks at depth 0',
          '{ unlocks(skill: "http", maxDepth: 0) { distance } }',
          'maxDepth',
          'maxDepth must be an integer from 1 to 25; received 0',
        ],
        [
          'a skill explained by itself',
          '{ explainPrerequisite(skill: "http", requires: "http") { length } }',
          'requires',
          'requires must be a different skill from `skill`; received "http"',
        ],
        [
          'blank search text',
          '{ search(text: "   ") { score } }',
          'text',
          'text must be text of 1 to 200 characters; received "   "',
        ],
        [
          'search first above 50',
          '{ search(text: "cache", first: 51) { score } }',
          'first',
          'first must be an integer from 1 to 50; received 51',
        ],
      ])('%s', refusesArgument);
    });

    describe('unknown slugs', () => {
      it('in list arguments give NOT_FOUND naming every one of them', async () => {
        const { error } = await errorOf('{ learningPath(targets: ["http", "nope"], known: ["zilch"]) { totalHours } }');
        expect(error).toMatchObject({
          message: 'Skills "nope", "zilch" do not exist',
          extensions: { code: 'NOT_FOUND', kind: 'Skill', slug: 'nope', slugs: ['nope', 'zilch'] },
        });
      });

      it.each([
        ['readyToLearn', '{ readyToLearn(known: ["nope"]) { unlockCount } }', 'Skill'],
        ['unlocks', '{ unlocks(skill: "nope") { distance } }', 'Skill'],
        ['explainPrerequisite', '{ explainPrerequisite(skill: "http", requires: "nope") { length } }', 'Skill'],
        ['prerequisiteGraph', '{ prerequisiteGraph(skill: "nope") { source } }', 'Skill'],
        ['gapAnalysis', '{ gapAnalysis(level: "wizard", known: []) { missingSkills { slug } } }', 'SeniorityLevel'],
      ])('in %s give NOT_FOUND', async (_query, query, kind) => {
        const { error } = await errorOf(query);
        expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', kind });
      });

      it('give NOT_FOUND naming the slug in prerequisiteChain', async () => {
        const { error } = await errorOf('{ prerequisiteChain(skill: "quantum-astrology") { order { slug } } }');
        expect(error).toMatchObject({
          message: 'Skill "quantum-astrology" does not exist',
          path: ['prerequisiteChain'],
          extensions: { code: 'NOT_FOUND', kind: 'Skill', slug: 'quantum-astrology' },
        });
      });

      it('give null without an error in single lookups', async () => {
        const { data, errors } = await execute(
          api.client,
          '{ skill(slug: "x") { slug } area(slug: "x") { slug } level(slug: "x") { slug } resource(slug: "x") { slug } }',
        );
        expect(errors).toEqual([]);
        expect(data).toEqual({ skill: null, area: null, level: null, resource: null });
      });
    });

    describe('stack traces', () => {
      it('are never sent in the test environment', async () => {
        const { errors } = await execute(api.client, '{ prerequisiteChain(skill: "nope") { order { slug } } }');
        expect(errors[0].extensions).not.toHaveProperty('stacktrace');
      });
    });
  });
}
