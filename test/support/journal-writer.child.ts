import 'reflect-metadata';

import { EmbeddedGraphStore } from '../../src/adapters/embedded/embedded-graph-store';
import { readDataset } from '../../src/dataset/load-dataset';
import { validateDataset } from '../../src/dataset/validate-dataset';

// Commits problem reports to the store journaled at the path given as argument, as fast as it
// can, until killed; prints each acknowledged sequence number. Long messages make each journal
// line a few kilobytes, so a kill often lands in the middle of one.
async function main(): Promise<void> {
  const store = await EmbeddedGraphStore.open({
    ...readDataset(),
    journalFile: process.argv[2],
    validate: validateDataset,
  });
  for (;;) {
    const sequence = await store.transaction(async (tx) => {
      const next = await tx.nextSequence();
      await tx.putProblem({
        id: String(next),
        sequence: next,
        skill: 'http',
        message: `report ${next} ${'x'.repeat(4000)}`,
        status: 'OPEN',
        reportedAt: '2026-12-01T00:00:00.000Z',
        resolvedAt: null,
        resolvedBy: null,
        resolution: null,
      });
      return next;
    });
    process.stdout.write(`acknowledged ${sequence}\n`);
  }
}

void main();
