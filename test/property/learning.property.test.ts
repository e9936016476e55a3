import fc from 'fast-check';

import { EmbeddedGraphStore } from '../../src/adapters/embedded/embedded-graph-store';
import type { Dataset } from '../../src/dataset/dataset.types';
import { generateDataset } from '../../bench/support/generate-dataset';
import { LearningService } from '../../src/domain/learning/learning.service';
import { SkillGraphService } from '../../src/domain/reading/skill-graph.service';

// Properties of the learning answers on generated graphs, checked against brute-force oracles
// that share no code with the implementation.

interface Adjacency {
  /** skill -> what it requires */
  readonly requires: Map<string, string[]>;
  /** skill -> what requires it */
  readonly requiredBy: Map<string, string[]>;
}

interface World {
  readonly dataset: Dataset;
  readonly learning: LearningService;
  readonly essential: Adjacency;
  readonly all: Adjacency;
}

function adjacency(edges: readonly { skill: string; requires: string }[]): Adjacency {
  const requires = new Map<string, string[]>();
  const requiredBy = new Map<string, string[]>();
  for (const { skill, requires: r } of edges) {
    requires.set(skill, [...(requires.get(skill) ?? []), r]);
    requiredBy.set(r, [...(requiredBy.get(r) ?? []), skill]);
  }
  return { requires, requiredBy };
}

function world(seed: number, skills: number, layers: number): World {
  const dataset = generateDataset({ skills, seed, layers, clusterSize: 40 });
  const store = EmbeddedGraphStore.fromDataset(dataset);
  return {
    dataset,
    learning: new LearningService(store, new SkillGraphService(store)),
    essential: adjacency(dataset.prerequisites.filter((e) => e.strength === 'ESSENTIAL')),
    all: adjacency(dataset.prerequisites),
  };
}

/** Everything reachable from `starts` (starts included), by plain depth-first search. */
function reach(starts: readonly string[], next: Map<string, string[]>): Set<string> {
  const seen = new Set<string>();
  const stack = [...starts];
  while (stack.length > 0) {
    const skill = stack.pop() as string;
    if (seen.has(skill)) continue;
    seen.add(skill);
    stack.push(...(next.get(skill) ?? []));
  }
  return seen;
}

/** Shortest hop counts from `start`, by breadth-first search. */
function distances(start: string, next: Map<string, string[]>): Map<string, number> {
  const found = new Map([[start, 0]]);
  const queue = [start];
  while (queue.length > 0) {
    const skill = queue.shift() as string;
    for (const n of next.get(skill) ?? []) {
      if (!found.has(n)) {
        found.set(n, (found.get(skill) as number) + 1);
        queue.push(n);
      }
    }
  }
  return found;
}

const scenario = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  skills: fc.integer({ min: 30, max: 300 }),
  layers: fc.integer({ min: 2, max: 12 }),
  targets: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
  known: fc.array(fc.nat(), { maxLength: 6 }),
  hoursPerWeek: fc.integer({ min: 1, max: 40 }),
  includeHelpful: fc.boolean(),
});

const slugsAt = (dataset: Dataset, indexes: readonly number[]) => [
  ...new Set(indexes.map((i) => dataset.skills[i % dataset.skills.length].slug)),
];

