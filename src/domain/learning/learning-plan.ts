import { learningOrder } from '../graph/prerequisite-graph';
import type { PrerequisiteEdge, PrerequisiteStrength, Resource, ResourceKind, Skill } from '../model/skill-graph.types';
import { compareBySlug } from '../model/slug';

// Where a learning plan is computed: its shape, which skills it holds in which order, and the
// plan itself. Pure: LearningService reads the store and hands the data over.

export interface ResourceFilter {
  readonly free?: boolean | null;
  readonly kinds?: readonly ResourceKind[] | null;
  /** Only resources that take at most this many hours. */
  readonly maxHours?: number | null;
}

interface Need {
  /** A target or later step that requires this one. */
  readonly skill: Skill;
  readonly reason: string;
  readonly strength: PrerequisiteStrength;
}

interface LearningStep {
  readonly position: number;
  readonly skill: Skill;
  readonly hours: number;
  readonly isTarget: boolean;
  readonly neededFor: readonly Need[];
  readonly resources: readonly Resource[];
}

interface StudySession {
  readonly skill: Skill;
  readonly hours: number;
}

interface StudyWeek {
  readonly week: number;
  readonly hours: number;
  readonly sessions: readonly StudySession[];
}

export interface LearningPath {
  readonly targets: readonly Skill[];
  readonly steps: readonly LearningStep[];
  readonly totalHours: number;
  readonly hoursPerWeek: number | null;
  readonly weeks: number | null;
  readonly schedule: readonly StudyWeek[] | null;
}

/** Resources that pass the filter, recommended first: free before paid, then shorter, then by slug. */
function recommendResources(resources: readonly Resource[], filter: ResourceFilter): Resource[] {
  const kinds = filter.kinds == null ? null : new Set(filter.kinds);
  return resources
    .filter(
      (r) =>
        (filter.free == null || r.free === filter.free) &&
        (kinds === null || kinds.has(r.kind)) &&
        (filter.maxHours == null || r.estimatedHours <= filter.maxHours),
    )
    .sort((a, b) => Number(b.free) - Number(a.free) || a.estimatedHours - b.estimatedHours || compareBySlug(a, b));
}

/**
 * Steps studied in order, packed into weeks of `hoursPerWeek`. A step longer than what is left
 * of a week continues into the next, so every week but the last is full and the number of weeks
 * is the total divided by the weekly hours, rounded up.
 */
function weeklySchedule(steps: readonly { skill: Skill; hours: number }[], hoursPerWeek: number): StudyWeek[] {
  const weeks: StudyWeek[] = [];
  let sessions: StudySession[] = [];
  let used = 0;
  const closeWeek = () => {
    weeks.push({ week: weeks.length + 1, hours: used, sessions });
    sessions = [];
    used = 0;
  };
  for (const { skill, hours } of steps) {
    let left = hours;
    while (left > 0) {
      if (used === hoursPerWeek) closeWeek();
      const take = Math.min(hoursPerWeek - used, left);
      sessions.push({ skill, hours: take });
      used += take;
      left -= take;
    }
  }
  if (used > 0) closeWeek();
  return weeks;
}

/** The skills a plan to `targets` holds, in learning order, and the REQUIRES edges among them. */
interface PlanOrder {
  readonly order: readonly string[];
  readonly edges: readonly PrerequisiteEdge[];
}

/**
 * What is left to learn for `targets` given the closure's `edges`: every target and prerequisite
 * not in `knownClosure`, in learning order.
 */
export function planOrder(
  targets: readonly string[],
  knownClosure: ReadonlySet<string>,
  edges: readonly PrerequisiteEdge[],
): PlanOrder {
  const needed = new Set<string>();
  for (const slug of [...targets, ...edges.flatMap((e) => [e.skill, e.requires])]) {
    if (!knownClosure.has(slug)) needed.add(slug);
  }
  const inside = edges.filter((e) => needed.has(e.skill) && needed.has(e.requires));
  return { order: learningOrder(needed, inside), edges: inside };
}

interface LearningPathInput {
  readonly targets: readonly string[];
  readonly plan: PlanOrder;
  /** Every skill of the plan, and the targets, by slug. */
  readonly skills: ReadonlyMap<string, Skill>;
  /** The resources of each skill, aligned with `plan.order`. */
  readonly resources: readonly (readonly Resource[])[];
  readonly hoursPerWeek: number | null;
  readonly filter: ResourceFilter;
}

/** The learning path: each step with why it is needed and what to study, and the weekly schedule. */
export function buildLearningPath({
  targets,
  plan,
  skills,
  resources,
  hoursPerWeek,
  filter,
}: LearningPathInput): LearningPath {
  const targetSet = new Set(targets);
  const neededFor = new Map<string, PrerequisiteEdge[]>();
  for (const edge of plan.edges) neededFor.set(edge.requires, [...(neededFor.get(edge.requires) ?? []), edge]);

  const steps = plan.order.map((slug, i) => {
    const skill = skills.get(slug) as Skill;
    return {
      position: i + 1,
      skill,
      hours: skill.estimatedHours,
      isTarget: targetSet.has(slug),
      neededFor: (neededFor.get(slug) ?? [])
        .map((edge) => ({ skill: skills.get(edge.skill) as Skill, reason: edge.reason, strength: edge.strength }))
        .sort((a, b) => compareBySlug(a.skill, b.skill)),
      resources: recommendResources(resources[i], filter),
    };
  });
  const totalHours = steps.reduce((sum, step) => sum + step.hours, 0);
  const schedule = hoursPerWeek === null ? null : weeklySchedule(steps, hoursPerWeek);
  return {
    targets: targets.map((slug) => skills.get(slug)).filter((s): s is Skill => s !== undefined),
    steps,
    totalHours,
    hoursPerWeek,
    weeks: schedule === null ? null : schedule.length,
    schedule,
  };
}
