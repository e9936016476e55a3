import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

import type { RateLimiter } from '../../domain/ports/rate-limiter.port';
import { rateLimitKey } from './client-key';

export interface RateLimits {
  /** Attempts per client (an IPv4 address or an IPv6 /64) in each window. */
  readonly perClient: number;
  /** Attempts from all clients together in each window: addresses are cheap to come by. */
  readonly total: number;
  readonly windowSeconds: number;
}

const EVERYONE = '*';

/**
 * Fixed windows in this process's memory (rate-limiter-flexible). Behind several API instances
 * each counts on its own; the library's Redis limiter has the same interface.
 */
export class MemoryRateLimiter implements RateLimiter {
  private readonly perClient: RateLimiterMemory;
  private readonly total: RateLimiterMemory;

  constructor({ perClient, total, windowSeconds }: RateLimits) {
    this.perClient = new RateLimiterMemory({ points: perClient, duration: windowSeconds });
    this.total = new RateLimiterMemory({ points: total, duration: windowSeconds });
  }

  async consume(client: string): Promise<number> {
    // The client's own limit first, so a client already refused uses up nobody else's share.
    return (await wait(this.perClient, rateLimitKey(client))) || wait(this.total, EVERYONE);
  }
}

/** 0 when the attempt is allowed, else the seconds until it would be. */
async function wait(limiter: RateLimiterMemory, key: string): Promise<number> {
  try {
    await limiter.consume(key);
    return 0;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw rejection;
  }
}
