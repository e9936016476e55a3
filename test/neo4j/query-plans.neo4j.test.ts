import type { Driver, ProfiledPlan } from 'neo4j-driver';
import neo4j from 'neo4j-driver';

import { loadStatements } from '../../src/adapters/neo4j/cypher-statements';
import type { StatementName } from '../../src/adapters/neo4j/cypher-statements';
import { createNeo4jDriver } from '../../src/adapters/neo4j/neo4j-driver.factory';
import { describeOnNeo4j, reseed } from '../support/neo4j';

// How Neo4j runs the statements, read from its own plans, so an edit to cypher/ cannot quietly
// turn a bounded traversal into one that enumerates every path, or a page into a full scan.

interface PlanNode {
  readonly operatorType: string;
  readonly arguments: Record<string, unknown>;
  readonly children: readonly PlanNode[];
  readonly rows?: number;
}

function operators(plan: PlanNode): PlanNode[] {
  return [plan, ...plan.children.flatMap(operators)];
}

const details = (op: PlanNode) => String(op.arguments.Details ?? '');

/** The most rows any operator produced, leaving out the part that computes totalCount. */
function pageRows(plan: PlanNode): number {
  if (/AS totalCount/.test(details(plan))) return 0;
  return Math.max(plan.rows ?? 0, ...plan.children.map(pageRows));
}
/** `[:REQUIRES*1..25]` or a quantified path pattern, `(()-[...]->()){1,25}`. */
const VARIABLE_LENGTH = /\*\d*\.\.\d+|\)\{\d*,\d+\}/;

describeOnNeo4j('query plans on Neo4j', (config) => {
  const statements = loadStatements();
  let driver: Driver;
  beforeAll(async () => {
    await reseed(config);
    driver = createNeo4jDriver(config);
  });
  afterAll(() => driver?.close());

  const run = (cypher: string, params: Record<string, unknown> = {}) =>
    driver.executeQuery(cypher, params, { database: config.database });

  describe('variable-length patterns', () => {
    const traversals = (Object.keys(statements) as StatementName[]).filter((name) =>
      VARIABLE_LENGTH.test(statements[name]),
    );

    it('are in the statements that walk chains, and only there (counts are kept on the nodes)', () => {
      expect(traversals.sort()).toEqual(['dependent-closure', 'prerequisite-closure', 'refresh-unlock-counts']);
    });

    it.each(traversals)('%s plans every one as the pruning var-length expand', async (name) => {
      const { summary } = await run(`EXPLAIN ${statements[name]}`, { slugs: ['http'], first: neo4j.int(5) });
      const expands = operators(summary.plan as unknown as PlanNode).filter((op) =>
        op.operatorType.startsWith('VarLengthExpand'),
      );
      expect(expands.length).toBeGreaterThan(0);
      // "VarLengthExpand(Pruning,BFS,All)": visits each node once per depth instead of every path.
      for (const op of expands) expect(op.operatorType).toMatch(/^VarLengthExpand\(Pruning/);
      // A quantified path pattern the planner cannot turn into that runs as Repeat(Trail): every path.
      const plan = operators(summary.plan as unknown as PlanNode).map((op) => op.operatorType);
      expect(plan.filter((type) => type.startsWith('Repeat'))).toEqual([]);
    });
  });

  describe('ranking the foundations', () => {
    it('reads the unlockCount index in descending order and stops early, instead of visiting every skill', async () => {
      const { summary } = await run(`EXPLAIN ${statements['ranked-foundations']}`, { first: neo4j.int(5) });
      const plan = operators(summary.plan as unknown as PlanNode);
      expect(plan.map((op) => op.operatorType.replace(/@.*/, ''))).toEqual(
        expect.arrayContaining(['PartialTop', 'NodeIndexSeekByRange']),
      );
      expect(plan.some((op) => op.operatorType.startsWith('NodeByLabelScan'))).toBe(false);
    });
  });

  describe('pages of skills and resources', () => {
    it.each([
      ['list-skills', { area: null, level: null, search: null }, 3],
      // An area holds about a fifth of the skills: the walk passes over the others, never all of them.
      ['list-skills', { area: 'operations', level: null, search: null }, 85],
      ['list-resources', { kind: null, free: null, access: null, skill: null }, 3],
    ] as const)('%s (%j) walks the slug index and stops at the page', async (name, filter, mostRows) => {
      const result = await run(`PROFILE ${statements[name]}`, { ...filter, after: 'd', limit: neo4j.int(3) });
      const [record] = result.records;
      expect(record.get('items')).toHaveLength(3);
      expect(record.get('totalCount').toNumber()).toBeGreaterThan(3);
      const plan = result.summary.profile as ProfiledPlan as unknown as PlanNode;
      expect(operators(plan).some((op) => op.operatorType.startsWith('NodeUniqueIndexSeekByRange'))).toBe(true);
      expect(pageRows(plan)).toBeLessThanOrEqual(mostRows);
    });
  });

  describe('pages of changes and problems', () => {
    const TOTAL = 300;
    const LIMIT = 6;
    beforeAll(async () => {
      await run('UNWIND range(1, $n) AS i CREATE (:Change {sequence: i, editor: "plan-test"})', {
        n: neo4j.int(TOTAL),
      });
      await run(
        `UNWIND range(1, $n) AS i CREATE (:Problem {id: "plan-" + i, sequence: i, skill: "http", message: "m",
           status: CASE WHEN i % 3 = 0 THEN 'OPEN' ELSE 'RESOLVED' END})`,
        { n: neo4j.int(TOTAL) },
      );
    });
    afterAll(() => reseed(config));

    it.each([
      ['list-changes', {}, TOTAL, [199, 198, 197, 196, 195, 194]],
      ['list-problems', {}, TOTAL, [199, 198, 197, 196, 195, 194]],
      ['list-problems-with-status', { status: 'OPEN' }, TOTAL / 3, [198, 195, 192, 189, 186, 183]],
    ] as const)('%s reads only the rows of the page it returns', async (name, params, total, page) => {
      const result = await run(`PROFILE ${statements[name]}`, {
        ...params,
        before: neo4j.int(200),
        limit: neo4j.int(LIMIT),
      });
      const [record] = result.records;
      expect(record.get('totalCount').toNumber()).toBe(total);
      expect(record.get('items').map((node: any) => node.properties.sequence.toNumber())).toEqual(page);
      expect(pageRows(result.summary.profile as ProfiledPlan as unknown as PlanNode)).toBeLessThanOrEqual(LIMIT);
    });
  });
});
