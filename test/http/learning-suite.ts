import type { TestServer } from '../support/test-server';
import { execute } from '../support/test-server';

/**
 * The learning queries over the canonical dataset, through HTTP. Expected answers were worked
 * out by hand from data/prerequisites.json and data/skills.json (the working is in the comments).
 * Run against every store.
 */
export function defineLearningSuite(storeName: string, start: () => Promise<TestServer>): void {
  describe(`learning queries over the canonical dataset (${storeName} store)`, () => {
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
    const slugs = (items: { slug: string }[]) => items.map((s) => s.slug);

    describe('learningPath', () => {
      // Known: databases (so also algorithms-and-data-structures, complexity-analysis) and http (so
      // also computer-networking). Still needed for distributed transactions: 8 skills and the target.
      // Ready first: computer-architecture and service-communication; the smaller slug goes first.
      const plan = `{
        learningPath(targets: ["distributed-transactions"], known: ["databases", "http"], hoursPerWeek: 10) {
          targets { slug } totalHours hoursPerWeek weeks
          steps { position skill { slug } hours isTarget neededFor { skill { slug } reason } }
          schedule { week hours sessions { skill { slug } hours } }
        }
      }`;

      it('orders what is still needed, skipping known skills and their prerequisites', async () => {
        const { learningPath: path } = await query(plan);
        expect(path.steps.map((s: any) => [s.position, s.skill.slug, s.hours, s.isTarget])).toEqual([
          [1, 'computer-architecture', 40, false],
          [2, 'operating-systems', 60, false],
          [3, 'concurrency', 30, false],
          [4, 'database-transactions', 15, false],
          [5, 'distributed-systems', 80, false],
          [6, 'service-communication', 20, false],
          [7, 'sync-vs-async-communication', 6, false],
          [8, 'messaging', 20, false],
          [9, 'distributed-transactions', 20, true],
        ]);
        expect(path.targets).toEqual([{ slug: 'distributed-transactions' }]);
      });

      it('says which later steps need each step, and why', async () => {
        const { learningPath: path } = await query(plan);
        const concurrency = path.steps.find((s: any) => s.skill.slug === 'concurrency');
        expect(concurrency.neededFor).toEqual([
          {
            skill: { slug: 'database-transactions' },
            reason: 'Isolation anomalies are race conditions; concurrency explains why they happen',
          },
          {
            skill: { slug: 'distributed-systems' },
            reason: 'A distributed system is concurrency across machines without a shared clock or memory',
          },
        ]);
        expect(path.steps[8].neededFor).toEqual([]);
      });

      it('adds up the hours and packs them into weeks', async () => {
        const { learningPath: path } = await query(plan);
        // 40 + 60 + 30 + 15 + 80 + 20 + 6 + 20 + 20 = 291 hours: 30 weeks at 10 hours.
        expect(path).toMatchObject({ totalHours: 291, hoursPerWeek: 10, weeks: 30 });
        expect(path.schedule).toHaveLength(30);
        expect(path.schedule[0]).toEqual({
          week: 1,
          hours: 10,
          sessions: [{ skill: { slug: 'computer-architecture' }, hours: 10 }],
        });
        // Weeks 1-4 architecture, 5-10 operating systems, 11-13 concurrency, 14 transactions...
        expect(path.schedule[14]).toEqual({
          week: 15,
          hours: 10,
          sessions: [
            { skill: { slug: 'database-transactions' }, hours: 5 },
            { skill: { slug: 'distributed-systems' }, hours: 5 },
          ],
        });
        expect(path.schedule[29]).toEqual({
          week: 30,
          hours: 1,
          sessions: [{ skill: { slug: 'distributed-transactions' }, hours: 1 }],
        });
      });

      it('recommends only resources that pass the filter, free and short first', async () => {
        const { learningPath: path } = await query(`{
          learningPath(targets: ["health-checks"], known: ["observability"], resourceFilter: { free: true, maxHours: 5 }) {
            steps { skill { slug } resources { slug free estimatedHours } }
          }
        }`);
        expect(path.steps.map((s: any) => s.skill.slug)).toEqual(['health-checks']);
        const resources = path.steps[0].resources;
        expect(resources.length).toBeGreaterThan(0);
        for (const r of resources) expect(r).toMatchObject({ free: true, estimatedHours: expect.any(Number) });
        expect(resources.every((r: any) => r.estimatedHours <= 5)).toBe(true);
        const hours = resources.map((r: any) => r.estimatedHours);
        expect(hours).toEqual([...hours].sort((a, b) => a - b));
      });

      it('has nothing to learn when the target is already known through a known skill', async () => {
        // restful-api-design requires http, so knowing it means knowing http.
        const { learningPath: path } = await query(
          `{ learningPath(targets: ["http"], known: ["restful-api-design"]) { steps { skill { slug } } totalHours weeks schedule { week } } }`,
        );
        expect(path).toEqual({ steps: [], totalHours: 0, weeks: null, schedule: null });
      });
    });

    describe('readyToLearn', () => {
      it('offers the seven foundations to a beginner, those that unlock most first', async () => {
        const { readyToLearn } = await query(`{ readyToLearn(known: [], first: 20) { skill { slug } unlockCount } }`);
        // Foundations: the skills of data/skills.json that require nothing. The small counts by hand:
        // lean -> agile, product-discovery, devops, calms, shift-left, team-organization (6);
        // version-control -> trunk-based-development, continuous-integration, code-review,
        // infrastructure-as-code, continuous-delivery, evolutionary-architecture (6);
        // computer-security -> cryptography-basics, secure-coding, data-validation, config-and-secret-management (4).
        expect(readyToLearn.map((r: any) => r.skill.slug).sort()).toEqual([
          'complexity-analysis',
          'computer-architecture',
          'computer-networking',
          'computer-security',
          'lean',
          'programming-languages',
          'version-control',
        ]);
        expect(readyToLearn.slice(-3)).toEqual([
          { skill: { slug: 'lean' }, unlockCount: 6 },
          { skill: { slug: 'version-control' }, unlockCount: 6 },
          { skill: { slug: 'computer-security' }, unlockCount: 4 },
        ]);
        const counts = readyToLearn.map((r: any) => r.unlockCount);
        expect(counts).toEqual([...counts].sort((a, b) => b - a));
      });

      it('adds a skill once all its prerequisites are known', async () => {
        // computer-security is required by cryptography-basics and secure-coding (nothing else) and
        // by config-and-secret-management, which also needs backend-application-development and
        // twelve-factor-app. secure-coding unlocks data-validation.
        const { readyToLearn } = await query(
          `{ readyToLearn(known: ["computer-security"], first: 20) { skill { slug } unlockCount } }`,
        );
        const ready = readyToLearn.map((r: any) => r.skill.slug);
        expect(readyToLearn).toContainEqual({ skill: { slug: 'cryptography-basics' }, unlockCount: 0 });
        expect(readyToLearn).toContainEqual({ skill: { slug: 'secure-coding' }, unlockCount: 1 });
        expect(ready).not.toContain('config-and-secret-management');
        expect(ready).not.toContain('computer-security');
        expect(ready).toHaveLength(8); // the six other foundations and the two new skills
      });

      it('returns at most `first`', async () => {
        const { readyToLearn } = await query(`{ readyToLearn(known: [], first: 2) { skill { slug } } }`);
        expect(readyToLearn).toHaveLength(2);
      });
    });

    describe('unlocks', () => {
      it('ranks what a skill unlocks by impact, with distances', async () => {
        // distributed-transactions (1 hop) is required by long-running-transactions (2 hops).
        const { unlocks } = await query(
          `{ unlocks(skill: "database-transactions", maxDepth: 5) { skill { slug } distance unlockCount } }`,
        );
        expect(unlocks).toEqual([
          { skill: { slug: 'distributed-transactions' }, distance: 1, unlockCount: 1 },
          { skill: { slug: 'long-running-transactions' }, distance: 2, unlockCount: 0 },
        ]);
      });

      it('stops at maxDepth', async () => {
        const { unlocks } = await query(`{ unlocks(skill: "database-transactions", maxDepth: 1) { skill { slug } } }`);
        expect(unlocks).toEqual([{ skill: { slug: 'distributed-transactions' } }]);
      });
    });

    describe('gapAnalysis', () => {
      it('lists junior responsibilities with what is missing, and plans the whole gap', async () => {
        // restful-api-design implies api-styles, http and more; with error-handling and
        // data-validation, everything "API design" needs is known.
        const { gapAnalysis } = await query(`{
          gapAnalysis(level: "junior", known: ["restful-api-design", "error-handling", "data-validation"]) {
            level { slug }
            responsibilities { responsibility { slug } covered missingSkills { slug } }
            missingSkills { slug }
            learningPath { steps { skill { slug } } }
          }
        }`);
        expect(gapAnalysis.level).toEqual({ slug: 'junior' });
        expect(gapAnalysis.responsibilities.map((r: any) => r.responsibility.slug)).toEqual([
          'design-apis',
          'design-database-schemas',
          'design-components',
          'write-high-quality-code',
          'write-and-run-tests',
          'test-and-dogfood-products',
        ]);
        expect(gapAnalysis.responsibilities[0]).toEqual({
          responsibility: { slug: 'design-apis' },
          covered: true,
          missingSkills: [],
        });
        const schemas = gapAnalysis.responsibilities[1];
        expect(schemas.covered).toBe(false);
        expect(slugs(schemas.missingSkills)).toEqual([
          'database-indexing',
          'database-types',
          'relational-databases',
          'relational-schema-design',
        ]);
        const planned = new Set(gapAnalysis.learningPath.steps.map((s: any) => s.skill.slug));
        for (const missing of slugs(gapAnalysis.missingSkills)) expect(planned.has(missing)).toBe(true);
        expect(planned.has('http')).toBe(false);
      });
    });

    describe('explainPrerequisite', () => {
      it('gives the shortest chain with a reason on every edge', async () => {
        const { explainPrerequisite } = await query(`{
          explainPrerequisite(skill: "distributed-transactions", requires: "computer-networking") {
            length edges { from { slug } to { slug } reason }
          }
        }`);
        expect(explainPrerequisite).toEqual({
          length: 2,
          edges: [
            {
              from: { slug: 'distributed-transactions' },
              to: { slug: 'distributed-systems' },
              reason: 'Partial failure and unreliable networks are what make transactions across services hard',
            },
            {
              from: { slug: 'distributed-systems' },
              to: { slug: 'computer-networking' },
              reason: 'Distributed systems talk over unreliable networks, so the limits of networking come first',
            },
          ],
        });
      });

      it('breaks a tie between equally short chains by the smallest slugs', async () => {
        // Two 3-step chains: via database-transactions or via distributed-systems.
        const { explainPrerequisite } = await query(`{
          explainPrerequisite(skill: "long-running-transactions", requires: "concurrency") { length edges { to { slug } } }
        }`);
        expect(explainPrerequisite.length).toBe(3);
        expect(explainPrerequisite.edges.map((e: any) => e.to.slug)).toEqual([
          'distributed-transactions',
          'database-transactions',
          'concurrency',
        ]);
      });

      it('is null when the skill does not need the other', async () => {
        expect(await query(`{ explainPrerequisite(skill: "http", requires: "databases") { length } }`)).toEqual({
          explainPrerequisite: null,
        });
      });
    });

    describe('search', () => {
      it('finds distributed transactions despite two typos', async () => {
        const { search } = await query(
          `{ search(text: "distrbuted transactons", first: 5) { score node { __typename ... on Skill { slug } } } }`,
        );
        expect(search[0].node).toEqual({ __typename: 'Skill', slug: 'distributed-transactions' });
        expect(search[0].score).toBeGreaterThan(0);
      });

      it('finds resources and areas too', async () => {
        const { book, area } = await query(`{
          book: search(text: "designing data-intensive applications", first: 1) { node { __typename ... on Resource { slug } } }
          area: search(text: "operations", first: 3) { node { __typename ... on Area { slug } } }
        }`);
        expect(book[0].node).toEqual({ __typename: 'Resource', slug: 'designing-data-intensive-applications' });
        expect(area.map((h: any) => h.node)).toContainEqual({ __typename: 'Area', slug: 'operations' });
      });
    });

    describe('prerequisiteGraph', () => {
      // long-running-transactions requires distributed-transactions and workflow-orchestration.
      it('draws the chain as Mermaid, prerequisites pointing to what they enable', async () => {
        const { prerequisiteGraph } = await query(
          `{ prerequisiteGraph(skill: "long-running-transactions", maxDepth: 1) { format source } }`,
        );
        expect(prerequisiteGraph).toEqual({
          format: 'MERMAID',
          source: [
            'flowchart LR',
            '  distributed_transactions["Distributed transactions"]',
            '  workflow_orchestration["Workflow orchestration"]',
            '  long_running_transactions["Long-running transactions and sagas"]',
            '  distributed_transactions --> long_running_transactions',
            '  workflow_orchestration --> long_running_transactions',
            '  classDef target stroke-width:3px;',
            '  class long_running_transactions target;',
            '',
          ].join('\n'),
        });
      });

      it('writes DOT and JSON too', async () => {
        const { dot, json } = await query(`{
          dot: prerequisiteGraph(skill: "long-running-transactions", format: DOT, maxDepth: 1) { source }
          json: prerequisiteGraph(skill: "long-running-transactions", format: JSON, maxDepth: 1) { source }
        }`);
        expect(dot.source).toContain('"distributed-transactions" -> "long-running-transactions" [tooltip=');
        expect(dot.source).toContain(
          '"long-running-transactions" [label="Long-running transactions and sagas", penwidth=3];',
        );
        expect(JSON.parse(json.source)).toEqual({
          skill: 'long-running-transactions',
          nodes: [
            { slug: 'long-running-transactions', name: 'Long-running transactions and sagas', depth: 0 },
            { slug: 'distributed-transactions', name: 'Distributed transactions', depth: 1 },
            { slug: 'workflow-orchestration', name: 'Workflow orchestration', depth: 1 },
          ],
          edges: [
            {
              from: 'long-running-transactions',
              to: 'distributed-transactions',
              reason: 'Sagas replace a distributed transaction when locks cannot be held for long',
            },
            {
              from: 'long-running-transactions',
              to: 'workflow-orchestration',
              reason: 'An orchestrated saga is a workflow with compensating steps',
            },
          ],
          order: ['distributed-transactions', 'workflow-orchestration', 'long-running-transactions'],
        });
      });
    });
  });
}
