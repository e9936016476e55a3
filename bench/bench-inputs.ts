import type { Dataset } from '../src/dataset/dataset.types';

// The questions the benchmarks ask, the same at every scale.

export const TYPICAL_QUERIES = {
  skillWithPrerequisites:
    '{ skill(slug: "distributed-transactions") { slug name description estimatedHours prerequisites { skill { slug name } reason } resources { title url kind free } } }',
  prerequisiteChain:
    '{ prerequisiteChain(skill: "distributed-transactions") { order { slug name } edges { from { slug } to { slug } reason } } }',
  learningPath:
    '{ learningPath(targets: ["distributed-transactions"], known: ["databases"], hoursPerWeek: 10) { totalHours weeks steps { skill { slug name } hours resources { title url } } } }',
} as const;

export type TypicalQuery = keyof typeof TYPICAL_QUERIES;

/**
 * Questions of the same size on a generated graph of any size: a skill near the top of a
 * specialty cluster (about 130 skills in its chain), and two skills of its cluster as known.
 */
export function scaledQuestions(dataset: Dataset, count: number): { target: string; known: string[] }[] {
  const clusterSize = 100;
  const clusters = Math.ceil(dataset.skills.length / clusterSize);
  return Array.from({ length: count }, (_, k) => {
    // The generator's first two clusters are the core fundamentals; ask about specialties.
    const cluster = 2 + ((k * 7919) % Math.max(1, clusters - 2));
    const last = Math.min(dataset.skills.length, (cluster + 1) * clusterSize) - 1;
    const first = cluster * clusterSize;
    return {
      target: dataset.skills[last - (k % 5)].slug,
      known: [dataset.skills[first].slug, dataset.skills[first + 10].slug],
    };
  });
}

/** The graph questions of the growth and Neo4j sections, as query texts, one per question. */
export function scaledQueryTexts(questions: readonly { target: string; known: string[] }[]) {
  return {
    prerequisiteChain: questions.map(
      (q) => `{ prerequisiteChain(skill: "${q.target}", maxDepth: 25) { order { slug } } }`,
    ),
    learningPath: questions.map(
      (q) =>
        `{ learningPath(targets: ["${q.target}"], known: ${JSON.stringify(q.known)}) { totalHours steps { skill { slug } } } }`,
    ),
    readyToLearn: questions.map(
      (q) => `{ readyToLearn(known: ${JSON.stringify(q.known)}, first: 10) { unlockCount } }`,
    ),
  };
}
