import { writeSnapshot } from '../../src/adapters/embedded/snapshot-file';
import { generateDataset } from '../../src/dataset/generate-dataset';

// Writes a generated graph of BENCH_SKILLS skills as a data file, in a process of its own, so the
// start-up probe that loads it carries none of the generator's garbage.
async function main(): Promise<void> {
  const dataset = generateDataset({ skills: Number(process.env.BENCH_SKILLS), seed: 42, prerequisitesPerSkill: 3.3 });
  await writeSnapshot(process.env.BENCH_DATA_FILE as string, { dataset, changes: [], problems: [], sequence: 0 });
  process.stdout.write(`${JSON.stringify({ edges: dataset.prerequisites.length })}\n`);
}

void main();
