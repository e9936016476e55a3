import type { FieldNode } from 'graphql';
import type { ComplexityEstimatorArgs } from 'graphql-query-complexity';

// What each list field costs, for the cost limit. A field costs 1 plus what is selected under it
// times how many items it may return: `first` or `maxDepth` where the client says, an assumed
// fan-out elsewhere. The graph's lists are short (a skill has on average under two
// prerequisites and three resources), so 5 leaves room without letting nested lists explode.

export const ASSUMED_LIST_SIZE = 5;
/** Plans and gap analyses list every skill on the way to a goal. */
export const ASSUMED_PLAN_SIZE = 25;

export const listCost = ({ childComplexity }: ComplexityEstimatorArgs) => 1 + ASSUMED_LIST_SIZE * childComplexity;

export const planCost = ({ childComplexity }: ComplexityEstimatorArgs) => 1 + ASSUMED_PLAN_SIZE * childComplexity;

export const perFirst = ({ args, childComplexity }: ComplexityEstimatorArgs) =>
  1 + Math.max(1, Number(args.first ?? 1)) * childComplexity;

export const perDepth = ({ args, childComplexity }: ComplexityEstimatorArgs) =>
  1 + Math.max(1, Number(args.maxDepth ?? 1)) * childComplexity;

/** Study hours assumed per plan step, to size a schedule before the plan exists. */
export const ASSUMED_HOURS_PER_STEP = 20;
/** What one week of a schedule costs: the week, its sessions and their skills. */
export const SCHEDULE_WEEK_COST = 10;

/**
 * A learning plan grows with its targets (ASSUMED_PLAN_SIZE steps each), and its schedule with
 * the hours it spreads over the weeks: at 1 hour a week, a plan of 50 targets is thousands of
 * weeks. So the schedule, when selected, costs its assumed weeks, and a request for an enormous
 * one is refused before it runs instead of answering megabytes.
 */
export const learningPathCost = ({ args, childComplexity, node }: ComplexityEstimatorArgs & { node: FieldNode }) => {
  const targets = Array.isArray(args.targets) ? Math.max(1, args.targets.length) : 1;
  const steps = ASSUMED_PLAN_SIZE * targets;
  const hoursPerWeek = Number(args.hoursPerWeek ?? 0);
  const schedule = node.selectionSet?.selections.some(
    (selection) => selection.kind === 'Field' && selection.name.value === 'schedule',
  );
  const weeks = schedule && hoursPerWeek > 0 ? Math.ceil((steps * ASSUMED_HOURS_PER_STEP) / hoursPerWeek) : 0;
  return 1 + steps * childComplexity + weeks * SCHEDULE_WEEK_COST;
};
