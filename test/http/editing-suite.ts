import { findCycle } from '../../src/domain/graph/prerequisite-graph';
import type { TestServer } from '../support/test-server';
import { execute } from '../support/test-server';

export const ALICE = 'alice-token-0123456789';
export const BOB = 'bob-token-9876543210ab';
export const EDITOR_ENV = { EDITOR_TOKENS: `alice:${ALICE},bob:${BOB}`, REPORT_PROBLEM_LIMIT: '3' };

/**
 * Editing through the public API: authentication, validation, the graph's integrity rules,
 * history, problem reports and concurrency. Each test works on skills of its own (named after a
 * per-test prefix), so none depends on another's leftovers. Run against every store.
 */
export function defineEditingSuite(
  storeName: string,
  start: (env: Record<string, string>) => Promise<TestServer>,
): void {
  describe(`editing the graph (${storeName} store)`, () => {
    let api: TestServer;
    beforeAll(async () => {
      api = await start(EDITOR_ENV);
    });
    afterAll(() => api?.close());

    let counter = 0;
    /** A prefix no other test uses. */
    const unique = () => `t${Date.now().toString(36)}-${++counter}`;

    const as = (token: string | null) => (token === null ? api.client : api.clientWithToken(token));
    const run = (token: string | null, query: string, variables?: Record<string, unknown>) =>
      execute<any>(as(token), query, variables);
    const ok = async (token: string | null, query: string, variables?: Record<string, unknown>) => {
      const { data, errors } = await run(token, query, variables);
      expect(errors).toEqual([]);
      return data;
    };
    const failure = async (token: string | null, query: string, variables?: Record<string, unknown>) => {
      const { data, errors } = await run(token, query, variables);
      expect(errors).toHaveLength(1);
      return { data, error: errors[0] };
    };

    const skillInput = (slug: string, fields: Record<string, unknown> = {}) => ({
      slug,
      name: `Skill ${slug}`,
      description: `A skill created by the editing tests, called ${slug}, with a description long enough.`,
      estimatedHours: 4,
      area: 'system-design',
      level: 'senior',
      ...fields,
    });
    const CREATE = 'mutation($input: CreateSkillInput!) { createSkill(input: $input) { slug name parent { slug } } }';
    const createSkills = async (...slugs: string[]) => {
      for (const slug of slugs) await ok(ALICE, CREATE, { input: skillInput(slug) });
    };
    const ADD =
      'mutation($s: String!, $r: String!, $why: String!) { addPrerequisite(skill: $s, requires: $r, reason: $why) { slug } }';
    const addPrerequisite = (
      token: string | null,
      skill: string,
      requires: string,
      reason = `${skill} needs ${requires}`,
    ) => run(token, ADD, { s: skill, r: requires, why: reason });
    const exists = async (slug: string) => (await ok(null, '{ skill(slug: "' + slug + '") { slug } }')).skill !== null;
    const changeCount = async () => (await ok(ALICE, '{ changes(first: 0) { totalCount } }')).changes.totalCount;

    describe('authentication', () => {
      it('refuses a write without a token with UNAUTHENTICATED, and changes nothing', async () => {
        const slug = unique();
        const before = await changeCount();
        const { data, error } = await failure(null, CREATE, { input: skillInput(slug) });
        expect(error.extensions).toEqual({ code: 'UNAUTHENTICATED' });
        expect(data).toEqual({ createSkill: null });
        expect(await exists(slug)).toBe(false);
        expect(await changeCount()).toBe(before);
      });

      it('refuses a wrong token, and a token sent without the Bearer scheme', async () => {
        const slug = unique();
        expect(
          (await failure('not-a-real-token-at-all', CREATE, { input: skillInput(slug) })).error.extensions?.code,
        ).toBe('UNAUTHENTICATED');
        expect((await failure(`${ALICE}x`, CREATE, { input: skillInput(slug) })).error.extensions?.code).toBe(
          'UNAUTHENTICATED',
        );
        expect(await exists(slug)).toBe(false);
      });

      it('checks the token before the input, so anonymous callers learn nothing from validation', async () => {
        const { error } = await failure(null, CREATE, { input: skillInput('NOT A SLUG') });
        expect(error.extensions?.code).toBe('UNAUTHENTICATED');
      });

      it('keeps reads public but history and problem lists for editors', async () => {
        await ok(null, '{ skill(slug: "http") { slug } }');
        expect((await failure(null, '{ changes { totalCount } }')).error.extensions?.code).toBe('UNAUTHENTICATED');
        expect((await failure(null, '{ problems { totalCount } }')).error.extensions?.code).toBe('UNAUTHENTICATED');
      });
    });

    describe('skills', () => {
      it('creates a skill, records who did it, and serves it at once', async () => {
        const slug = unique();
        const { createSkill } = await ok(ALICE, CREATE, {
          input: skillInput(slug, { parent: 'distributed-system-design' }),
        });
        expect(createSkill).toEqual({ slug, name: `Skill ${slug}`, parent: { slug: 'distributed-system-design' } });
        const { skill } = await ok(null, `{ skill(slug: "${slug}") { area { slug } level { slug } parent { slug } } }`);
        expect(skill).toEqual({
          area: { slug: 'system-design' },
          level: { slug: 'senior' },
          parent: { slug: 'distributed-system-design' },
        });
        const { changes } = await ok(BOB, '{ changes(first: 1) { edges { node { editor operation subject } } } }');
        expect(changes.edges[0].node).toEqual({ editor: 'alice', operation: 'createSkill', subject: slug });
      });

      it('refuses invalid input with BAD_USER_INPUT listing every failing field, and creates nothing', async () => {
        const before = await changeCount();
        const { error } = await failure(ALICE, CREATE, {
          input: skillInput('Bad Slug', { name: '', description: 'too short', estimatedHours: 0 }),
        });
        expect(error.extensions).toEqual({
          code: 'BAD_USER_INPUT',
          fields: [
            { field: 'input.slug', rule: 'slug', message: expect.stringContaining('kebab-case slug') },
            { field: 'input.name', rule: 'text-length', message: 'must be 1 to 120 characters' },
            { field: 'input.description', rule: 'text-length', message: 'must be 80 to 2000 characters' },
            { field: 'input.estimatedHours', rule: 'whole-number', message: 'must be a whole number from 1 to 1000' },
          ],
        });
        expect(await changeCount()).toBe(before);
      });

      it('refuses a duplicate slug with CONFLICT and a link to an unknown area with NOT_FOUND', async () => {
        expect((await failure(ALICE, CREATE, { input: skillInput('http') })).error.extensions).toEqual({
          code: 'CONFLICT',
          kind: 'Skill',
          slug: 'http',
        });
        const slug = unique();
        expect(
          (await failure(ALICE, CREATE, { input: skillInput(slug, { area: 'astrology' }) })).error.extensions,
        ).toEqual({
          code: 'NOT_FOUND',
          kind: 'Area',
          slug: 'astrology',
        });
        expect(await exists(slug)).toBe(false);
      });

      it('updates only the given fields, and `parent: null` removes the parent', async () => {
        const slug = unique();
        await ok(ALICE, CREATE, { input: skillInput(slug, { parent: 'caching' }) });
        const { updateSkill } = await ok(
          BOB,
          `mutation { updateSkill(slug: "${slug}", input: { estimatedHours: 9, parent: null }) { estimatedHours parent { slug } name } }`,
        );
        expect(updateSkill).toEqual({ estimatedHours: 9, parent: null, name: `Skill ${slug}` });
        const missing = await failure(
          BOB,
          'mutation { updateSkill(slug: "no-such-skill-x", input: { estimatedHours: 2 }) { slug } }',
        );
        expect(missing.error.extensions).toMatchObject({ code: 'NOT_FOUND', slug: 'no-such-skill-x' });
      });

      it('refuses a parent that would make a skill a sub-topic of itself', async () => {
        const [a, b] = [unique(), unique()];
        await createSkills(a);
        await ok(ALICE, CREATE, { input: skillInput(b, { parent: a }) });
        const { error } = await failure(
          ALICE,
          `mutation { updateSkill(slug: "${a}", input: { parent: "${b}" }) { slug } }`,
        );
        expect(error.extensions).toEqual({
          code: 'BAD_USER_INPUT',
          fields: [
            { field: 'input.parent', rule: 'acyclic-parents', message: `would make "${a}" a sub-topic of itself` },
          ],
        });
      });

      it('takes aliases on create (none by default), keeps them when an update leaves them out, and search finds them', async () => {
        const [named, plain] = [unique(), unique()];
        // A word no other skill holds, so the new skill can only be found by its alias.
        const word = `zorblax${named.replace(/[^a-z0-9]/g, '')}`;
        const READ = `query($s: String!) { skill(slug: $s) { name aliases } }`;
        const { createSkill } = await ok(
          ALICE,
          'mutation($input: CreateSkillInput!) { createSkill(input: $input) { aliases } }',
          {
            input: skillInput(named, { aliases: [`  ${word}  `, 'ZX'] }),
          },
        );
        expect(createSkill).toEqual({ aliases: [word, 'ZX'] });
        await ok(ALICE, CREATE, { input: skillInput(plain) });
        expect((await ok(null, READ, { s: plain })).skill.aliases).toEqual([]);

        const found = async (text: string) =>
          (
            await ok(null, 'query($t: String!) { search(text: $t, first: 3) { node { ... on Skill { slug } } } }', {
              t: text,
            })
          ).search[0]?.node.slug;
        expect(await found(word)).toBe(named);

        const UPDATE =
          'mutation($s: String!, $input: UpdateSkillInput!) { updateSkill(slug: $s, input: $input) { name aliases } }';
        expect((await ok(BOB, UPDATE, { s: named, input: { estimatedHours: 6 } })).updateSkill.aliases).toEqual([
          word,
          'ZX',
        ]);
        expect((await ok(BOB, UPDATE, { s: named, input: { aliases: ['ZX'] } })).updateSkill.aliases).toEqual(['ZX']);
        expect(await found(word)).toBeUndefined();
        expect((await ok(BOB, UPDATE, { s: named, input: { aliases: [] } })).updateSkill.aliases).toEqual([]);
      });

      it('refuses aliases that break a rule with BAD_USER_INPUT naming each, and changes nothing', async () => {
        const slug = unique();
        const before = await changeCount();
        const { error } = await failure(ALICE, CREATE, {
          input: skillInput(slug, { aliases: ['   ', 'x'.repeat(61), 'SSO', 'sso', 'bell\u0007'] }),
        });
        expect(error.extensions).toEqual({
          code: 'BAD_USER_INPUT',
          fields: [
            { field: 'input.aliases.0', rule: 'text-length', message: 'must be 1 to 60 characters' },
            { field: 'input.aliases.1', rule: 'text-length', message: 'must be 1 to 60 characters' },
            { field: 'input.aliases.3', rule: 'distinct', message: 'lists "sso" twice, ignoring case' },
            {
              field: 'input.aliases.4',
              rule: 'clean-text',
              message: 'must not contain control characters (found U+0007)',
            },
          ],
        });
        const thirteen = Array.from({ length: 13 }, (_, i) => `alias ${i}`);
        expect(
          (await failure(ALICE, CREATE, { input: skillInput(slug, { aliases: thirteen }) })).error.extensions,
        ).toEqual({
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'input.aliases', rule: 'list-length', message: 'must list at most 12 aliases' }],
        });
        const ownName = {
          field: 'input.aliases.0',
          rule: 'alias-not-name',
          message: "must differ from the skill's name",
        };
        expect(
          (await failure(ALICE, CREATE, { input: skillInput(slug, { aliases: [`SKILL ${slug}`] }) })).error.extensions,
        ).toEqual({ code: 'BAD_USER_INPUT', fields: [ownName] });
        expect(await exists(slug)).toBe(false);

        // An update is held to the same rule against the name it leaves the skill with.
        await ok(ALICE, CREATE, { input: skillInput(slug, { aliases: ['Widget craft'] }) });
        const renamed = await failure(
          BOB,
          `mutation { updateSkill(slug: "${slug}", input: { name: "widget CRAFT" }) { name } }`,
        );
        expect(renamed.error.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [ownName] });
        const { skill } = await ok(null, `{ skill(slug: "${slug}") { name aliases } }`);
        expect(skill).toEqual({ name: `Skill ${slug}`, aliases: ['Widget craft'] });
        expect(await changeCount()).toBe(before + 1);
      });

      it('refuses to delete a skill others require, naming them, unless forced', async () => {
        const [base, top, child] = [unique(), unique(), unique()];
        await createSkills(base, top);
        await ok(ALICE, CREATE, { input: skillInput(child, { parent: base }) });
        await addPrerequisite(ALICE, top, base);
        const DELETE =
          'mutation($s: String!, $f: Boolean) { deleteSkill(slug: $s, force: $f) { slug requiredBy children } }';
        const { error } = await failure(ALICE, DELETE, { s: base, f: false });
        expect(error.extensions).toEqual({ code: 'CONFLICT', slug: base, requiredBy: [top], children: [child] });
        expect(await exists(base)).toBe(true);
        const { deleteSkill } = await ok(ALICE, DELETE, { s: base, f: true });
        expect(deleteSkill).toEqual({ slug: base, requiredBy: [top], children: [child] });
        expect(await exists(base)).toBe(false);
        const { skill } = await ok(null, `{ skill(slug: "${top}") { prerequisites { skill { slug } } } }`);
        expect(skill.prerequisites).toEqual([]);
        expect((await ok(null, `{ skill(slug: "${child}") { parent { slug } } }`)).skill.parent).toBeNull();
      });
    });

    describe('prerequisites', () => {
      it('refuses an edge that would close a cycle, with the cycle in order, and adds nothing', async () => {
        const [a, b, c] = [unique(), unique(), unique()];
        await createSkills(a, b, c);
        await addPrerequisite(ALICE, a, b);
        await addPrerequisite(ALICE, b, c);
        const before = await changeCount();
        const { error } = await addPrerequisite(ALICE, c, a, 'would loop back').then(({ errors }) => ({
          error: errors[0],
        }));
        expect(error.extensions).toEqual({ code: 'PREREQUISITE_CYCLE', cycle: [c, a, b, c] });
        expect(error.message).toBe(`The prerequisite would close a cycle: ${c} → ${a} → ${b} → ${c}`);
        expect(
          (await ok(null, `{ skill(slug: "${c}") { prerequisites { skill { slug } } } }`)).skill.prerequisites,
        ).toEqual([]);
        expect(await changeCount()).toBe(before);
      });

      it('refuses an edge that would make a chain longer than 25 steps', async () => {
        const chain = Array.from({ length: 27 }, () => unique());
        await createSkills(...chain);
        for (let i = 0; i < 25; i++) expect((await addPrerequisite(ALICE, chain[i + 1], chain[i])).errors).toEqual([]);
        const { errors } = await addPrerequisite(ALICE, chain[26], chain[25]);
        expect(errors[0].extensions).toEqual({ code: 'CHAIN_TOO_LONG', maxDepth: 25, chain: [...chain].reverse() });
      });

      it('refuses duplicates, unknown skills and a skill requiring itself', async () => {
        const [a, b] = [unique(), unique()];
        await createSkills(a, b);
        await addPrerequisite(ALICE, a, b);
        expect((await addPrerequisite(ALICE, a, b)).errors[0].extensions?.code).toBe('CONFLICT');
        expect((await addPrerequisite(ALICE, a, 'no-such-skill-y')).errors[0].extensions).toMatchObject({
          code: 'NOT_FOUND',
          slug: 'no-such-skill-y',
        });
        expect((await addPrerequisite(ALICE, a, a)).errors[0].extensions).toEqual({
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'requires', rule: 'not-itself', message: 'must differ from skill' }],
        });
        const removeMissing = await failure(
          ALICE,
          `mutation { removePrerequisite(skill: "${b}", requires: "${a}") { slug } }`,
        );
        expect(removeMissing.error.extensions).toMatchObject({ code: 'NOT_FOUND', kind: 'Prerequisite' });
      });

      it('adds a helpful prerequisite, which learning answers follow only with includeHelpful', async () => {
        const [a, b] = [unique(), unique()];
        await createSkills(a, b);
        const { addPrerequisite: added } = await ok(
          ALICE,
          `mutation { addPrerequisite(skill: "${a}", requires: "${b}", reason: "background", strength: HELPFUL) {
            prerequisites { skill { slug } reason strength } } }`,
        );
        expect(added.prerequisites).toEqual([{ skill: { slug: b }, reason: 'background', strength: 'HELPFUL' }]);
        const chains = await ok(
          null,
          `{ essential: prerequisiteChain(skill: "${a}") { steps { skill { slug } } }
             all: prerequisiteChain(skill: "${a}", includeHelpful: true) { steps { skill { slug } } } }`,
        );
        expect(chains).toEqual({ essential: { steps: [] }, all: { steps: [{ skill: { slug: b } }] } });
      });

      it('changes the strength and the reason of a prerequisite, and records who did it', async () => {
        const [a, b] = [unique(), unique()];
        await createSkills(a, b);
        await addPrerequisite(ALICE, a, b, 'the first reason');
        const UPDATE = `mutation($s: String!, $r: String!, $why: String, $strength: PrerequisiteStrength) {
          updatePrerequisite(skill: $s, requires: $r, reason: $why, strength: $strength) {
            slug prerequisites { skill { slug } reason strength } } }`;
        const strengthOnly = await ok(BOB, UPDATE, { s: a, r: b, strength: 'HELPFUL' });
        expect(strengthOnly.updatePrerequisite).toEqual({
          slug: a,
          prerequisites: [{ skill: { slug: b }, reason: 'the first reason', strength: 'HELPFUL' }],
        });
        const reasonOnly = await ok(BOB, UPDATE, { s: a, r: b, why: 'a better reason' });
        expect(reasonOnly.updatePrerequisite.prerequisites).toEqual([
          { skill: { slug: b }, reason: 'a better reason', strength: 'HELPFUL' },
        ]);
        const both = await ok(ALICE, UPDATE, { s: a, r: b, why: 'the final reason', strength: 'ESSENTIAL' });
        expect(both.updatePrerequisite.prerequisites).toEqual([
          { skill: { slug: b }, reason: 'the final reason', strength: 'ESSENTIAL' },
        ]);
        // A later read sees the edge as changed, not only the mutation's own answer.
        expect(
          (await ok(null, `{ skill(slug: "${a}") { prerequisites { skill { slug } reason strength } } }`)).skill
            .prerequisites,
        ).toEqual([{ skill: { slug: b }, reason: 'the final reason', strength: 'ESSENTIAL' }]);
        const { changes } = await ok(ALICE, '{ changes(first: 3) { edges { node { editor operation subject } } } }');
        expect(changes.edges.map((e: any) => e.node)).toEqual([
          { editor: 'alice', operation: 'updatePrerequisite', subject: `${a} -> ${b}` },
          { editor: 'bob', operation: 'updatePrerequisite', subject: `${a} -> ${b}` },
          { editor: 'bob', operation: 'updatePrerequisite', subject: `${a} -> ${b}` },
        ]);
      });

      it('refuses to update a prerequisite that does not exist, or without a token, and changes nothing', async () => {
        const [a, b, c] = [unique(), unique(), unique()];
        await createSkills(a, b, c);
        await addPrerequisite(ALICE, a, b, 'the only edge');
        const before = await changeCount();
        const reversed = await failure(
          ALICE,
          `mutation { updatePrerequisite(skill: "${b}", requires: "${a}", strength: HELPFUL) { slug } }`,
        );
        expect(reversed.error.extensions).toEqual({ code: 'NOT_FOUND', kind: 'Prerequisite', slug: `${b} -> ${a}` });
        expect(reversed.data).toEqual({ updatePrerequisite: null });
        const unrelated = await failure(
          ALICE,
          `mutation { updatePrerequisite(skill: "${a}", requires: "${c}", reason: "never added") { slug } }`,
        );
        expect(unrelated.error.extensions).toMatchObject({ code: 'NOT_FOUND', kind: 'Prerequisite' });
        const anonymous = await failure(
          null,
          `mutation { updatePrerequisite(skill: "${a}", requires: "${b}", strength: HELPFUL) { slug } }`,
        );
        expect(anonymous.error.extensions).toEqual({ code: 'UNAUTHENTICATED' });
        expect(
          (await ok(null, `{ skill(slug: "${a}") { prerequisites { skill { slug } reason strength } } }`)).skill
            .prerequisites,
        ).toEqual([{ skill: { slug: b }, reason: 'the only edge', strength: 'ESSENTIAL' }]);
        expect(await changeCount()).toBe(before);
      });

      it('shows a change to later fields of the same operation (loader caches are cleared)', async () => {
        const [a, b, c] = [unique(), unique(), unique()];
        await createSkills(a, b, c);
        const data = await ok(
          ALICE,
          `mutation {
            first: addPrerequisite(skill: "${a}", requires: "${b}", reason: "first edge") { prerequisites { skill { slug } } }
            second: addPrerequisite(skill: "${a}", requires: "${c}", reason: "second edge") { prerequisites { skill { slug } reason } }
            removed: removePrerequisite(skill: "${a}", requires: "${b}") { prerequisites { skill { slug } } }
          }`,
        );
        expect(data.first.prerequisites).toEqual([{ skill: { slug: b } }]);
        expect(data.second.prerequisites).toEqual([
          { skill: { slug: b }, reason: 'first edge' },
          { skill: { slug: c }, reason: 'second edge' },
        ]);
        expect(data.removed.prerequisites).toEqual([{ skill: { slug: c } }]);
      });

      it('keeps the graph acyclic under 20 simultaneous additions that together close a cycle', async () => {
        const ring = Array.from({ length: 20 }, () => unique());
        await createSkills(...ring);
        const results = await Promise.all(
          ring.map((skill, i) => addPrerequisite(i % 2 === 0 ? ALICE : BOB, skill, ring[(i + 1) % ring.length])),
        );
        const refused = results.flatMap((r, i) =>
          r.errors.length > 0 ? [{ i, code: r.errors[0].extensions?.code }] : [],
        );
        expect(refused).toHaveLength(1);
        expect(refused[0].code).toBe('PREREQUISITE_CYCLE');
        const edges = [];
        for (const skill of ring) {
          const { skill: found } = await ok(null, `{ skill(slug: "${skill}") { prerequisites { skill { slug } } } }`);
          for (const p of found.prerequisites) edges.push({ skill, requires: p.skill.slug, reason: '' });
        }
        expect(edges).toHaveLength(19);
        expect(findCycle(edges)).toBeNull();
        // The refused edge is exactly the one that would have closed the ring.
        const closing = { skill: ring[refused[0].i], requires: ring[(refused[0].i + 1) % 20], reason: '' };
        expect(findCycle([...edges, closing])).not.toBeNull();
      });

      it('lets exactly one of ten simultaneous creations of the same slug succeed', async () => {
        const slug = unique();
        const results = await Promise.all(
          Array.from({ length: 10 }, () => run(ALICE, CREATE, { input: skillInput(slug) })),
        );
        expect(results.filter((r) => r.errors.length === 0)).toHaveLength(1);
        expect(results.filter((r) => r.errors[0]?.extensions?.code === 'CONFLICT')).toHaveLength(9);
      });
    });

    describe('related topics and resources', () => {
      it('relates and unrelates skills in both directions', async () => {
        const [a, b] = [unique(), unique()];
        await createSkills(a, b);
        await ok(BOB, `mutation { addRelated(skill: "${a}", related: "${b}") { slug } }`);
        expect((await ok(null, `{ skill(slug: "${b}") { related { slug } } }`)).skill.related).toEqual([{ slug: a }]);
        expect(
          (await failure(BOB, `mutation { addRelated(skill: "${b}", related: "${a}") { slug } }`)).error.extensions
            ?.code,
        ).toBe('CONFLICT');
        await ok(BOB, `mutation { removeRelated(skill: "${b}", related: "${a}") { slug } }`);
        expect((await ok(null, `{ skill(slug: "${a}") { related { slug } } }`)).skill.related).toEqual([]);
      });

      it('creates, links, unlinks and deletes a resource, validating URLs and books', async () => {
        const [skill, resource] = [unique(), unique()];
        await createSkills(skill);
        const CREATE_RESOURCE =
          'mutation($input: CreateResourceInput!) { createResource(input: $input) { slug skills { slug } } }';
        const input = {
          slug: resource,
          title: 'A guide',
          kind: 'GUIDE',
          url: 'https://guides.test/x',
          free: true,
          estimatedHours: 2,
          skills: [skill],
        };
        const invalid = await failure(ALICE, CREATE_RESOURCE, { input: { ...input, url: 'http://guides.test/x' } });
        expect(invalid.error.extensions).toEqual({
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'input.url', rule: 'https-url', message: 'must be an absolute https URL' }],
        });
        const book = await failure(ALICE, CREATE_RESOURCE, { input: { ...input, kind: 'BOOK' } });
        expect(book.error.extensions).toEqual({
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'input', rule: 'book-details', message: 'a BOOK needs authors and year' }],
        });
        expect((await ok(ALICE, CREATE_RESOURCE, { input })).createResource).toEqual({
          slug: resource,
          skills: [{ slug: skill }],
        });
        await ok(ALICE, `mutation { linkResource(resource: "${resource}", skill: "caching") { slug } }`);
        await ok(ALICE, `mutation { unlinkResource(resource: "${resource}", skill: "${skill}") { slug } }`);
        expect((await ok(null, `{ resource(slug: "${resource}") { skills { slug } } }`)).resource.skills).toEqual([
          { slug: 'caching' },
        ]);
        await ok(BOB, `mutation { deleteResource(slug: "${resource}") { slug } }`);
        expect((await ok(null, `{ resource(slug: "${resource}") { slug } }`)).resource).toBeNull();
      });

      it('derives access from free and free from access, and refuses the two when they disagree, changing nothing', async () => {
        const [skill, byFree, walled] = [unique(), unique(), unique()];
        await createSkills(skill);
        const FIELDS = '{ slug free access difficulty }';
        const CREATE_RESOURCE = `mutation($input: CreateResourceInput!) { createResource(input: $input) ${FIELDS} }`;
        const UPDATE_RESOURCE = `mutation($slug: String!, $input: UpdateResourceInput!) { updateResource(slug: $slug, input: $input) ${FIELDS} }`;
        const READ = `query($slug: String!) { resource(slug: $slug) ${FIELDS} }`;
        const base = {
          title: 'A course',
          kind: 'COURSE',
          url: 'https://courses.test/x',
          estimatedHours: 3,
          skills: [skill],
        };
        // Today's inputs still work: `free` alone is FREE or PAID.
        expect(
          (await ok(ALICE, CREATE_RESOURCE, { input: { ...base, slug: byFree, free: false } })).createResource,
        ).toEqual({ slug: byFree, free: false, access: 'PAID', difficulty: null });
        const disagreeing = await failure(ALICE, CREATE_RESOURCE, {
          input: { ...base, slug: walled, free: false, access: 'FREE_WITH_REGISTRATION' },
        });
        expect(disagreeing.error.extensions).toEqual({
          code: 'BAD_USER_INPUT',
          fields: [
            {
              field: 'input.free',
              rule: 'free-matches-access',
              message: 'must be true when access is FREE_WITH_REGISTRATION: only PAID costs something',
            },
          ],
        });
        expect((await ok(null, READ, { slug: walled })).resource).toBeNull();
        const input = { ...base, slug: walled, access: 'FREE_WITH_REGISTRATION', difficulty: 'INTRODUCTORY' };
        expect((await ok(ALICE, CREATE_RESOURCE, { input })).createResource).toEqual({
          slug: walled,
          free: true,
          access: 'FREE_WITH_REGISTRATION',
          difficulty: 'INTRODUCTORY',
        });
        const refused = await failure(ALICE, UPDATE_RESOURCE, { slug: walled, input: { free: true, access: 'PAID' } });
        expect(refused.error.extensions).toEqual({
          code: 'BAD_USER_INPUT',
          fields: [
            {
              field: 'input.free',
              rule: 'free-matches-access',
              message: 'must be false when access is PAID: only PAID costs something',
            },
          ],
        });
        expect((await ok(null, READ, { slug: walled })).resource).toEqual({
          slug: walled,
          free: true,
          access: 'FREE_WITH_REGISTRATION',
          difficulty: 'INTRODUCTORY',
        });
        // An unchanged `free` keeps the registration wall; a changed one, or an access alone, moves both.
        expect(
          (await ok(ALICE, UPDATE_RESOURCE, { slug: walled, input: { free: true } })).updateResource,
        ).toMatchObject({
          access: 'FREE_WITH_REGISTRATION',
        });
        expect(
          (await ok(ALICE, UPDATE_RESOURCE, { slug: walled, input: { access: 'PAID', difficulty: null } }))
            .updateResource,
        ).toEqual({ slug: walled, free: false, access: 'PAID', difficulty: null });
        expect((await ok(ALICE, UPDATE_RESOURCE, { slug: walled, input: { free: true } })).updateResource).toEqual({
          slug: walled,
          free: true,
          access: 'FREE',
          difficulty: null,
        });
        for (const slug of [byFree, walled]) await ok(BOB, `mutation { deleteResource(slug: "${slug}") { slug } }`);
      });
    });

    describe('problem reports', () => {
      it('takes reports from anyone, lists them for editors, and lets an editor resolve one once', async () => {
        const slug = unique();
        await createSkills(slug);
        const REPORT =
          'mutation($s: String!, $m: String!) { reportProblem(skill: $s, message: $m) { id status skillSlug } }';
        const { reportProblem } = await ok(null, REPORT, { s: slug, m: 'It should require computer networking.' });
        expect(reportProblem).toMatchObject({ status: 'OPEN', skillSlug: slug });
        const { problems } = await ok(
          ALICE,
          '{ problems(status: OPEN, first: 50) { edges { node { id message skill { slug } } } } }',
        );
        expect(problems.edges.map((e: any) => e.node)).toContainEqual({
          id: reportProblem.id,
          message: 'It should require computer networking.',
          skill: { slug },
        });
        const RESOLVE = `mutation { resolveProblem(id: "${reportProblem.id}", resolution: "Added the prerequisite.") { status resolvedBy resolution } }`;
        expect((await ok(BOB, RESOLVE)).resolveProblem).toEqual({
          status: 'RESOLVED',
          resolvedBy: 'bob',
          resolution: 'Added the prerequisite.',
        });
        expect((await failure(BOB, RESOLVE)).error.extensions?.code).toBe('CONFLICT');
        expect((await failure(null, RESOLVE)).error.extensions?.code).toBe('UNAUTHENTICATED');
      });

      it('refuses a report about an unknown skill or with a too short message', async () => {
        const REPORT = 'mutation($s: String!, $m: String!) { reportProblem(skill: $s, message: $m) { id } }';
        expect(
          (await failure(null, REPORT, { s: 'no-such-skill-z', m: 'This skill is missing.' })).error.extensions?.code,
        ).toBe('NOT_FOUND');
        expect((await failure(null, REPORT, { s: 'http', m: 'short' })).error.extensions).toEqual({
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'message', rule: 'text-length', message: 'must be 10 to 2000 characters' }],
        });
      });
    });

    describe('dataset revision', () => {
      const DATASET = '{ dataset { version revision counts { skills essentialPrerequisites helpfulPrerequisites } } }';
      const newestSequence = async () =>
        (await ok(ALICE, '{ changes(first: 1) { edges { node { sequence } } } }')).changes.edges[0].node.sequence;

      it('rises with each accepted edit, to the newest change, and not with a refused one', async () => {
        const { dataset: before } = await ok(null, DATASET);
        const [a, b] = [unique(), unique()];
        await createSkills(a, b);
        const { dataset: created } = await ok(null, DATASET);
        expect(created.revision).toBeGreaterThan(before.revision);
        expect(created.revision).toBe(await newestSequence());
        await ok(
          ALICE,
          `mutation { addPrerequisite(skill: "${a}", requires: "${b}", reason: "r", strength: HELPFUL) { slug } }`,
        );
        const { dataset: after } = await ok(null, DATASET);
        expect(after.revision).toBeGreaterThan(created.revision);
        expect(after.revision).toBe(await newestSequence());
        expect(after.version).toBe('2.1.0');
        expect(after.counts).toEqual({
          skills: before.counts.skills + 2,
          essentialPrerequisites: before.counts.essentialPrerequisites,
          helpfulPrerequisites: before.counts.helpfulPrerequisites + 1,
        });

        expect((await addPrerequisite(ALICE, b, a)).errors[0].extensions?.code).toBe('PREREQUISITE_CYCLE');
        expect((await ok(null, DATASET)).dataset).toEqual(after);
      });
    });

    describe('history', () => {
      it('lists changes newest first, page by page, for editors', async () => {
        const [a, b] = [unique(), unique()];
        await createSkills(a, b);
        await addPrerequisite(BOB, b, a, 'the newest change');
        const { changes } = await ok(
          ALICE,
          '{ changes(first: 2) { edges { node { editor operation subject details } } pageInfo { hasNextPage endCursor } } }',
        );
        expect(changes.edges.map((e: any) => e.node)).toEqual([
          {
            editor: 'bob',
            operation: 'addPrerequisite',
            subject: `${b} -> ${a}`,
            details: '{"reason":"the newest change","strength":"ESSENTIAL"}',
          },
          { editor: 'alice', operation: 'createSkill', subject: b, details: expect.stringContaining(`"slug":"${b}"`) },
        ]);
        const next = await ok(
          ALICE,
          `{ changes(first: 1, after: "${changes.pageInfo.endCursor}") { edges { node { subject } } } }`,
        );
        expect(next.changes.edges).toEqual([{ node: { subject: a } }]);
      });
    });
  });
}
