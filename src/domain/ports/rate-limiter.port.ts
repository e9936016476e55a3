/** Limits how often one client may do something; the mechanism is an adapter's. */
export interface RateLimiter {
  /** Counts one attempt by `client`; the seconds to wait when over the limit, otherwise 0. */
  consume(client: string): Promise<number>;
}