describe('learningPath on generated graphs', () => {
  it('is a valid learning order of exactly what is needed, with hours and weeks that add up', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ seed, skills, layers, targets, known, hoursPerWeek, includeHelpful }) => {
        const w = world(seed, skills, layers);
        const followed = includeHelpful ? w.all : w.essential;
        const targetSlugs = slugsAt(w.dataset, targets);
        const knownSlugs = slugsAt(w.dataset, known);
        const path = await w.learning.learningPath({
          targets: targetSlugs,
          known: knownSlugs,
          hoursPerWeek,
          includeHelpful,
        });

        // Knowing a skill implies its essential prerequisites, whatever the plan follows.
        const knownClosure = reach(knownSlugs, w.essential.requires);
        const expected = new Set([...reach(targetSlugs, followed.requires)].filter((s) => !knownClosure.has(s)));
        const planned = path.steps.map((s) => s.skill.slug);
        expect(new Set(planned)).toEqual(expected);
        expect(planned).toHaveLength(expected.size);
        for (const slug of planned) expect(knownClosure.has(slug)).toBe(false);

        const position = new Map(planned.map((slug, i) => [slug, i]));
        for (const slug of planned) {
          for (const prerequisite of followed.requires.get(slug) ?? []) {
            // Each prerequisite is known or learnt earlier.
            expect(
              knownClosure.has(prerequisite) || (position.get(prerequisite) as number) < (position.get(slug) as number),
            ).toBe(true);
          }
        }

        const hours = path.steps.reduce((sum, s) => sum + s.skill.estimatedHours, 0);
        expect(path.totalHours).toBe(hours);
        expect(path.weeks).toBe(Math.ceil(hours / hoursPerWeek));
        const schedule = path.schedule ?? [];
        expect(schedule.reduce((sum, week) => sum + week.hours, 0)).toBe(hours);
        for (const week of schedule.slice(0, -1)) expect(week.hours).toBe(hoursPerWeek);
        for (const step of path.steps) expect(step.isTarget).toBe(targetSlugs.includes(step.skill.slug));
      }),
      { numRuns: 60 },
    );
  });
});

describe('readyToLearn on generated graphs', () => {
  it('offers only unknown skills whose prerequisites are all known, ranked by exact unlock counts', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ seed, skills, layers, known, includeHelpful }) => {
        const w = world(seed, skills, layers);
        const followed = includeHelpful ? w.all : w.essential;
        const knownSlugs = slugsAt(w.dataset, known);
        const ready = await w.learning.readyToLearn(knownSlugs, 100, includeHelpful);
        const knownClosure = reach(knownSlugs, w.essential.requires);
        const expected = w.dataset.skills
          .map((s) => s.slug)
          .filter((s) => !knownClosure.has(s) && (followed.requires.get(s) ?? []).every((r) => knownClosure.has(r)));
        const oracle = expected
          .map((slug) => ({ slug, count: reach([slug], followed.requiredBy).size - 1 }))
          .sort((a, b) => b.count - a.count || (a.slug < b.slug ? -1 : 1))
          .slice(0, 100);
        expect(ready.map((r) => [r.skill.slug, r.unlockCount])).toEqual(oracle.map((o) => [o.slug, o.count]));
      }),
      { numRuns: 60 },
    );
  });
});

describe('unlocks and explainPrerequisite on generated graphs', () => {
  it('give shortest distances and shortest chains made of real edges', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ seed, skills, layers, targets, known, includeHelpful }) => {
        const w = world(seed, skills, layers);
        const followed = includeHelpful ? w.all : w.essential;
        const [skill] = slugsAt(w.dataset, targets);
        const unlocked = await w.learning.unlocks(skill, 25, includeHelpful);
        const down = distances(skill, followed.requiredBy);
        expect(unlocked).toHaveLength(down.size - 1);
        for (const u of unlocked) expect(u.distance).toBe(down.get(u.skill.slug));

        const up = distances(skill, followed.requires);
        for (const other of slugsAt(w.dataset, known).filter((s) => s !== skill)) {
          const path = await w.learning.explainPrerequisite(skill, other, includeHelpful);
          if (!up.has(other)) {
            expect(path).toBeNull();
            continue;
          }
          expect(path?.length).toBe(up.get(other));
          const hops = path?.edges ?? [];
          expect(hops[0].from.slug).toBe(skill);
          expect(hops[hops.length - 1].to.slug).toBe(other);
          for (const hop of hops) expect(followed.requires.get(hop.from.slug)).toContain(hop.to.slug);
        }
      }),
      { numRuns: 60 },
    );
  });
});
