import type { RequestOutcome } from './metrics';

/** What one HTTP request did, filled in as it runs and logged in one line when it ends. */
export interface RequestStats {
  operation: string | null;
  outcome: RequestOutcome;
  storeCalls: number;
  /** A successful query, whose answer may be shared with other anonymous callers. */
  cacheable: boolean;
  /** 'hit' or 'miss' for a request the response cache looked at; null otherwise. */
  cache: 'hit' | 'miss' | null;
  /** For a miss: where to store the answer, and the graph version it is computed on. */
  cacheKey: string | null;
  cacheVersion: number;
  /** The query's cost estimate, and the objects its lists really returned (null before execution). */
  cost: number | null;
  items: number | null;
}

export function newRequestStats(): RequestStats {
  return {
    operation: null,
    outcome: 'success',
    storeCalls: 0,
    cacheable: false,
    cache: null,
    cacheKey: null,
    cacheVersion: 0,
    cost: null,
    items: null,
  };
}
