import { MAX_CHAIN_DEPTH } from '../../model/limits';
import { findCycle, prerequisiteStructure } from '../../graph/prerequisite-graph';
import type { RecordOfKind } from './record-rules';
import type { RuleId } from './rules';

// The rules of records together, over a whole graph: what the dataset loader checks once every
// record has passed its own rules (record-rules.ts). A write checks the same rules on the records
// it touches (write-checks.ts), inside its transaction.

export interface GraphRecords {
  readonly areas: readonly RecordOfKind<'area'>[];
  readonly levels: readonly RecordOfKind<'level'>[];
  readonly skills: readonly RecordOfKind<'skill'>[];
  readonly prerequisites: readonly RecordOfKind<'prerequisite'>[];
  readonly related: readonly RecordOfKind<'related'>[];
  readonly responsibilities: readonly RecordOfKind<'responsibility'>[];
  readonly resources: readonly RecordOfKind<'resource'>[];
}

/**
 * The slugs each kind of record claims, valid or not. References resolve against these, so one
 * bad record gives one problem, not one more for every edge that points at it.
 */
export interface ClaimedSlugs {
  readonly areas: ReadonlySet<string>;
  readonly levels: ReadonlySet<string>;
  readonly skills: ReadonlySet<string>;
}

export interface GraphProblem {
  readonly rule: RuleId;
  /** Names the records: `skills "a": unknown area "nowhere"`. */
  readonly message: string;
}

export function graphProblems(graph: GraphRecords, claimed: ClaimedSlugs): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const report = (rule: RuleId, message: string) => problems.push({ rule, message });
  // `where` is a function: naming each of 300,000 edges up front, to report none, cost a start
  // at 100,000 skills a noticeable share of its time.
  const expect = (where: () => string, kind: string, slugs: ReadonlySet<string>, value: string) => {
    if (!slugs.has(value)) report('known-reference', `${where()}: unknown ${kind} "${value}"`);
  };

  const { areas, levels, skills, responsibilities, resources } = graph;
  for (const [file, records] of Object.entries({ areas, levels, skills, responsibilities, resources })) {
    for (const slug of repeated(records.map((r) => r.slug))) {
      report('unique-slug', `${file} "${slug}": slug is used twice`);
    }
  }
  const ranks = new Set<number>();
  for (const level of graph.levels) {
    if (ranks.has(level.rank)) report('unique-rank', `levels "${level.slug}": rank ${level.rank} is used twice`);
    ranks.add(level.rank);
  }

  for (const skill of graph.skills) {
    const where = () => `skills "${skill.slug}"`;
    expect(where, 'area', claimed.areas, skill.area);
    expect(where, 'level', claimed.levels, skill.level);
    if (skill.parent !== null) expect(() => `${where()} parent`, 'skill', claimed.skills, skill.parent);
  }
  const parentCycle = findCycle(
    graph.skills.flatMap((s) =>
      s.parent === null ? [] : [{ skill: s.slug, requires: s.parent, reason: '', strength: 'ESSENTIAL' as const }],
    ),
  );
  if (parentCycle) report('acyclic-parents', `skills: parent cycle ${parentCycle.join(' → ')}`);

  const edgeKeys = new Set<string>();
  for (const edge of graph.prerequisites) {
    const where = () => `prerequisites "${edge.skill}" → "${edge.requires}"`;
    expect(where, 'skill', claimed.skills, edge.skill);
    expect(where, 'skill', claimed.skills, edge.requires);
    const key = `${edge.skill}\u0000${edge.requires}`;
    if (edgeKeys.has(key)) report('unique-edge', `${where()}: listed twice`);
    edgeKeys.add(key);
  }
  const { cycle, longestChain: chain } = prerequisiteStructure(graph.prerequisites);
  if (cycle) report('acyclic-prerequisites', `prerequisites: cycle ${cycle.join(' → ')}`);
  if (chain.length - 1 > MAX_CHAIN_DEPTH) {
    report(
      'chain-length',
      `prerequisites: a chain of ${chain.length - 1} steps is longer than ${MAX_CHAIN_DEPTH}: ${chain.join(' → ')}`,
    );
  }

  const relatedKeys = new Set<string>();
  for (const { skill, related } of graph.related) {
    const where = () => `related "${skill}" ↔ "${related}"`;
    expect(where, 'skill', claimed.skills, skill);
    expect(where, 'skill', claimed.skills, related);
    const key = skill < related ? `${skill}\u0000${related}` : `${related}\u0000${skill}`;
    if (relatedKeys.has(key)) report('unique-edge', `${where()}: listed twice`);
    relatedKeys.add(key);
  }

  for (const r of graph.responsibilities) {
    const where = () => `responsibilities "${r.slug}"`;
    expect(where, 'level', claimed.levels, r.level);
    for (const skill of r.skills) expect(where, 'skill', claimed.skills, skill);
  }
  for (const r of graph.resources) {
    for (const skill of r.skills) expect(() => `resources "${r.slug}"`, 'skill', claimed.skills, skill);
  }
  return problems;
}

/** Values that occur more than once, each reported once. */
function repeated(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeats = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) repeats.add(value);
    seen.add(value);
  }
  return [...repeats];
}
