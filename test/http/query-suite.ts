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

    describe('dataset', () => {
      it('names the edition of data/ and counts what it holds, at revision 0 before any edit', async () => {
        const { dataset } = await query(`{ dataset { version date revision counts {
          areas skills essentialPrerequisites helpfulPrerequisites relatedTopics responsibilities resources freeResources
        } } }`);
        // Counted from data/*.json: 347 prerequisites are 205 ESSENTIAL and 142 HELPFUL; 305 of the
        // 363 resources are free (every one but the 58 PAID).
        expect(dataset).toEqual({
          version: '2.1.0',
          date: '2026-12-08',
          revision: 0,
          counts: {
            areas: 5,
            skills: 172,
            essentialPrerequisites: 205,
            helpfulPrerequisites: 142,
            relatedTopics: 59,
            responsibilities: 17,
            resources: 363,
            freeResources: 305,
          },
        });
      });
    });

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
        prerequisites { skill { slug } reason strength }
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
          // data/related.json: distributed-transactions <-> consensus-and-replication, idempotency <-> distributed-transactions.
          related: [{ slug: 'consensus-and-replication' }, { slug: 'idempotency' }],
        });
        expect(skill.prerequisites).toEqual([
          {
            skill: { slug: 'database-transactions' },
            reason: 'Distributed transactions build on single-database transactions and isolation levels',
            strength: 'ESSENTIAL',
          },
          { skill: { slug: 'distributed-systems' }, reason: expect.any(String), strength: 'ESSENTIAL' },
          { skill: { slug: 'messaging' }, reason: expect.any(String), strength: 'ESSENTIAL' },
        ]);
        expect(skill.resources.length).toBeGreaterThan(0);
        for (const resource of skill.resources) expect(resource.url).toMatch(/^https:\/\//);
      });

      it('lists helpful prerequisites beside essential ones, each with its strength', async () => {
        const { skill } = await query(
          `{ skill(slug: "long-running-transactions") { prerequisites { skill { slug } reason strength } } }`,
        );
        expect(skill.prerequisites).toEqual([
          {
            skill: { slug: 'distributed-transactions' },
            reason: 'Sagas replace a distributed transaction when locks cannot be held for long',
            strength: 'ESSENTIAL',
          },
          {
            skill: { slug: 'workflow-orchestration' },
            reason: 'An orchestrated saga is a workflow with compensating steps',
            strength: 'HELPFUL',
          },
        ]);
      });

      it('lists the aliases people type for a skill, as data/ gives them', async () => {
        const { skill } = await query(`{ skill(slug: "container-orchestration") { name aliases } }`);
        expect(skill).toEqual({
          name: 'Container orchestration with Kubernetes',
          aliases: ['Kubernetes', 'K8s', 'kube', 'kubectl', 'container scheduling'],
        });
      });

      it('answers an unknown skill slug with null', async () => {
        expect(await query(`{ skill(slug: "astrology") { slug } }`)).toEqual({ skill: null });
      });

      it('takes a slug typed in another case as the slug it can only mean, in every question', async () => {
        // The same questions, once with the slugs as they are and once as a reader might type them.
        const questions = (typed: (slug: string) => string) => `{
          skill(slug: "${typed('http')}") { slug } area(slug: "${typed('operations')}") { slug }
          level(slug: "${typed('senior')}") { slug }
          resource(slug: "${typed('designing-data-intensive-applications')}") { slug }
          skills(first: 3, filter: { area: "${typed('operations')}", level: "${typed('junior')}" }) {
            totalCount edges { node { slug } }
          }
          resources(first: 2, filter: { skill: "${typed('caching')}" }) { totalCount }
          responsibilities(filter: { level: "${typed('senior')}" }) { slug }
          prerequisiteChain(skill: "${typed('distributed-transactions')}", maxDepth: 2) { order { slug } }
          learningPath(targets: ["${typed('caching')}"], known: ["${typed('http')}", "http"]) {
            totalHours steps { skill { slug } }
          }
          readyToLearn(known: ["${typed('http')}"], first: 3) { skill { slug } }
          gapAnalysis(level: "${typed('junior')}", known: ["${typed('sql')}"]) { missingSkills { slug } }
          explainPrerequisite(skill: "${typed('distributed-transactions')}", requires: "${typed('concurrency')}") {
            length
          }
        }`;
        const lower = await query(questions((slug) => slug));
        const upper = await query(questions((slug) => slug.toUpperCase()));
        const capitalised = await query(questions((slug) => slug.replace(/(^|-)[a-z]/g, (c) => c.toUpperCase())));
        expect(lower.skill).toEqual({ slug: 'http' });
        expect(lower.learningPath.steps.length).toBeGreaterThan(0);
        expect(upper).toEqual(lower);
        expect(capitalised).toEqual(lower);
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
        // The senior skills of development-process in data/skills.json, by slug.
        expect(skills.totalCount).toBe(9);
        expect(skills.edges.map((e: any) => e.node.slug)).toEqual([
          'business-acumen',
          'calms',
          'continuous-delivery',
          'hiring-and-interviewing',
          'mentoring-and-coaching',
          'product-analytics-and-experimentation',
          'product-discovery',
          'roadmapping-and-prioritization',
          'stakeholder-communication',
        ]);
        const { skills: found } = await query(
          `{ skills(filter: { search: "HEXAGONAL" }) { edges { node { slug } } } }`,
        );
        expect(found.edges.map((e: any) => e.node.slug)).toContain('layered-vs-hexagonal-architecture');
        // An alias counts as text of the skill: only container orchestration lists "K8s".
        const { skills: byAlias } = await query(`{ skills(filter: { search: "k8s" }) { edges { node { slug } } } }`);
        expect(byAlias.edges.map((e: any) => e.node.slug)).toEqual(['container-orchestration']);
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
        expect(resource.title).toBe('Designing Data-Intensive Applications (2nd edition)');
        expect(resource.skills.map((s: any) => s.slug)).toContain('distributed-systems');
      });

      it('says what each resource asks of a learner and how much it expects them to know', async () => {
        const { paid, walled, everyLevel, lecture } = await query(`{
          paid: resource(slug: "a-philosophy-of-software-design") { free access difficulty }
          walled: resource(slug: "mongodb-university") { free access difficulty }
          everyLevel: resource(slug: "ossu-computer-science") { free access difficulty }
          lecture: resource(slug: "kleppmann-distributed-systems-lectures") { kind free access difficulty skills { slug } }
        }`);
        expect(paid).toEqual({ free: false, access: 'PAID', difficulty: 'INTERMEDIATE' });
        // A free account is still free: registration walls are told apart by access alone.
        expect(walled).toEqual({ free: true, access: 'FREE_WITH_REGISTRATION', difficulty: 'INTRODUCTORY' });
        expect(everyLevel).toEqual({ free: true, access: 'FREE', difficulty: null });
        expect(lecture).toEqual({
          kind: 'VIDEO',
          free: true,
          access: 'FREE',
          difficulty: 'INTERMEDIATE',
          skills: [{ slug: 'consensus-and-replication' }, { slug: 'distributed-systems' }],
        });
      });

      it('filters resources by access, alone and beside the free flag', async () => {
        const { walled, paid, none } = await query(`{
          walled: resources(first: 10, filter: { access: FREE_WITH_REGISTRATION }) { totalCount edges { node { slug } } }
          paid: resources(first: 1, filter: { access: PAID }) { totalCount }
          none: resources(first: 1, filter: { access: PAID, free: true }) { totalCount }
        }`);
        expect(walled).toEqual({
          totalCount: 5,
          edges: [
            'cis-benchmarks',
            'exercism',
            'mongodb-university',
            'neo4j-graphacademy',
            'portswigger-web-security-academy',
          ].map((slug) => ({ node: { slug } })),
        });
        expect(paid.totalCount).toBe(58);
        expect(none.totalCount).toBe(0);
      });
    });

    describe('prerequisiteChain', () => {
      it('answers "what must I learn before distributed transactions?" with depths, edges and an order', async () => {
        const { prerequisiteChain: chain } = await query(`{
      prerequisiteChain(skill: "distributed-transactions") {
        skill { slug } steps { skill { slug } depth } edges { from { slug } to { slug } reason strength } order { slug }
      }
    }`);
        expect(chain.skill.slug).toBe('distributed-transactions');
        // Essential edges only (the default). Depth 2 reaches relational-databases through
        // database-transactions and idempotency through messaging; depth 4 the foundations.
        expect(chain.steps.map((s: any) => [s.skill.slug, s.depth])).toEqual([
          ['database-transactions', 1],
          ['distributed-systems', 1],
          ['messaging', 1],
          ['computer-networking', 2],
          ['concurrency', 2],
          ['idempotency', 2],
          ['relational-databases', 2],
          ['sync-vs-async-communication', 2],
          ['backend-application-development', 3],
          ['operating-systems', 3],
          ['service-communication', 3],
          ['sql', 3],
          ['computer-architecture', 4],
          ['http', 4],
          ['programming-in-one-language', 4],
        ]);
        expect(chain.order.map((s: any) => s.slug)).toEqual([
          'computer-architecture',
          'computer-networking',
          'http',
          'programming-in-one-language',
          'operating-systems',
          'concurrency',
          'distributed-systems',
          'service-communication',
          'sql',
          'backend-application-development',
          'idempotency',
          'relational-databases',
          'database-transactions',
          'sync-vs-async-communication',
          'messaging',
          'distributed-transactions',
        ]);
        // 19 essential REQUIRES edges join these 16 skills (counted by hand from data/prerequisites.json).
        expect(chain.edges).toHaveLength(19);
        expect(new Set(chain.edges.map((e: any) => e.strength))).toEqual(new Set(['ESSENTIAL']));
        const position = new Map(chain.order.map((s: any, i: number) => [s.slug, i]));
        for (const edge of chain.edges) {
          expect(position.get(edge.to.slug)).toBeLessThan(position.get(edge.from.slug) as number);
        }
      });

      it('with includeHelpful, follows helpful prerequisites too and marks their edges HELPFUL', async () => {
        const { prerequisiteChain: chain } = await query(`{
      prerequisiteChain(skill: "distributed-transactions", includeHelpful: true) {
        steps { skill { slug } depth } edges { from { slug } to { slug } strength } order { slug }
      }
    }`);
        // The same 15 skills, joined by five more edges, all helpful; programming-in-one-language
        // comes one hop closer, through computer-networking's helpful edge.
        expect(chain.steps).toHaveLength(15);
        expect(chain.steps).toContainEqual({ skill: { slug: 'programming-in-one-language' }, depth: 3 });
        expect(chain.edges).toHaveLength(24);
        const helpful = chain.edges
          .filter((e: any) => e.strength === 'HELPFUL')
          .map((e: any) => `${e.from.slug} -> ${e.to.slug}`)
          .sort();
        expect(helpful).toEqual([
          'backend-application-development -> relational-databases',
          'computer-architecture -> programming-in-one-language',
          'computer-networking -> programming-in-one-language',
          'database-transactions -> concurrency',
          'idempotency -> database-transactions',
        ]);
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

      it('is just the skill for a foundation, whose only prerequisite is helpful', async () => {
        // computer-networking helpfully requires programming-in-one-language, and nothing essentially.
        const { essential, all } = await query(`{
      essential: prerequisiteChain(skill: "computer-networking") { steps { depth } edges { reason } order { slug } }
      all: prerequisiteChain(skill: "computer-networking", includeHelpful: true) {
        steps { skill { slug } depth } edges { from { slug } to { slug } strength } order { slug }
      }
    }`);
        expect(essential).toEqual({ steps: [], edges: [], order: [{ slug: 'computer-networking' }] });
        expect(all).toEqual({
          steps: [{ skill: { slug: 'programming-in-one-language' }, depth: 1 }],
          edges: [
            {
              from: { slug: 'computer-networking' },
              to: { slug: 'programming-in-one-language' },
              strength: 'HELPFUL',
            },
          ],
          order: [{ slug: 'programming-in-one-language' }, { slug: 'computer-networking' }],
        });
      });
    });
  });
}
