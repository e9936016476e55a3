import fc from 'fast-check';

import { execute, startTestServer, type TestServer } from '../support/test-server';

// graphql-jit executes every operation in production; graphql-js is the reference. Beyond the
// queries of the HTTP suites (all run in compare mode), random queries over the public schema:
// random fields, nesting, aliases, fragments, directives and arguments, unknown slugs included.
// The test server runs both executors on each and fails on the first answer that differs.

const SLUGS = ['http', 'caching', 'distributed-transactions', 'sql', 'no-such-skill', 'operations', 'senior'];
const slug = fc.constantFrom(...SLUGS);
const slugList = fc.uniqueArray(slug, { maxLength: 3 });
const bool = fc.boolean();

const leafOfSkill = fc.constantFrom('slug', 'name', 'estimatedHours', 'id', 'description', '__typename');
const resourceFields = fc.subarray(['slug', 'title', 'free', 'kind', 'url', 'year', 'authors', 'estimatedHours'], {
  minLength: 1,
});

const skillSelection: fc.Arbitrary<string> = fc.letrec<{ skill: string }>((tie) => ({
  skill: fc
    .tuple(
      fc.uniqueArray(leafOfSkill, { minLength: 1, maxLength: 3 }),
      fc.option(fc.constantFrom('area { slug name skillCount }', 'level { slug rank }', 'parent { slug }'), {
        nil: undefined,
      }),
      fc.option(
        resourceFields.map((fields) => `resources { ${fields.join(' ')} }`),
        { nil: undefined },
      ),
      fc.option(
        fc
          .oneof({ depthSize: 'small' }, fc.constant('slug'), tie('skill'))
          .map((inner) => `prerequisites { strength reason skill { ${inner} } }`),
        { nil: undefined },
      ),
      fc.option(fc.constantFrom('related { slug }', 'children { slug name }', 'dependents { slug }'), {
        nil: undefined,
      }),
      fc.option(
        bool.map((on) => `... on Skill @include(if: ${on}) { responsibilities { slug category } }`),
        { nil: undefined },
      ),
    )
    .map((parts) =>
      parts
        .flat()
        .filter((part) => part !== undefined)
        .join(' '),
    ),
})).skill;

const rootField = fc.oneof(
  fc.tuple(slug, skillSelection).map(([s, sel]) => `skill(slug: "${s}") { ${sel} }`),
  fc
    .tuple(
      fc.integer({ min: 0, max: 30 }),
      fc.option(fc.constantFrom('junior', 'senior'), { nil: undefined }),
      skillSelection,
    )
    .map(
      ([first, level, sel]) =>
        `skills(first: ${first}${level ? `, filter: { level: "${level}" }` : ''}) { totalCount pageInfo { hasNextPage } edges { cursor node { ${sel} } } }`,
    ),
  fc
    .tuple(slug, fc.integer({ min: 0, max: 26 }), bool)
    .map(
      ([s, depth, helpful]) =>
        `prerequisiteChain(skill: "${s}", maxDepth: ${depth}, includeHelpful: ${helpful}) { steps { depth skill { slug } } edges { from { slug } to { slug } strength } order { slug } }`,
    ),
  fc
    .tuple(slugList, slugList, fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }), bool)
    .map(
      ([targets, known, hours, free]) =>
        `learningPath(targets: ${JSON.stringify(targets)}, known: ${JSON.stringify(known)}${hours === undefined ? '' : `, hoursPerWeek: ${hours}`}, resourceFilter: { free: ${free} }) { totalHours weeks steps { position hours isTarget skill { slug } neededFor { reason skill { slug } } resources { slug } } schedule { week sessions { hours skill { slug } } } }`,
    ),
  fc
    .tuple(fc.constantFrom('distribted', 'cach', 'oauth', 'xyzzy', ''), fc.integer({ min: 0, max: 60 }))
    .map(
      ([text, first]) =>
        `search(text: "${text}", first: ${first}) { score node { __typename ... on Skill { slug } ... on Resource { slug free } ... on Area { slug } } }`,
    ),
  fc
    .tuple(slugList, bool)
    .map(
      ([known, helpful]) =>
        `readyToLearn(known: ${JSON.stringify(known)}, first: 5, includeHelpful: ${helpful}) { unlockCount skill { slug } }`,
    ),
  fc
    .tuple(slug, fc.integer({ min: 0, max: 26 }))
    .map(([s, depth]) => `unlocks(skill: "${s}", maxDepth: ${depth}) { distance unlockCount skill { slug } }`),
  fc
    .tuple(fc.constantFrom('junior', 'senior', 'principal', 'wizard'), slugList)
    .map(
      ([level, known]) =>
        `gapAnalysis(level: "${level}", known: ${JSON.stringify(known)}) { level { slug } missingSkills { slug } responsibilities { covered responsibility { slug } } }`,
    ),
  fc.constant('areas { slug skillCount skills { slug } } levels { slug skills(includeLowerLevels: true) { slug } }'),
  fc.constant('dataset { version revision counts { skills resources } }'),
);

const query = fc
  .uniqueArray(rootField, { minLength: 1, maxLength: 3 })
  .map((fields) => `query Random { ${fields.map((field, index) => `f${index}: ${field}`).join(' ')} }`);

describe('graphql-jit and graphql-js', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({ GRAPHQL_EXECUTOR: 'compare', MAX_QUERY_COST: '10000000', MAX_QUERY_DEPTH: '50' });
  });
  // close() fails when any of the queries below was answered differently by the two.
  afterAll(() => api.close());

  it('give byte-identical answers to random queries, errors included', async () => {
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(query, async (text) => {
        const { status, data } = await execute(api.client, text);
        expect(status).toBeLessThan(500);
        if (data !== undefined && data !== null) answered += 1;
        expect(api.server.executionMismatches).toEqual([]);
      }),
      { numRuns: 150 },
    );
    // The property is about executed queries: most must get as far as execution.
    expect(answered).toBeGreaterThan(100);
    // 150 HTTP round trips: Jest's 5 s default is a bound a loaded two-core machine can exceed.
  }, 60_000);
});
