import { MAX_CHAIN_DEPTH } from '../../src/domain/model/limits';
import { longestPathFrom } from '../../src/domain/graph/prerequisite-graph';
import type { Dataset } from '../../src/dataset/dataset.types';

// What a learner faces for each skill if they start from nothing and follow essential
// prerequisites only: the hours of the whole plan and the longest chain. The content's quality
// bars (test/dataset/content-quality.test.ts) and `npm run data:stats` read these.

export interface SkillPlan {
  readonly slug: string;
  readonly level: string;
  /** The skill's own hours plus those of every transitive essential prerequisite, each once. */
  readonly planHours: number;
  /** Skills in that plan, the skill itself included. */
  readonly planSkills: number;
  /** Edges on the longest essential chain below the skill. */
  readonly chainSteps: number;
  readonly chain: readonly string[];
}

export function essentialPlans(dataset: Dataset): SkillPlan[] {
  const essential = dataset.prerequisites.filter((e) => e.strength === 'ESSENTIAL');
  const requires = new Map<string, string[]>();
  for (const edge of essential) requires.set(edge.skill, [...(requires.get(edge.skill) ?? []), edge.requires]);
  const hours = new Map(dataset.skills.map((s) => [s.slug, s.estimatedHours]));
  return dataset.skills.map((skill) => {
    const plan = new Set<string>();
    const stack = [skill.slug];
    while (stack.length > 0) {
      const slug = stack.pop() as string;
      if (plan.has(slug)) continue;
      plan.add(slug);
      stack.push(...(requires.get(slug) ?? []));
    }
    const chain = longestPathFrom(skill.slug, essential, 'prerequisites');
    return {
      slug: skill.slug,
      level: skill.level,
      planHours: [...plan].reduce((sum, slug) => sum + (hours.get(slug) ?? 0), 0),
      planSkills: plan.size,
      chainSteps: chain.length - 1,
      chain,
    };
  });
}

export interface Distribution {
  readonly count: number;
  readonly min: number;
  readonly median: number;
  readonly p90: number;
  readonly max: number;
}

export function distribution(values: readonly number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { count: sorted.length, min: sorted[0] ?? 0, median: at(0.5), p90: at(0.9), max: sorted.at(-1) ?? 0 };
}

/** The longest chain the rules allow is MAX_CHAIN_DEPTH; the content aims far below it. */
export const CONTENT_CHAIN_LIMIT = Math.min(12, MAX_CHAIN_DEPTH);
/** No junior skill may take more than this from scratch, essential prerequisites included. */
export const JUNIOR_PLAN_LIMIT_HOURS = 300;
