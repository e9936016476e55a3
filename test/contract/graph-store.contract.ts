import type { Dataset } from '../../src/dataset/dataset.types';
import type { GraphReader, GraphStore } from '../../src/domain/ports/graph-store.port';
import type { Skill } from '../../src/domain/model/skill-graph.types';
import { contractDataset } from './contract-dataset';

const slugs = (items: readonly { slug: string }[]) => items.map((item) => item.slug);
const lists = (groups: readonly (readonly { slug: string }[])[]) => groups.map(slugs);
const linked = (groups: readonly (readonly { skill: { slug: string } }[])[]) =>
  groups.map((g) => g.map((l) => l.skill.slug));
const edgeKey = (e: { skill: string; requires: string; reason: string }) => `${e.skill}->${e.requires}: ${e.reason}`;

/**
 * What every GraphStore must do, run by each adapter's test file. Answers must be identical
 * across stores, including order, because clients page and diff them.
 */
export function defineGraphStoreContract(name: string, createStore: (dataset: Dataset) => Promise<GraphStore>): void {
  describe(`GraphStore contract: ${name}`, () => {
    let store: GraphStore;

    beforeAll(async () => {
      store = await createStore(contractDataset());
    });

    afterAll(async () => {
      await store?.close();
    });

    describe('lists', () => {
      it('lists areas in dataset (guide) order and levels by rank', async () => {
        expect(slugs(await store.listAreas())).toEqual(['zeta', 'alpha']);
        expect((await store.listLevels()).map((l) => [l.slug, l.rank])).toEqual([
          ['junior', 1],
          ['senior', 2],
          ['principal', 3],
        ]);
      });

      it('lists skills in slug order with every field of the domain shape', async () => {
        const page = await store.listSkills({}, { first: 100 });
        expect(slugs(page.items)).toEqual(['base', 'far', 'lonely', 'mid-a', 'mid-b', 'top']);
        expect(page).toMatchObject({ totalCount: 6, hasNextPage: false });
        expect(page.items.find((s) => s.slug === 'mid-b')).toEqual({
          slug: 'mid-b',
          name: 'Skill mid-b',
          aliases: [],
          description: expect.stringContaining('mid-b'),
          estimatedHours: 5,
          area: 'alpha',
          level: 'senior',
          parent: 'base',
        });
      });

      it('filters skills by area, level and case-insensitive text', async () => {
        expect(slugs((await store.listSkills({ area: 'alpha' }, { first: 10 })).items)).toEqual([
          'far',
          'mid-b',
          'top',
        ]);
        expect(slugs((await store.listSkills({ level: 'junior' }, { first: 10 })).items)).toEqual([
          'base',
          'lonely',
          'mid-a',
        ]);
        expect(slugs((await store.listSkills({ search: 'needle' }, { first: 10 })).items)).toEqual(['lonely']);
        expect(slugs((await store.listSkills({ search: 'hermit' }, { first: 10 })).items)).toEqual(['lonely']);
        expect(slugs((await store.listSkills({ search: 'MID-' }, { first: 10 })).items)).toEqual(['mid-a', 'mid-b']);
        const combined = await store.listSkills({ area: 'zeta', level: 'junior', search: 'skill mid' }, { first: 10 });
        expect(slugs(combined.items)).toEqual(['mid-a']);
        expect((await store.listSkills({ area: 'nowhere' }, { first: 10 })).totalCount).toBe(0);
      });

      it("keeps a skill's aliases as given, in order, and none as an empty list", async () => {
        const [lonely, base] = await store.findSkillsBySlugs(['lonely', 'base']);
        expect([lonely?.aliases, base?.aliases]).toEqual([['Hermit', 'solo pursuit'], []]);
      });

      it('pages skills by keyset: after a slug, with totalCount counting every match', async () => {
        const first = await store.listSkills({}, { first: 2 });
        expect(slugs(first.items)).toEqual(['base', 'far']);
        expect(first).toMatchObject({ hasNextPage: true, totalCount: 6 });
        const second = await store.listSkills({}, { first: 2, afterSlug: 'far' });
        expect(slugs(second.items)).toEqual(['lonely', 'mid-a']);
        const last = await store.listSkills({}, { first: 2, afterSlug: 'mid-a' });
        expect(slugs(last.items)).toEqual(['mid-b', 'top']);
        expect(last).toMatchObject({ hasNextPage: false, totalCount: 6 });
      });

      it('pages after a slug that no longer exists, from where it would have been', async () => {
        expect(slugs((await store.listSkills({}, { first: 2, afterSlug: 'c' })).items)).toEqual(['far', 'lonely']);
      });

      it('answers first: 0 with no items but the count and whether any follow', async () => {
        const page = await store.listSkills({ area: 'alpha' }, { first: 0 });
        expect(page).toEqual({ items: [], hasNextPage: true, totalCount: 3 });
      });

      it('lists resources with filters by kind, skill and price, in slug order', async () => {
        expect(slugs((await store.listResources({}, { first: 10 })).items)).toEqual([
          'book-one',
          'free-guide',
          'video',
        ]);
        expect(slugs((await store.listResources({ kind: 'BOOK' }, { first: 10 })).items)).toEqual(['book-one']);
        expect(slugs((await store.listResources({ free: true }, { first: 10 })).items)).toEqual([
          'free-guide',
          'video',
        ]);
        expect(slugs((await store.listResources({ skill: 'top' }, { first: 10 })).items)).toEqual([
          'book-one',
          'free-guide',
        ]);
        expect(slugs((await store.listResources({ skill: 'top', free: false }, { first: 10 })).items)).toEqual([
          'book-one',
        ]);
        const page = await store.listResources({}, { first: 1, afterSlug: 'book-one' });
        expect(page).toMatchObject({ hasNextPage: true, totalCount: 3 });
        expect(slugs(page.items)).toEqual(['free-guide']);
      });

      it('filters resources by access, alone and with the other filters', async () => {
        const walled = await store.listResources({ access: 'FREE_WITH_REGISTRATION' }, { first: 10 });
        expect(walled).toMatchObject({ totalCount: 1, hasNextPage: false });
        expect(slugs(walled.items)).toEqual(['video']);
        expect(slugs((await store.listResources({ access: 'FREE' }, { first: 10 })).items)).toEqual(['free-guide']);
        expect(slugs((await store.listResources({ access: 'PAID', skill: 'top' }, { first: 10 })).items)).toEqual([
          'book-one',
        ]);
        expect((await store.listResources({ access: 'PAID', free: true }, { first: 10 })).totalCount).toBe(0);
      });

      it('returns resources in domain shape, with empty authors and null year when absent', async () => {
        const [book, guide] = await store.findResourcesBySlugs(['book-one', 'free-guide']);
        expect(book).toEqual({
          slug: 'book-one',
          title: 'Resource book-one',
          kind: 'BOOK',
          url: 'https://example.org/book-one',
          authors: ['Ada Author', 'Bo Writer'],
          year: 2019,
          free: false,
          access: 'PAID',
          difficulty: 'ADVANCED',
          estimatedHours: 30,
        });
        expect(guide).toMatchObject({
          authors: [],
          year: null,
          free: true,
          access: 'FREE',
          difficulty: 'INTRODUCTORY',
        });
        const [video] = await store.findResourcesBySlugs(['video']);
        expect(video).toMatchObject({ free: true, access: 'FREE_WITH_REGISTRATION', difficulty: null });
      });

      it('lists responsibilities in guide order, filtered by category and levels', async () => {
        expect(slugs(await store.listResponsibilities({}))).toEqual(['r-design', 'r-lead', 'r-biz', 'a-review']);
        expect(slugs(await store.listResponsibilities({ category: 'TECHNICAL' }))).toEqual(['r-design', 'a-review']);
        expect(slugs(await store.listResponsibilities({ levels: ['senior', 'principal'] }))).toEqual([
          'r-lead',
          'r-biz',
          'a-review',
        ]);
        expect(await store.listResponsibilities({ levels: [] })).toEqual([]);
      });

      it('gives the size of the graph and the longest list of each relation', async () => {
        const hours = contractDataset().skills.reduce((sum, skill) => sum + skill.estimatedHours, 0);
        expect(await store.graphExtent()).toEqual({
          skills: 6,
          resources: 3,
          areas: 2,
          levels: 3,
          responsibilities: 4,
          prerequisites: 6,
          hours,
          skillsPerArea: 3, // alpha: top, mid-b, far; zeta: base, mid-a, lonely
          skillsPerLevel: 3, // junior: base, mid-a, lonely
          childrenPerSkill: 2, // base: mid-a, mid-b
          prerequisitesPerSkill: 3, // top: mid-a, mid-b, base
          dependentsPerSkill: 3, // base: top, mid-a, mid-b
          relatedPerSkill: 2, // lonely: base, top (related topics read both ways)
          resourcesPerSkill: 2, // top: book-one, free-guide
          responsibilitiesPerSkill: 2, // top: r-design, a-review
          skillsPerResource: 2, // book-one: top, base
          skillsPerResponsibility: 2, // r-design: top, base
          responsibilitiesPerLevel: 2, // senior: r-biz, a-review
        });
      });
    });

    describe('batch lookups follow the DataLoader contract', () => {
      it('answers in key order with null for unknown keys, repeated keys included', async () => {
        expect((await store.findSkillsBySlugs(['top', 'missing', 'base', 'top'])).map((s) => s?.slug ?? null)).toEqual([
          'top',
          null,
          'base',
          'top',
        ]);
        expect((await store.findAreasBySlugs(['alpha', 'nope'])).map((a) => a?.slug ?? null)).toEqual(['alpha', null]);
        expect((await store.findLevelsBySlugs(['principal', 'x'])).map((l) => l?.slug ?? null)).toEqual([
          'principal',
          null,
        ]);
        expect((await store.findResourcesBySlugs(['video', 'x'])).map((r) => r?.slug ?? null)).toEqual(['video', null]);
        expect((await store.findResponsibilitiesBySlugs(['x', 'r-lead'])).map((r) => r?.slug ?? null)).toEqual([
          null,
          'r-lead',
        ]);
      });

      it('answers an empty key list with an empty list', async () => {
        expect(await store.findSkillsBySlugs([])).toEqual([]);
        expect(await store.prerequisitesOfSkills([])).toEqual([]);
      });

      it('groups skills by area and level, and counts them, in slug order', async () => {
        expect(lists(await store.skillsOfAreas(['alpha', 'nope', 'zeta']))).toEqual([
          ['far', 'mid-b', 'top'],
          [],
          ['base', 'lonely', 'mid-a'],
        ]);
        expect(await store.countSkillsOfAreas(['zeta', 'nope', 'alpha'])).toEqual([3, 0, 3]);
        expect(lists(await store.skillsOfLevels(['senior', 'principal']))).toEqual([['mid-b', 'top'], ['far']]);
      });

      it('gives each skill its children, prerequisites and dependents with reasons', async () => {
        expect(lists(await store.childrenOfSkills(['base', 'top']))).toEqual([['mid-a', 'mid-b'], []]);
        const [top, base, missing] = await store.prerequisitesOfSkills(['top', 'base', 'missing']);
        expect(top.map((l) => [l.skill.slug, l.reason])).toEqual([
          ['base', 'top also uses base directly'],
          ['mid-a', 'top builds on mid-a'],
          ['mid-b', 'top builds on mid-b'],
        ]);
        expect(base).toEqual([]);
        expect(missing).toEqual([]);
        const [dependentsOfBase] = await store.dependentsOfSkills(['base']);
        expect(dependentsOfBase.map((l) => [l.skill.slug, l.reason])).toEqual([
          ['mid-a', 'mid-a builds on base'],
          ['mid-b', 'mid-b builds on base'],
          ['top', 'top also uses base directly'],
        ]);
        expect(top[0].skill).toMatchObject({ slug: 'base', area: 'zeta', level: 'junior', parent: null });
      });

      it('treats related-topic edges as undirected', async () => {
        expect(lists(await store.relatedOfSkills(['lonely', 'base', 'top', 'far']))).toEqual([
          ['base', 'top'],
          ['lonely'],
          ['lonely'],
          [],
        ]);
      });

      it('links resources and responsibilities to skills in both directions', async () => {
        expect(lists(await store.resourcesOfSkills(['top', 'mid-a']))).toEqual([['book-one', 'free-guide'], []]);
        expect(lists(await store.skillsOfResources(['book-one', 'video', 'x']))).toEqual([
          ['base', 'top'],
          ['lonely'],
          [],
        ]);
        expect(lists(await store.responsibilitiesOfSkills(['top', 'lonely']))).toEqual([['r-design', 'a-review'], []]);
        expect(lists(await store.skillsOfResponsibilities(['r-design', 'r-lead']))).toEqual([['base', 'top'], ['far']]);
        expect(lists(await store.responsibilitiesOfLevels(['senior', 'junior', 'x']))).toEqual([
          ['r-biz', 'a-review'],
          ['r-design'],
          [],
        ]);
      });
    });

    describe('closures', () => {
      const keys = (closure: { edges: readonly { skill: string; requires: string; reason: string }[] }) =>
        closure.edges.map(edgeKey).sort();
      // Every edge of the fixture is essential, so both scopes give the same answers here.
      const prerequisites = async (slugs: string[], depth: number) => {
        const all = keys(await store.prerequisiteClosure(slugs, depth, 'all'));
        expect(keys(await store.prerequisiteClosure(slugs, depth, 'essential'))).toEqual(all);
        return all;
      };
      const dependents = async (slugs: string[], depth: number) => {
        const all = keys(await store.dependentClosure(slugs, depth, 'all'));
        expect(keys(await store.dependentClosure(slugs, depth, 'essential'))).toEqual(all);
        return all;
      };

      it('are empty for unknown skills, at depth 0, and for a skill without neighbours', async () => {
        expect(await prerequisites(['missing'], 5)).toEqual([]);
        expect(await prerequisites([], 5)).toEqual([]);
        expect(await prerequisites(['far'], 0)).toEqual([]);
        expect(await prerequisites(['lonely'], 10)).toEqual([]);
        expect(await dependents(['far'], 10)).toEqual([]);
      });

      it('return every edge among the skills within reach, with reasons', async () => {
        expect(await prerequisites(['far'], 10)).toEqual([
          'far->top: far builds on top',
          'mid-a->base: mid-a builds on base',
          'mid-b->base: mid-b builds on base',
          'top->base: top also uses base directly',
          'top->mid-a: top builds on mid-a',
          'top->mid-b: top builds on mid-b',
        ]);
      });

      it('stop at maxDepth, keeping edges between skills that are both within it', async () => {
        expect(await prerequisites(['far'], 1)).toEqual(['far->top: far builds on top']);
        // At depth 2 base is reached through the shortcut, so the mid-* -> base edges are inside too.
        expect(await prerequisites(['far'], 2)).toEqual(await prerequisites(['far'], 10));
        expect(await prerequisites(['top'], 1)).toEqual([
          'mid-a->base: mid-a builds on base',
          'mid-b->base: mid-b builds on base',
          'top->base: top also uses base directly',
          'top->mid-a: top builds on mid-a',
          'top->mid-b: top builds on mid-b',
        ]);
      });

      it('start from several skills at once, each unknown one adding nothing', async () => {
        expect(await prerequisites(['mid-a', 'mid-b', 'missing'], 1)).toEqual([
          'mid-a->base: mid-a builds on base',
          'mid-b->base: mid-b builds on base',
        ]);
      });

      it('follow dependents the other way, up to maxDepth', async () => {
        expect(await dependents(['base'], 1)).toEqual(await prerequisites(['top'], 1));
        expect(await dependents(['base'], 2)).toEqual(await prerequisites(['far'], 10));
        expect(await dependents(['mid-a', 'lonely'], 1)).toEqual(['top->mid-a: top builds on mid-a']);
      });
    });

    describe('learning helpers', () => {
      it('ranks the foundations (skills that require nothing) by what they unlock, then slug', async () => {
        const ranked = (await store.rankedFoundations(10, 'essential')).map((r) => [r.skill.slug, r.unlockCount]);
        expect(ranked).toEqual([
          ['base', 4],
          ['lonely', 0],
        ]);
        expect(await store.rankedFoundations(10, 'all')).toEqual(await store.rankedFoundations(10, 'essential'));
        expect((await store.rankedFoundations(1, 'essential')).map((r) => r.skill.slug)).toEqual(['base']);
        expect(await store.rankedFoundations(0, 'essential')).toEqual([]);
      });

      it('counts the distinct skills each skill unlocks, transitively', async () => {
        for (const scope of ['essential', 'all'] as const) {
          expect(await store.unlockCounts(['base', 'top', 'mid-a', 'far', 'lonely', 'missing'], scope)).toEqual([
            4, 1, 2, 0, 0, 0,
          ]);
        }
        expect(await store.unlockCounts([], 'essential')).toEqual([]);
      });
    });

    describe('search', () => {
      const top = async (text: string) => {
        const hits = await store.search(text, 5);
        return hits.length === 0 ? null : `${hits[0].kind}:${hits[0].node.slug}`;
      };

      it('finds a skill by a word of its description, whatever the case, and with a typo', async () => {
        expect(await top('needle')).toBe('Skill:lonely');
        expect(await top('NEEDLE')).toBe('Skill:lonely');
        expect(await top('neadle')).toBe('Skill:lonely');
      });

      it('finds a skill by one of its aliases, whatever the case, as it finds one by name', async () => {
        expect(await top('hermit')).toBe('Skill:lonely');
        expect(await top('SOLO PURSUIT')).toBe('Skill:lonely');
      });

      it('finds resources by title and areas by name', async () => {
        expect(await top('free-guide')).toBe('Resource:free-guide');
        expect(await top('Zeta')).toBe('Area:zeta');
      });

      it('returns whole entities, best first, at most `first`', async () => {
        const hits = await store.search('skill', 3);
        expect(hits.length).toBeLessThanOrEqual(3);
        expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
        const [skillHit] = await store.search('needle', 1);
        expect(skillHit).toEqual({
          kind: 'Skill',
          score: expect.any(Number),
          node: expect.objectContaining({ slug: 'lonely', area: 'zeta' }),
        });
      });

      it('finds nothing for words that appear nowhere', async () => {
        expect(await store.search('xylophone quasar', 5)).toEqual([]);
      });
    });

    describe('transactions and writes', () => {
      let fresh: GraphStore;
      beforeEach(async () => {
        fresh = await createStore(contractDataset());
      });
      afterEach(async () => {
        await fresh?.close();
      });

      const skillOf = async (slug: string) => (await fresh.findSkillsBySlugs([slug]))[0];
      const newSkill = (slug: string, fields: Partial<Skill> = {}): Skill => ({
        slug,
        name: `Skill ${slug}`,
        aliases: [],
        description: `A skill added by the contract suite, called ${slug}.`,
        estimatedHours: 3,
        area: 'zeta',
        level: 'junior',
        parent: null,
        ...fields,
      });

      it('commits every write of a transaction, and reads inside it see them', async () => {
        const seenInside = await fresh.transaction(async (tx) => {
          await tx.putSkill(newSkill('fresh', { parent: 'base' }));
          await tx.putPrerequisite({
            skill: 'fresh',
            requires: 'top',
            reason: 'fresh builds on top',
            strength: 'ESSENTIAL',
          });
          return {
            skill: (await tx.findSkillsBySlugs(['fresh']))[0]?.slug,
            prerequisites: (await tx.prerequisitesOfSkills(['fresh']))[0].map((l) => l.skill.slug),
          };
        });
        expect(seenInside).toEqual({ skill: 'fresh', prerequisites: ['top'] });
        expect(await skillOf('fresh')).toEqual(newSkill('fresh', { parent: 'base' }));
        expect(lists(await fresh.childrenOfSkills(['base']))).toEqual([['fresh', 'mid-a', 'mid-b']]);
        expect((await fresh.prerequisitesOfSkills(['fresh']))[0]).toEqual([
          { skill: expect.objectContaining({ slug: 'top' }), reason: 'fresh builds on top', strength: 'ESSENTIAL' },
        ]);
      });

      it('replaces the aliases a put skill has, and clears them with an empty list', async () => {
        await fresh.transaction((tx) => tx.putSkill(newSkill('named', { aliases: ['Moniker', 'alias two'] })));
        expect((await skillOf('named'))?.aliases).toEqual(['Moniker', 'alias two']);
        expect(await fresh.search('moniker', 1)).toEqual([
          { kind: 'Skill', score: expect.any(Number), node: newSkill('named', { aliases: ['Moniker', 'alias two'] }) },
        ]);
        await fresh.transaction((tx) => tx.putSkill(newSkill('named')));
        expect(await skillOf('named')).toEqual(newSkill('named'));
        expect(await fresh.search('moniker', 5)).toEqual([]);
      });

      it('writes nothing when the work throws, and passes the error on', async () => {
        const failure = new Error('rule broken');
        await expect(
          fresh.transaction(async (tx) => {
            await tx.putSkill(newSkill('ghost'));
            await tx.putPrerequisite({
              skill: 'top',
              requires: 'lonely',
              reason: 'should vanish',
              strength: 'ESSENTIAL',
            });
            await tx.nextSequence();
            throw failure;
          }),
        ).rejects.toBe(failure);
        expect(await skillOf('ghost')).toBeNull();
        expect(linked(await fresh.prerequisitesOfSkills(['top']))).toEqual([['base', 'mid-a', 'mid-b']]);
        expect(await fresh.transaction((tx) => tx.nextSequence())).toBe(1);
      });

      it('keeps unlock counts and the ranking of foundations exact through every kind of prerequisite change', async () => {
        const counts = (reader: GraphReader) =>
          reader.unlockCounts(['base', 'mid-a', 'top', 'far', 'deep', 'lonely'], 'essential');
        const foundations = async (reader: GraphReader) =>
          (await reader.rankedFoundations(10, 'essential')).map((r) => [r.skill.slug, r.unlockCount]);

        const inside = await fresh.transaction(async (tx) => {
          await tx.putSkill(newSkill('deep'));
          await tx.putPrerequisite({
            skill: 'deep',
            requires: 'far',
            reason: 'deep builds on far',
            strength: 'ESSENTIAL',
          });
          return counts(tx);
        });
        expect(inside).toEqual([5, 3, 2, 1, 0, 0]);
        expect(await counts(fresh)).toEqual([5, 3, 2, 1, 0, 0]);

        await fresh.transaction((tx) =>
          tx.putPrerequisite({ skill: 'lonely', requires: 'far', reason: 'now it does', strength: 'ESSENTIAL' }),
        );
        expect(await counts(fresh)).toEqual([6, 4, 3, 2, 0, 0]);
        expect(await foundations(fresh)).toEqual([['base', 6]]);

        await fresh.transaction((tx) => tx.deletePrerequisite('lonely', 'far'));
        expect(await counts(fresh)).toEqual([5, 3, 2, 1, 0, 0]);
        expect(await foundations(fresh)).toEqual([
          ['base', 5],
          ['lonely', 0],
        ]);

        // Deleting top cuts far (and deep above it) off from everything below.
        await fresh.transaction((tx) => tx.deleteSkill('top'));
        expect(await fresh.unlockCounts(['base', 'mid-a', 'top', 'far', 'deep'], 'essential')).toEqual([2, 0, 0, 1, 0]);
        expect(await foundations(fresh)).toEqual([
          ['base', 2],
          ['far', 1],
          ['lonely', 0],
        ]);
      });

      it('replaces a skill’s fields, area, level and parent', async () => {
        await fresh.transaction(async (tx) =>
          tx.putSkill({
            ...(await tx.findSkillsBySlugs(['mid-a']))[0]!,
            area: 'alpha',
            level: 'senior',
            parent: null,
            name: 'Renamed',
          }),
        );
        expect(await skillOf('mid-a')).toMatchObject({ name: 'Renamed', area: 'alpha', level: 'senior', parent: null });
        expect(lists(await fresh.skillsOfAreas(['alpha', 'zeta']))).toEqual([
          ['far', 'mid-a', 'mid-b', 'top'],
          ['base', 'lonely'],
        ]);
        expect(lists(await fresh.skillsOfLevels(['junior']))).toEqual([['base', 'lonely']]);
        expect(lists(await fresh.childrenOfSkills(['base']))).toEqual([['mid-b']]);
      });

      it('deletes a skill with every edge that touches it; its children lose their parent', async () => {
        await fresh.transaction((tx) => tx.deleteSkill('base'));
        expect(await skillOf('base')).toBeNull();
        expect(linked(await fresh.prerequisitesOfSkills(['top', 'mid-a']))).toEqual([['mid-a', 'mid-b'], []]);
        expect(await skillOf('mid-a')).toMatchObject({ parent: null });
        expect(lists(await fresh.relatedOfSkills(['lonely']))).toEqual([['top']]);
        expect(lists(await fresh.skillsOfResources(['book-one']))).toEqual([['top']]);
        expect(lists(await fresh.skillsOfResponsibilities(['r-design']))).toEqual([['top']]);
        expect(slugs((await fresh.listSkills({}, { first: 10 })).items)).toEqual([
          'far',
          'lonely',
          'mid-a',
          'mid-b',
          'top',
        ]);
      });

      it('creates, links, unlinks and deletes resources', async () => {
        await fresh.transaction(async (tx) => {
          await tx.putResource({
            slug: 'new-doc',
            title: 'New doc',
            kind: 'DOCUMENTATION',
            url: 'https://docs.test/new',
            authors: [],
            year: null,
            free: true,
            access: 'FREE',
            difficulty: null,
            estimatedHours: 2,
          });
          await tx.linkResource('new-doc', 'lonely');
          await tx.linkResource('new-doc', 'far');
          await tx.unlinkResource('book-one', 'base');
        });
        expect(lists(await fresh.resourcesOfSkills(['lonely', 'base']))).toEqual([['new-doc', 'video'], []]);
        expect(lists(await fresh.skillsOfResources(['new-doc']))).toEqual([['far', 'lonely']]);
        await fresh.transaction((tx) => tx.deleteResource('new-doc'));
        expect(await fresh.findResourcesBySlugs(['new-doc'])).toEqual([null]);
        expect(lists(await fresh.resourcesOfSkills(['lonely']))).toEqual([['video']]);
      });

      it('stores a resource’s access and difficulty, and clears a difficulty put back as null', async () => {
        const [video] = await fresh.findResourcesBySlugs(['video']);
        const walled = { ...video!, access: 'FREE_WITH_REGISTRATION' as const, difficulty: 'INTERMEDIATE' as const };
        await fresh.transaction((tx) => tx.putResource(walled));
        expect(await fresh.findResourcesBySlugs(['video'])).toEqual([walled]);
        await fresh.transaction((tx) => tx.putResource({ ...walled, free: false, access: 'PAID', difficulty: null }));
        expect(await fresh.findResourcesBySlugs(['video'])).toEqual([
          { ...walled, free: false, access: 'PAID', difficulty: null },
        ]);
        expect(slugs((await fresh.listResources({ access: 'PAID' }, { first: 10 })).items)).toEqual([
          'book-one',
          'video',
        ]);
      });

      it('keeps each prerequisite’s strength, and follows helpful ones only when asked', async () => {
        // lonely gains two helpful prerequisites; deep essentially requires lonely.
        await fresh.transaction(async (tx) => {
          await tx.putPrerequisite({ skill: 'lonely', requires: 'top', reason: 'background', strength: 'HELPFUL' });
          await tx.putPrerequisite({
            skill: 'lonely',
            requires: 'mid-a',
            reason: 'more background',
            strength: 'HELPFUL',
          });
          await tx.putSkill(newSkill('deep'));
          await tx.putPrerequisite({
            skill: 'deep',
            requires: 'lonely',
            reason: 'deep needs lonely',
            strength: 'ESSENTIAL',
          });
        });
        expect((await fresh.prerequisitesOfSkills(['lonely']))[0].map((l) => [l.skill.slug, l.strength])).toEqual([
          ['mid-a', 'HELPFUL'],
          ['top', 'HELPFUL'],
        ]);
        expect((await fresh.dependentsOfSkills(['lonely']))[0].map((l) => [l.skill.slug, l.strength])).toEqual([
          ['deep', 'ESSENTIAL'],
        ]);
        const reached = async (scope: 'essential' | 'all') =>
          [
            ...new Set(
              (await fresh.prerequisiteClosure(['deep'], 25, scope)).edges.flatMap((e) => [e.skill, e.requires]),
            ),
          ].sort();
        expect(await reached('essential')).toEqual(['deep', 'lonely']);
        expect(await reached('all')).toEqual(['base', 'deep', 'lonely', 'mid-a', 'mid-b', 'top']);
        expect((await fresh.prerequisiteClosure(['deep'], 25, 'all')).edges).toContainEqual({
          skill: 'lonely',
          requires: 'top',
          reason: 'background',
          strength: 'HELPFUL',
        });
        const dependentsOfBase = async (scope: 'essential' | 'all') =>
          [...new Set((await fresh.dependentClosure(['base'], 25, scope)).edges.map((e) => e.skill))].sort();
        expect(await dependentsOfBase('essential')).toEqual(['far', 'mid-a', 'mid-b', 'top']);
        expect(await dependentsOfBase('all')).toEqual(['deep', 'far', 'lonely', 'mid-a', 'mid-b', 'top']);
        // Counted along essential edges, base unlocks what it did; along all, lonely and deep too.
        expect(await fresh.unlockCounts(['base', 'top', 'lonely'], 'essential')).toEqual([4, 1, 1]);
        expect(await fresh.unlockCounts(['base', 'top', 'lonely'], 'all')).toEqual([6, 3, 1]);
        // lonely has only helpful prerequisites: a foundation, unless helpful ones count.
        expect((await fresh.rankedFoundations(10, 'essential')).map((r) => [r.skill.slug, r.unlockCount])).toEqual([
          ['base', 4],
          ['lonely', 1],
        ]);
        expect((await fresh.rankedFoundations(10, 'all')).map((r) => [r.skill.slug, r.unlockCount])).toEqual([
          ['base', 6],
        ]);
        // A strength changes in place, and the counts follow.
        await fresh.transaction((tx) =>
          tx.putPrerequisite({ skill: 'lonely', requires: 'top', reason: 'now essential', strength: 'ESSENTIAL' }),
        );
        expect(await fresh.unlockCounts(['base', 'top', 'lonely'], 'essential')).toEqual([6, 3, 1]);
        expect((await fresh.rankedFoundations(10, 'essential')).map((r) => r.skill.slug)).toEqual(['base']);
      });

      it('replaces a prerequisite’s reason, and removes prerequisites and related topics from either side', async () => {
        await fresh.transaction(async (tx) => {
          await tx.putPrerequisite({
            skill: 'top',
            requires: 'base',
            reason: 'a better reason',
            strength: 'ESSENTIAL',
          });
          await tx.deletePrerequisite('far', 'top');
          await tx.putRelated('far', 'mid-a');
          await tx.deleteRelated('base', 'lonely'); // stored as lonely <-> base
        });
        expect((await fresh.prerequisitesOfSkills(['top']))[0][0]).toMatchObject({ reason: 'a better reason' });
        expect(await fresh.prerequisitesOfSkills(['far'])).toEqual([[]]);
        expect(lists(await fresh.relatedOfSkills(['mid-a', 'lonely']))).toEqual([['far'], ['top']]);
      });

      it('numbers writes in one sequence and lists changes newest first, page by page', async () => {
        for (const operation of ['first', 'second', 'third']) {
          await fresh.transaction(async (tx) => {
            const sequence = await tx.nextSequence();
            await tx.recordChange({
              sequence,
              at: `2026-01-0${sequence}T10:00:00.000Z`,
              editor: 'alice',
              operation,
              subject: 'top',
              details: '{}',
            });
          });
        }
        const page = await fresh.listChanges({ first: 2 });
        expect(page.items.map((c) => [c.sequence, c.operation])).toEqual([
          [3, 'third'],
          [2, 'second'],
        ]);
        expect(page).toMatchObject({ hasNextPage: true, totalCount: 3 });
        expect(page.items[0]).toEqual({
          sequence: 3,
          at: '2026-01-03T10:00:00.000Z',
          editor: 'alice',
          operation: 'third',
          subject: 'top',
          details: '{}',
        });
        const next = await fresh.listChanges({ first: 2, beforeSequence: 2 });
        expect(next.items.map((c) => c.operation)).toEqual(['first']);
        expect(next.hasNextPage).toBe(false);
      });

      it('keeps problem reports, finds them by id and lists them by status', async () => {
        const problem = (sequence: number, status: 'OPEN' | 'RESOLVED') => ({
          id: String(sequence),
          sequence,
          skill: 'top',
          message: `report ${sequence}`,
          status,
          reportedAt: '2026-02-01T08:30:00.000Z',
          resolvedAt: status === 'RESOLVED' ? '2026-02-02T09:00:00.000Z' : null,
          resolvedBy: status === 'RESOLVED' ? 'bob' : null,
          resolution: status === 'RESOLVED' ? 'fixed' : null,
        });
        await fresh.transaction(async (tx) => {
          await tx.putProblem(problem(await tx.nextSequence(), 'OPEN'));
          await tx.putProblem(problem(await tx.nextSequence(), 'RESOLVED'));
          await tx.putProblem(problem(await tx.nextSequence(), 'OPEN'));
        });
        expect(await fresh.findProblemsByIds(['2', 'nope'])).toEqual([problem(2, 'RESOLVED'), null]);
        expect((await fresh.listProblems({ status: 'OPEN' }, { first: 10 })).items.map((p) => p.id)).toEqual([
          '3',
          '1',
        ]);
        expect((await fresh.listProblems({}, { first: 1, beforeSequence: 3 })).items.map((p) => p.id)).toEqual(['2']);
        await fresh.transaction((tx) => tx.putProblem(problem(3, 'RESOLVED')));
        expect((await fresh.listProblems({ status: 'OPEN' }, { first: 10 })).totalCount).toBe(1);
      });

      it('runs concurrent transactions one after the other, so none works on stale reads', async () => {
        // Each reads how many changes exist, then records that number: serialised, they see 0..9.
        await Promise.all(
          Array.from({ length: 10 }, () =>
            fresh.transaction(async (tx) => {
              const seen = (await tx.listChanges({ first: 0 })).totalCount;
              const sequence = await tx.nextSequence();
              await tx.recordChange({
                sequence,
                at: '2026-03-01T00:00:00.000Z',
                editor: 'x',
                operation: 'count',
                subject: String(seen),
                details: '{}',
              });
            }),
          ),
        );
        const seen = (await fresh.listChanges({ first: 20 })).items.map((c) => Number(c.subject)).sort((a, b) => a - b);
        expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      });
    });
  });
}
