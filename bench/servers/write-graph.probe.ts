import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { DATASET_FILES, DATASET_VERSION_FILE } from '../../src/dataset/load-dataset';
import { generateDataset } from '../support/generate-dataset';
import { serializeDataset } from '../../src/dataset/serialize-dataset';

// Writes a generated graph of BENCH_SKILLS skills as a data folder like data/, in a process of its
// own, so the start-up probe that loads it carries none of the generator's garbage.
function main(): void {
  const dataset = generateDataset({ skills: Number(process.env.BENCH_SKILLS), seed: 42, prerequisitesPerSkill: 3.3 });
  const dir = process.env.BENCH_DATA_DIR as string;
  mkdirSync(dir, { recursive: true });
  const raw = serializeDataset(dataset);
  writeFileSync(join(dir, DATASET_VERSION_FILE), `${JSON.stringify({ version: '0.0.0', date: '2026-01-01' })}\n`);
  for (const [key, file] of Object.entries(DATASET_FILES)) {
    writeFileSync(join(dir, file), `${JSON.stringify(raw[key as keyof typeof raw], null, 2)}\n`);
  }
  process.stdout.write(`${JSON.stringify({ edges: dataset.prerequisites.length })}\n`);
}

main();
