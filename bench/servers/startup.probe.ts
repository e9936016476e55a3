import { join } from 'node:path';

import { EmbeddedGraphStore } from '../../src/adapters/embedded/embedded-graph-store';
import { readDataset } from '../../src/dataset/load-dataset';
import { validateDataset } from '../../src/dataset/validate-dataset';

// Start-up time and memory of the embedded store as a server starts it: the data folder read and
// validated against the dataset rules, indexed, and its (empty) journal opened. Run with
// --expose-gc: the figures are what stays after the start, not the garbage the start leaves.
async function main(): Promise<void> {
  const gc = (global as { gc?: () => void }).gc ?? (() => undefined);
  gc();
  const before = process.memoryUsage();
  const started = performance.now();
  const dir = process.env.BENCH_DATA_DIR as string;
  const store = await EmbeddedGraphStore.open({
    ...readDataset(dir),
    journalFile: join(dir, 'graph.journal'),
    validate: validateDataset,
  });
  const startMs = performance.now() - started;
  gc();
  const after = process.memoryUsage();
  // A running server is idle now and then; V8 then returns the pages the load's garbage used.
  await new Promise((resolve) => setTimeout(resolve, 4000));
  gc();
  const settled = process.memoryUsage();
  await store.ping(); // keeps the store alive until measured
  await store.close();
  const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
  process.stdout.write(
    `${JSON.stringify({
      startMs: Math.round(startMs),
      heapMB: mb(after.heapUsed - before.heapUsed),
      rssAfterLoadMB: mb(after.rss),
      rssSettledMB: mb(settled.rss),
    })}\n`,
  );
}

void main();
