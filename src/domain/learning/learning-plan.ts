import type { PrerequisiteStrength, Resource, ResourceKind, Skill } from '../model/skill-graph.types';

// The shape of a learning plan and the pure steps of building one; the service supplies the data.

export interface ResourceFilter {
  readonly free?: boolean | null;
  readonly kinds?: readonly ResourceKind[] | null;
  /** Only resources that take at most this many hours. */
  readonly maxHours?: number | null;
}

export interface Need {
  /** A target or later step that requires this one. */
  readonly skill: Skill;
  readonly reason: string;
  readonly strength: PrerequisiteStrength;
}

export interface LearningStep {
  readonly position: number;
  readonly skill: Skill;
  readonly hours: number;
  readonly isTarget: boolean;
  readonly neededFor: readonly Need[];
  readonly resources: readonly Resource[];
}

export interface StudySession {
  readonly skill: Skill;
  readonly hours: number;
}

export interface StudyWeek {
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
export function recommendResources(resources: readonly Resource[], filter: ResourceFilter): Resource[] {
  const kinds = filter.kinds == null ? null : new Set(filter.kinds);
  return resources
    .filter(
      (r) =>
        (filter.free == null || r.free === filter.free) &&
        (kinds === null || kinds.has(r.kind)) &&
        (filter.maxHours == null || r.estimatedHours <= filter.maxHours),
    )
    .sort(
      (a, b) =>
        Number(b.free) - Number(a.free) ||
        a.estimatedHours - b.estimatedHours ||
        (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0),
    );
}

/**
 * Steps studied in order, packed into weeks of `hoursPerWeek`. A step longer than what is left
 * of a week continues into the next, so every week but the last is full and the number of weeks
 * is the total divided by the weekly hours, rounded up.
 */
export function weeklySchedule(steps: readonly { skill: Skill; hours: number }[], hoursPerWeek: number): StudyWeek[] {
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
