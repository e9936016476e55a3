import type { FastifyInstance } from 'fastify';
import { LRUCache } from 'lru-cache';
import Negotiator from 'negotiator';

import type { GraphWriter } from '../domain/ports/graph-store.port';
import type { Metrics } from '../observability/metrics';
import { onGraphQLRoute } from './graphql-route-hooks';
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
    // An answer is only shared with requests that would get it in the same media type; one that
    // accepts neither JSON type is Apollo's to refuse (406).
    const mediaType = responseMediaType(request.headers.accept);
    if (mediaType === null) return null;
    const body = request.body as {
      query?: unknown;
      variables?: unknown;
      operationName?: unknown;
      extensions?: unknown;
    };
    if (typeof body !== 'object' || body === null || typeof body.query !== 'string' || body.extensions !== undefined)
      return null;
    const operationName = typeof body.operationName === 'string' ? body.operationName : '';
    return `${mediaType}\u0000${operationName}\u0000${JSON.stringify(body.variables ?? null)}\u0000${body.query}`;
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

// Apollo's choice for a single result (chooseContentTypeForSingleResultResponse), with the same library.
const SINGLE_RESULT_TYPES = [
  'application/json; charset=utf-8',
  'application/graphql-response+json; charset=utf-8',
  'application/json; callbackSpec=1.0; charset=utf-8',
];

/** The media type Apollo would answer a request with this Accept header in, or null for its 406. */
export function responseMediaType(accept: string | string[] | undefined): string | null {
  const header = Array.isArray(accept) ? accept.join(', ') : accept;
  if (header === undefined || header === '') return SINGLE_RESULT_TYPES[0]!;
  return new Negotiator({ headers: { accept: header } }).mediaType(SINGLE_RESULT_TYPES) ?? null;
}

/**
 * Answers hits before Apollo runs, and stores a miss's answer when the request observer marked it
 * cacheable (a query that succeeded). On the GraphQL route only, after the app-wide checks
 * (trusted documents). Outside production, responses say `x-cache: hit` or `miss`; in production
 * that would tell anyone that someone else asked the same question since the last write.
 */
export function registerResponseCache(
  app: FastifyInstance,
  cache: ResponseCache,
  metrics: Metrics,
  { cacheHeader }: { cacheHeader: boolean },
): void {
  onGraphQLRoute(app, {
    preHandler: async (request, reply) => {
      const key = cache.keyOf(request);
      if (key === null) return;
      const hit = cache.get(key);
      metrics.observeCache(hit === undefined ? 'miss' : 'hit');
      if (hit === undefined) {
        Object.assign(request.stats, { cache: 'miss', cacheKey: key, cacheVersion: cache.version });
        return;
      }
      Object.assign(request.stats, { cache: 'hit', operation: hit.operation });
      if (cacheHeader) reply.header('x-cache', 'hit');
      return reply.type(hit.contentType).send(hit.body);
    },
    onSend: async (request, reply, payload) => {
      const { stats } = request;
      if (stats.cache !== 'miss' || stats.cacheKey === null) return payload;
      if (cacheHeader) reply.header('x-cache', 'miss');
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
    },
  });
}

/**
 * Whether a transaction that called these store methods can change an answer the cache holds.
 * Problem reports are seen by editors only, whose answers are never cached: a report must not
 * flush everyone's cache (anyone may send one). Reads change nothing.
 */
export function changesCachedAnswers(called: ReadonlySet<string>): boolean {
  for (const method of called) if ((PUBLIC_WRITES as Record<string, boolean>)[method] === true) return true;
  return false;
}

// Every write the port has, so that a new one must be classified here to compile.
const PUBLIC_WRITES: Record<keyof GraphWriter, boolean> = {
  putSkill: true,
  deleteSkill: true,
  putResource: true,
  deleteResource: true,
  linkResource: true,
  unlinkResource: true,
  putPrerequisite: true,
  deletePrerequisite: true,
  putRelated: true,
  deleteRelated: true,
  // The dataset's revision counts changes.
  recordChange: true,
  putProblem: false,
  nextSequence: false,
};
