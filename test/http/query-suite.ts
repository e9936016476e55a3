import type { TestServer } from '../support/test-server';
import { execute } from '../support/test-server';

/**
 * The public API over the canonical dataset, through HTTP. Expected answers were worked out by
 * hand from the guide and data/, not copied from the API's output. Run against every store:
 * the same answers from each is the point.
 */
export function defineQuerySuite(storeName: string, start: () => Promise<TestServer>): void {
  describe(`queries over the canonical dataset (${storeName} store)`, () => {
    let api: TestServer;
    beforeAll(async () => {
      api = await start();
    });
    afterAll(() => api?.close());

    const query = async <T = any>(text: string, variables?: Record<string, unknown>): Promise<T> => {
      const { data, errors } = await execute<T>(api.client, text, variables);
      expect(errors).toEqual([]);
      return data as T;
    };

    describe('areas', () => {
      it('lists the five areas in the guide’s order, with their skill counts', async () => {
        const { areas } = await query(`{ areas { id slug skillCount } }`);
        expect(areas.map((a: any) => a.slug)).toEqual([
          'cs-fundamentals',
          'backend-development',
          'system-design',
          'development-process',
          'operations',
        ]);
        expect(areas[0].id).toBe('Area:cs-fundamentals');
        const total = areas.reduce((sum: number, a: any) => sum + a.skillCount, 0);
        const { skills } = await query(`{ skills(first: 0) { totalCount } }`);
        expect(total).toBe(skills.totalCount);
      });

      it('answers an unknown area slug with null, not an error', async () => {
        expect(await query(`{ area(slug: "no-such-area") { slug } }`)).toEqual({ area: null });
      });

      it('gives an area its skills', async () => {
        const { area } = await query(`{ area(slug: "development-process") { name skills { slug } } }`);
        expect(area.name).toBe('Development process');
        expect(area.skills.map((s: any) => s.slug)).toEqual(
          expect.arrayContaining(['calms', 'trunk-based-development', 'continuous-integration', 'shift-left']),
        );
      });
    });

    describe('skill', () => {
      it('resolves every relationship of a skill', async () => {
        const { skill } = await query(`{
      skill(slug: "distributed-transactions") {
        id name estimatedHours
        area { slug } level { slug rank } parent { slug } children { slug }
        prerequisites { skill { slug } reason }
        dependents { slug } related { slug }
        resources { slug kind url } responsibilities { slug }
      }
    }`);
        expect(skill).toMatchObject({
          id: 'Skill:distributed-transactions',
          name: 'Distributed transactions',
          area: { slug: 'backend-development' },
          level: { slug: 'senior', rank: 2 },
          parent: { slug: 'backend-application-development' },
          children: [{ slug: 'long-running-transactions' }],
          dependents: [{ slug: 'long-running-transactions' }],
          related: [{ slug: 'consensus-and-replication' }],
        });
        expect(skill.prerequisites).toEqual([
          {
            skill: { slug: 'database-transactions' },
            reason: 'Distributed transactions build on single-database transactions and isolation levels',
          },
          { skill: { slug: 'distributed-systems' }, reason: expect.any(String) },
          { skill: { slug: 'messaging' }, reason: expect.any(String) },
        ]);
        expect(skill.resources.length).toBeGreaterThan(0);
        for (const resource of skill.resources) expect(resource.url).toMatch(/^https:\/\//);
      });

      it('answers an unknown skill slug with null', async () => {
        expect(await query(`{ skill(slug: "astrology") { slug } }`)).toEqual({ skill: null });
      });
    });

    describe('skills connection', () => {
      it('walks every page once, in slug order, with stable cursors', async () => {
        const seen: string[] = [];
        let after: string | null = null;
        let total = -1;
        for (let page = 0; page < 20; page++) {
          const { skills }: any = await query(
            `query($after: String) { skills(first: 40, after: $after) {
           totalCount edges { cursor node { slug } } pageInfo { hasNextPage endCursor } } }`,
            { after },
          );
          total = skills.totalCount;
          seen.push(...skills.edges.map((e: any) => e.node.slug));
          if (!skills.pageInfo.hasNextPage) break;
          after = skills.pageInfo.endCursor;
        }
        expect(seen).toHaveLength(total);
        expect(new Set(seen).size).toBe(total);
        expect([...seen].sort()).toEqual(seen);
      });

      it('filters by area, level and text together', async () => {
        const { skills } = await query(
          `{ skills(filter: { area: "development-process", level: "senior" }) { totalCount edges { node { slug } } } }`,
        );
        expect(skills.edges.map((e: any) => e.node.slug)).toEqual([
          'calms',
          'continuous-delivery',
          'product-discovery',
        ]);
        const { skills: found } = await query(
          `{ skills(filter: { search: "HEXAGONAL" }) { edges { node { slug } } } }`,
        );
        expect(found.edges.map((e: any) => e.node.slug)).toContain('layered-vs-hexagonal-architecture');
      });
    });

    describe('levels and responsibilities', () => {
      it('lists junior, senior and principal by rank', async () => {
        const { levels } = await query(`{ levels { slug rank } }`);
        expect(levels).toEqual([
          { slug: 'junior', rank: 1 },
          { slug: 'senior', rank: 2 },
          { slug: 'principal', rank: 3 },
        ]);
      });

      it('answers "what does a senior engineer own?" with everything tagged junior+ and senior+', async () => {
        const { level } = await query(`{ level(slug: "senior") {
      own: responsibilities { slug }
      all: responsibilities(includeLowerLevels: true) { slug level { slug } }
    } }`);
        expect(level.own.map((r: any) => r.slug)).toEqual([
          'design-architecture',
          'weigh-quality-attributes',
          'maintain-ci-cd-pipelines',
          'operate-production',
          'mentor-and-coach',
          'understand-the-business',
          'consult-product-managers',
          'launch-and-assess-products',
        ]);
        expect(level.all).toHaveLength(14); // 6 tagged Junior+ and 8 tagged Senior+ in the guide
        expect(new Set(level.all.map((r: any) => r.level.slug))).toEqual(new Set(['junior', 'senior']));
      });

      it('filters responsibilities by category and level', async () => {
        const { responsibilities } = await query(
          `{ responsibilities(filter: { category: LEADERSHIP, level: "principal" }) { slug category } }`,
        );
        expect(responsibilities.map((r: any) => r.slug)).toEqual([
          'define-technical-strategy',
          'refine-development-processes',
          'consult-engineering-managers',
        ]);
        const { responsibilities: leadershipUpToSenior } = await query(
          `{ responsibilities(filter: { category: LEADERSHIP, level: "senior", includeLowerLevels: true }) { slug } }`,
        );
        expect(leadershipUpToSenior).toEqual([{ slug: 'mentor-and-coach' }]);
      });

      it('links a responsibility to the skills it needs', async () => {
        const { responsibilities } = await query(
          `{ responsibilities(filter: { category: TECHNICAL }) { slug skills { slug } } }`,
        );
        const schemaDesign = responsibilities.find((r: any) => r.slug === 'design-database-schemas');
        expect(schemaDesign.skills.map((s: any) => s.slug)).toContain('relational-schema-design');
      });
    });

    describe('resources', () => {
      it('finds the book that teaches schema design', async () => {
        const { resources } = await query(
          `{ resources(filter: { skill: "relational-schema-design", kind: BOOK }) { edges { node { title authors year free } } } }`,
        );
        expect(resources.edges.length).toBeGreaterThan(0);
        for (const { node } of resources.edges) {
          expect(node.authors.length).toBeGreaterThan(0);
          expect(node.year).toEqual(expect.any(Number));
        }
      });

      it('filters free resources and pages them', async () => {
        const { resources } = await query(
          `{ resources(first: 5, filter: { free: true }) { totalCount edges { node { slug free } } pageInfo { hasNextPage } } }`,
        );
        expect(resources.edges).toHaveLength(5);
        expect(resources.edges.every((e: any) => e.node.free)).toBe(true);
        expect(resources.pageInfo.hasNextPage).toBe(true);
      });

      it('looks a resource up by slug with the skills it teaches', async () => {
        const { resource } = await query(
          `{ resource(slug: "designing-data-intensive-applications") { title skills { slug } } }`,
        );
        expect(resource.title).toBe('Designing Data-Intensive Applications');
        expect(resource.skills.map((s: any) => s.slug)).toContain('distributed-systems');
      });
    });

    describe('prerequisiteChain', () => {
      it('answers "what must I learn before distributed transactions?" with depths, edges and an order', async () => {
        const { prerequisiteChain: chain } = await query(`{
      prerequisiteChain(skill: "distributed-transactions") {
        skill { slug } steps { skill { slug } depth } edges { from { slug } to { slug } reason } order { slug }
      }
    }`);
        expect(chain.skill.slug).toBe('distributed-transactions');
        expect(chain.steps.map((s: any) => [s.skill.slug, s.depth])).toEqual([
          ['database-transactions', 1],
          ['distributed-systems', 1],
          ['messaging', 1],
          ['computer-networking', 2],
          ['concurrency', 2],
          ['databases', 2],
          ['sync-vs-async-communication', 2],
          ['algorithms-and-data-structures', 3],
          ['operating-systems', 3],
          ['service-communication', 3],
          ['complexity-analysis', 4],
          ['computer-architecture', 4],
          ['http', 4],
        ]);
        expect(chain.order.map((s: any) => s.slug)).toEqual([
          'complexity-analysis',
          'algorithms-and-data-structures',
          'computer-architecture',
          'computer-networking',
          'databases',
          'http',
          'operating-systems',
          'concurrency',
          'database-transactions',
          'distributed-systems',
          'service-communication',
          'sync-vs-async-communication',
          'messaging',
          'distributed-transactions',
        ]);
        // 16 REQUIRES edges join these 14 skills (counted by hand from data/prerequisites.json).
        expect(chain.edges).toHaveLength(16);
        const position = new Map(chain.order.map((s: any, i: number) => [s.slug, i]));
        for (const edge of chain.edges) {
          expect(position.get(edge.to.slug)).toBeLessThan(position.get(edge.from.slug) as number);
        }
      });

      it('stops at maxDepth', async () => {
        const { prerequisiteChain: chain } = await query(
          `{ prerequisiteChain(skill: "distributed-transactions", maxDepth: 1) { steps { skill { slug } } order { slug } } }`,
        );
        expect(chain.steps.map((s: any) => s.skill.slug)).toEqual([
          'database-transactions',
          'distributed-systems',
          'messaging',
        ]);
        expect(chain.order.map((s: any) => s.slug)).toEqual([
          'database-transactions',
          'distributed-systems',
          'messaging',
          'distributed-transactions',
        ]);
      });

      it('is just the skill for a foundation', async () => {
        const { prerequisiteChain: chain } = await query(
          `{ prerequisiteChain(skill: "computer-networking") { steps { depth } edges { reason } order { slug } } }`,
        );
        expect(chain).toEqual({ steps: [], edges: [], order: [{ slug: 'computer-networking' }] });
      });
    });
  });
}
