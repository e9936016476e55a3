import type { GraphQLField, GraphQLOutputType } from 'graphql';
import { getNullableType, isCompositeType, isListType } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';

import { MAX_CHAIN_DEPTH } from '../domain/model/limits';
import type { GraphExtent } from '../domain/ports/graph-store.port';

// A query's cost is an upper bound on the number of objects its lists can return: each list
// field costs its longest possible length times (1 + what is selected under each item), every
// other field costs what is selected under it, and scalars cost nothing. Execution counts the
// same thing (result-budget.ts), so the estimate can be checked against the real count, and
// a query whose estimate is within the limit cannot exceed the budget.
//
// The lengths are the graph's own (GraphExtent: how many skills the largest area holds today,
// the most prerequisites one skill has, ...) or the arguments that bound a list (`first`).
// Every list of objects in the schema must have a bound here: a list without one makes the
// estimate fail, and a failed estimate refuses the query.

type Args = Readonly<Record<string, unknown>>;

/** What the bounds are computed from. */
export interface CostFacts {
  readonly extent: GraphExtent;
  /**
   * The smallest `hoursPerWeek` any learningPath of the operation asks for, or null when none
   * asks for a schedule. A schedule's weeks depend on the argument of the field above it, which
   * an estimate of the schedule cannot see; the smallest one bounds every schedule of the query.
   */
  readonly hoursPerWeek: number | null;
}

type Bound = (args: Args, facts: CostFacts) => number;

const first: Bound = (args) => Math.max(0, Number(args.first ?? 0));
const extent =
  (key: keyof GraphExtent): Bound =>
  (_args, facts) =>
    facts.extent[key];
const orAllWithLowerLevels =
  (perLevel: keyof GraphExtent, all: keyof GraphExtent): Bound =>
  (args, facts) =>
    args.includeLowerLevels === true ? facts.extent[all] : facts.extent[perLevel];

/** A schedule packs a plan's hours into weeks: no plan has more hours than the whole graph. */
const weeks: Bound = (_args, { extent, hoursPerWeek }) =>
  hoursPerWeek === null ? 0 : Math.ceil(extent.hours / Math.max(1, hoursPerWeek));
/** Each session is at least an hour of one skill, so a week holds at most hoursPerWeek of them. */
const sessionsPerWeek: Bound = (_args, { extent, hoursPerWeek }) =>
  hoursPerWeek === null ? 0 : Math.min(Math.max(1, hoursPerWeek), extent.skills);

/** The longest each list of objects can be, by `Type.field`. */
export const LIST_BOUNDS: Readonly<Record<string, Bound>> = {
  'Query.areas': extent('areas'),
  'Query.levels': extent('levels'),
  'Query.responsibilities': extent('responsibilities'),
  'Query.readyToLearn': first,
  'Query.search': first,
  'Query.unlocks': extent('skills'),
  'Area.skills': extent('skillsPerArea'),
  'SeniorityLevel.skills': orAllWithLowerLevels('skillsPerLevel', 'skills'),
  'SeniorityLevel.responsibilities': orAllWithLowerLevels('responsibilitiesPerLevel', 'responsibilities'),
  'Responsibility.skills': extent('skillsPerResponsibility'),
  'Resource.skills': extent('skillsPerResource'),
  'Skill.children': extent('childrenPerSkill'),
  'Skill.prerequisites': extent('prerequisitesPerSkill'),
  'Skill.dependents': extent('dependentsPerSkill'),
  'Skill.related': extent('relatedPerSkill'),
  'Skill.resources': extent('resourcesPerSkill'),
  'Skill.responsibilities': extent('responsibilitiesPerSkill'),
  // Plans, chains and gaps can hold the whole graph.
  'LearningPath.targets': extent('skills'),
  'LearningPath.steps': extent('skills'),
  'LearningPath.schedule': weeks,
  'StudyWeek.sessions': sessionsPerWeek,
  'LearningStep.neededFor': extent('dependentsPerSkill'),
  'LearningStep.resources': extent('resourcesPerSkill'),
  'GapAnalysis.missingSkills': extent('skills'),
  'GapAnalysis.responsibilities': extent('responsibilities'),
  'ResponsibilityGap.missingSkills': extent('skillsPerResponsibility'),
  'PrerequisiteChain.steps': extent('skills'),
  'PrerequisiteChain.order': extent('skills'),
  'PrerequisiteChain.edges': extent('prerequisites'),
  // A shortest chain is never longer than the longest chain the graph may hold.
  'PrerequisitePath.edges': () => MAX_CHAIN_DEPTH,
  // A page's edges are bounded by `first` of the field above: that field carries the multiplier.
  'SkillConnection.edges': () => 1,
  'ResourceConnection.edges': () => 1,
  'ChangeConnection.edges': () => 1,
  'ProblemConnection.edges': () => 1,
};

/** Fields that return one page: what is under them is multiplied by the page size. */
export const PAGE_FIELDS: Readonly<Record<string, Bound>> = {
  'Query.skills': first,
  'Query.resources': first,
  'Query.changes': first,
  'Query.problems': first,
};

/** A list whose items are objects: the only lists that multiply work. */
export function isObjectList(type: GraphQLOutputType): boolean {
  const nullable = getNullableType(type);
  if (!isListType(nullable)) return false;
  let item: GraphQLOutputType = nullable.ofType;
  while (isListType(getNullableType(item))) item = (getNullableType(item) as { ofType: GraphQLOutputType }).ofType;
  return isCompositeType(getNullableType(item));
}

class MissingListBoundError extends Error {
  constructor(readonly field: string) {
    super(`No bound is declared for the list ${field} (graphql/complexity.ts)`);
    this.name = 'MissingListBoundError';
  }
}

/** graphql-query-complexity's estimator for this model. */
export function costEstimator(facts: CostFacts): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    // Introspection lists the schema: bounded by it, and no store work (not counted when run either).
    if (type.name.startsWith('__')) return 0;
    const key = `${type.name}.${(field as GraphQLField<unknown, unknown>).name}`;
    const page = PAGE_FIELDS[key];
    if (page !== undefined) return page(args, facts) * childComplexity;
    if (!isObjectList(field.type)) return childComplexity;
    const bound = LIST_BOUNDS[key];
    if (bound === undefined) throw new MissingListBoundError(key);
    return bound(args, facts) * (1 + childComplexity);
  };
}
