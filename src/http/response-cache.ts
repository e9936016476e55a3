import type { FastifyInstance } from 'fastify';
import { LRUCache } from 'lru-cache';

import type { Metrics } from '../observability/metrics';
import './request-observation';

export interface CachedResponse {
  readonly body: string;
  readonly contentType: string;
  readonly operation: string | null;
  /** The graph version the answer was computed on. */
  readonly version: number;
}

/** A GraphQL request as it arrives over HTTP, before Apollo sees it. */
export interface IncomingGraphQLRequest {
  readonly method: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: unknown;
}

/**
 * Whole responses to anonymous queries, keyed by query, variables and operation name, so the
 * pages of a frontend that ask the same questions again are answered without running GraphQL.
 *
 * Correctness rests on versions: every committed write bumps the version, and an entry is only
 * served while the version it was computed on is current. A query that started before a write
 * and finished after it is stored under the old version, so it is never served.
 * Only POST is cached: Apollo's CSRF checks for GET must keep running.
 */
export class ResponseCache {
  private current = 0;
  private readonly entries: LRUCache<string, CachedResponse>;

  constructor(maxBytes: number) {
    this.entries = new LRUCache<string, CachedResponse>({
      maxSize: maxBytes,
      sizeCalculation: (value, key) => value.body.length + key.length,
    });
  }

  get version(): number {
    return this.current;
  }

  /** The cache key of a request that may be answered from the cache, or null. */
  keyOf(request: IncomingGraphQLRequest): string | null {
    // Editors may see more than the public (history, problem reports): never share their answers.
    if (request.method !== 'POST' || request.headers.authorization !== undefined) return null;
    const body = request.body as {
      query?: unknown;
      variables?: unknown;
      operationName?: unknown;
      extensions?: unknown;
    };
    if (typeof body !== 'object' || body === null || typeof body.query !== 'string' || body.extensions !== undefined)
      return null;
    return `${typeof body.operationName === 'string' ? body.operationName : ''}\u0000${JSON.stringify(body.variables ?? null)}\u0000${body.query}`;
  }

  get(key: string): CachedResponse | undefined {
    const entry = this.entries.get(key);
    return entry !== undefined && entry.version === this.current ? entry : undefined;
  }

  set(key: string, entry: CachedResponse): void {
    if (entry.version === this.current) this.entries.set(key, entry);
  }

  /** After a committed write: nothing computed before it may be served again. */
  invalidate(): void {
    this.current += 1;
    this.entries.clear();
  }
}

/**
 * Answers hits before Apollo runs, and stores a miss's answer when the request observer marked it
 * cacheable (a query that succeeded). Responses say `x-cache: hit` or `miss`.
 */
export function registerResponseCache(app: FastifyInstance, cache: ResponseCache, metrics: Metrics): void {
  app.addHook('preHandler', async (request, reply) => {
    if (!request.url.startsWith('/graphql') || request.method !== 'POST') return;
    const key = cache.keyOf(request);
    if (key === null) return;
    const hit = cache.get(key);
    metrics.observeCache(hit === undefined ? 'miss' : 'hit');
    if (hit === undefined) {
      Object.assign(request.stats, { cache: 'miss', cacheKey: key, cacheVersion: cache.version });
      return;
    }
    Object.assign(request.stats, { cache: 'hit', operation: hit.operation });
    return reply.header('x-cache', 'hit').type(hit.contentType).send(hit.body);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const { stats } = request;
    if (stats.cache !== 'miss' || stats.cacheKey === null) return payload;
    reply.header('x-cache', 'miss');
    if (stats.cacheable && reply.statusCode === 200 && typeof payload === 'string') {
      const contentType = String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8');
      cache.set(stats.cacheKey, {
        body: payload,
        contentType,
        operation: stats.operation,
        version: stats.cacheVersion,
      });
    }
    return payload;
  });
}
