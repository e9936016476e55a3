import type { RequestOutcome } from './metrics';

/** What one HTTP request did, filled in as it runs and logged in one line when it ends. */
export interface RequestStats {
  operation: string | null;
  outcome: RequestOutcome;
  storeCalls: number;
}

export function newRequestStats(): RequestStats {
  return { operation: null, outcome: 'success', storeCalls: 0 };
}
