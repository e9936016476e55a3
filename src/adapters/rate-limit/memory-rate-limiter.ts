import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

import type { RateLimiter } from '../../domain/services/editing.service';

/**
 * A fixed window per client in this process's memory (rate-limiter-flexible). Behind several API
 * instances each counts on its own; the library's Redis limiter has the same interface.
 */
export class MemoryRateLimiter implements RateLimiter {
  private readonly limiter: RateLimiterMemory;

  constructor(points: number, windowSeconds: number) {
    this.limiter = new RateLimiterMemory({ points, duration: windowSeconds });
  }

  async consume(client: string): Promise<number> {
    try {
      await this.limiter.consume(client);
      return 0;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw rejection;
    }
  }
}
