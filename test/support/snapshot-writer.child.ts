import { writeSnapshot } from '../../src/adapters/embedded/snapshot-file';
import { loadDataset } from '../../src/dataset/load-dataset';

// Rewrites the data file given as argument as fast as it can, until killed. A long history makes
// each file a few megabytes, so a kill usually lands in the middle of a write.
const path = process.argv[2];
const dataset = loadDataset();
const changes = Array.from({ length: 20_000 }, (_, i) => ({
  sequence: i + 1,
  at: '2026-11-23T12:00:00.000Z',
  editor: 'writer',
  operation: 'padding',
  subject: `change ${i}`,
  details: JSON.stringify({ note: 'x'.repeat(100) }),
}));

async function main(): Promise<void> {
  for (let generation = 1; ; generation++) {
    await writeSnapshot(path, { dataset, changes, problems: [], sequence: 20_000 + generation });
    if (generation === 1) process.stdout.write('ready\n');
  }
}

void main();
