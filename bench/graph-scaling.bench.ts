import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type * as Tinybench from 'tinybench' with { 'resolution-mode': 'import' };

import { EmbeddedGraphStore } from '../src/adapters/embedded/embedded-graph-store';
import type { Dataset } from '../src/dataset/dataset.types';
import { generateDataset } from './support/generate-dataset';
import { LearningService } from '../src/domain/learning/learning.service';
import { SkillGraphService } from '../src/domain/reading/skill-graph.service';
import { PROJECT_ROOT } from '../src/project-paths';

// How the latency of the graph queries grows with the size of the graph, on the embedded store,
// measured at the service (no HTTP, no GraphQL) to isolate the algorithms. The inputs ask
// questions of the same size at every scale (a skill at the top of a specialty cluster), so a
// flat line means the cost follows the answer, not the graph.

// tinybench is ESM; Node 20.19+ loads it with require().
const { Bench } = require('tinybench') as typeof Tinybench;

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const TIME_MS = Number(process.env.BENCH_TIME_MS ?? 1500);
const INPUTS = 50;

interface Row {
  skills: number;
  edges: number;
  query: string;
  p50Ms: number;
  p99Ms: number;
  answerSize: number;
}

function inputs(dataset: Dataset) {
  const requires = new Map<string, string[]>();
  for (const e of dataset.prerequisites) requires.set(e.skill, [...(requires.get(e.skill) ?? []), e.requires]);
  // Top-of-cluster skills from specialty clusters (the generator's first two clusters are core).
  const clusterSize = 100;
  const clusters = Math.ceil(dataset.skills.length / clusterSize);
  const picks: { target: string; known: string[] }[] = [];
  for (let k = 0; k < INPUTS; k++) {
    const cluster = 2 + ((k * 7919) % Math.max(1, clusters - 2));
    const last = Math.min(dataset.skills.length, (cluster + 1) * clusterSize) - 1;
    const target = dataset.skills[last - (k % 5)].slug;
    const first = cluster * clusterSize;
    picks.push({ target, known: [dataset.skills[first].slug, dataset.skills[first + 10].slug] });
  }
  return picks;
}

async function measure(size: number): Promise<Row[]> {
  const dataset = generateDataset({ skills: size, seed: 42, prerequisitesPerSkill: 3.3 });
  const store = EmbeddedGraphStore.fromDataset(dataset);
  const skillGraph = new SkillGraphService(store);
  const learning = new LearningService(store, skillGraph);
  const picks = inputs(dataset);
  const answer: Record<string, number[]> = { prerequisiteChain: [], learningPath: [], readyToLearn: [] };

  // Fill the store's lazily computed data (unlock counts) before timing, as a running server would have.
  for (const { target, known } of picks) {
    await learning.readyToLearn(known, 10);
    answer.prerequisiteChain.push((await skillGraph.prerequisiteChain(target, 25)).order.length);
    answer.learningPath.push(
      (await learning.learningPath({ targets: [target], known, hoursPerWeek: 10 })).steps.length,
    );
    answer.readyToLearn.push((await learning.readyToLearn(known, 10)).length);
  }

  let i = 0;
  const next = () => picks[i++ % picks.length];
  const bench = new Bench({ time: TIME_MS, warmup: true });
  bench
    .add('prerequisiteChain', async () => {
      await skillGraph.prerequisiteChain(next().target, 25);
    })
    .add('learningPath', async () => {
      const { target, known } = next();
      await learning.learningPath({ targets: [target], known, hoursPerWeek: 10 });
    })
    .add('readyToLearn', async () => {
      await learning.readyToLearn(next().known, 10);
    });
  await bench.run();

  return bench.tasks.map((task) => {
    const result = task.result as unknown as { latency: { p50: number; p99: number } };
    const sizes = answer[task.name];
    return {
      skills: size,
      edges: dataset.prerequisites.length,
      query: task.name,
      p50Ms: round(result.latency.p50),
      p99Ms: round(result.latency.p99),
      answerSize: Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length),
    };
  });
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  for (const size of SIZES) rows.push(...(await measure(size)));
  const smallest = Math.min(...SIZES);
  const table = rows.map((row) => {
    const base = rows.find((r) => r.query === row.query && r.skills === smallest) as Row;
    return { ...row, p99VsSmallest: Math.round((row.p99Ms / base.p99Ms) * 100) / 100 };
  });
  console.table(table);
  const dir = join(PROJECT_ROOT, 'reports');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'bench-graph-scaling.json'),
    `${JSON.stringify({ node: process.version, rows: table }, null, 2)}\n`,
  );
  process.stdout.write('wrote reports/bench-graph-scaling.json\n');
}

void main();
