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
