import { EmbeddedGraphStore } from '../../src/adapters/embedded/embedded-graph-store';

// Start-up time and memory of the embedded store as a server starts it: from its data file
// (read, validated against the dataset rules, indexed). Run with --expose-gc: the figures are
// what stays after the start, not the garbage the start leaves behind.
async function main(): Promise<void> {
  const gc = (global as { gc?: () => void }).gc ?? (() => undefined);
  gc();
  const before = process.memoryUsage();
  const started = performance.now();
  const store = EmbeddedGraphStore.open({
    dataFile: process.env.BENCH_DATA_FILE as string,
    initial: () => {
      throw new Error('the data file should be there');
    },
  });
  const startMs = performance.now() - started;
  gc();
  const after = process.memoryUsage();
  // A running server is idle now and then; V8 then returns the pages the load's garbage used.
  await new Promise((resolve) => setTimeout(resolve, 4000));
  gc();
  const settled = process.memoryUsage();
  await store.ping(); // keeps the store alive until measured
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
