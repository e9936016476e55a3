import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type RequestOutcome = 'success' | 'error' | 'rejected';

/**
 * The server's Prometheus metrics (prom-client), in a registry of its own so several servers in
 * one process (tests) do not collide. Operation names come from clients, so only the names of
 * known operations (the trusted documents') become label values; anything else is `other`. A
 * label per first-come name let anyone grow the series, or take the places of the real ones.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly operations: ReadonlySet<string>;

  private readonly requests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL requests by operation name and outcome (success, error, rejected by a limit).',
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly requestDuration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'Time from receiving a GraphQL request to sending its response.',
    labelNames: ['operation', 'outcome'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  private readonly storeCalls = new Counter({
    name: 'graph_store_calls_total',
    help: 'Calls to the graph store by port method and outcome.',
    labelNames: ['method', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly rejected = new Counter({
    name: 'graphql_rejected_queries_total',
    help: 'Queries refused before execution, by the limit they exceeded.',
    labelNames: ['limit'] as const,
    registers: [this.registry],
  });

  private readonly cache = new Counter({
    name: 'graphql_response_cache_total',
    help: 'Anonymous queries looked up in the response cache, by result.',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  constructor(knownOperations: Iterable<string> = []) {
    this.operations = new Set(knownOperations);
    collectDefaultMetrics({ register: this.registry });
  }

  observeRequest(operation: string | null, outcome: RequestOutcome, seconds: number): void {
    const label = this.operationLabel(operation);
    this.requests.inc({ operation: label, outcome });
    this.requestDuration.observe({ operation: label, outcome }, seconds);
  }

  /**
   * A count per call, no timing: a histogram observation per store call was a visible share of
   * a small query's CPU. How long requests take is in graphql_request_duration_seconds.
   */
  countStoreCall(method: string, failed: boolean): void {
    this.storeCalls.inc({ method, outcome: failed ? 'error' : 'success' });
  }

  observeRejection(limit: string): void {
    this.rejected.inc({ limit });
  }

  observeCache(result: 'hit' | 'miss'): void {
    this.cache.inc({ result });
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private operationLabel(operation: string | null): string {
    if (operation === null) return 'anonymous';
    return this.operations.has(operation) ? operation : 'other';
  }
}
