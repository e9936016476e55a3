import { EmbeddedGraphStore } from '../../src/adapters/embedded/embedded-graph-store';
import { MemoryRateLimiter } from '../../src/adapters/rate-limit/memory-rate-limiter';
import { loadDataset } from '../../src/dataset/load-dataset';
import { type Context, createContext } from '../../src/graphql/request-context';
import { newRequestStats } from '../../src/observability/request-stats';

// What the reference servers (mercurius, yoga) share with the API: the same canonical graph in
// the embedded store, the same services and loaders, one context per request.
const store = EmbeddedGraphStore.fromDataset(loadDataset());
const dependencies = {
  store,
  clock: { now: () => new Date() },
  reportLimiter: new MemoryRateLimiter({ perClient: 5, total: 100, windowSeconds: 3600 }),
  // The reference servers do not count result items (server.ts's countListItems); no limit applies.
  resultLimits: { maxItems: Number.MAX_SAFE_INTEGER, maxBytes: Number.MAX_SAFE_INTEGER },
};
const silent = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  trace() {},
  fatal() {},
  child: () => silent,
  level: 'silent',
};

export function referenceContext(): Context {
  return createContext(dependencies, {
    editor: null,
    client: '127.0.0.1',
    requestId: 'bench',
    log: silent as unknown as Context['log'],
    stats: newRequestStats(),
  });
}

/** The process's CPU time in prom-client's format, for the benchmark's CPU per request. */
export function cpuMetrics(): string {
  const { user, system } = process.cpuUsage();
  return `process_cpu_seconds_total ${(user + system) / 1e6}\n`;
}
