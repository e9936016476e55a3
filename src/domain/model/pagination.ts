import { InvalidArgumentError } from './domain-error';
import type { Page, PageRequest } from '../ports/graph-store.port';

// Relay-style connections over keyset pages. Cursors are opaque to clients but are just
// "<kind>:<slug>" in base64url, so a page is stable while other records are added or removed.

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export type CursorKind = 'skill' | 'resource' | 'change' | 'problem';

export interface PageArgs {
  readonly first?: number | null;
  readonly after?: string | null;
}

export interface Edge<T> {
  readonly cursor: string;
  readonly node: T;
}

export interface Connection<T> {
  readonly edges: readonly Edge<T>[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly totalCount: number;
}

export function encodeCursor(kind: CursorKind, slug: string): string {
  return Buffer.from(`${kind}:${slug}`, 'utf8').toString('base64url');
}

export function decodeCursor(kind: CursorKind, cursor: string): string {
  const decoded = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const prefix = `${kind}:`;
  if (!decoded.startsWith(prefix) || decoded.length === prefix.length) {
    throw new InvalidArgumentError('after', `a cursor returned by this ${kind} connection`, cursor);
  }
  return decoded.slice(prefix.length);
}

export function toPageRequest(kind: CursorKind, { first, after }: PageArgs): PageRequest {
  const size = first ?? DEFAULT_PAGE_SIZE;
  // Rejected rather than clamped: a silent clamp makes a client believe it has every record.
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw new InvalidArgumentError('first', `an integer from 0 to ${MAX_PAGE_SIZE}`, first);
  }
  return after == null ? { first: size } : { first: size, afterSlug: decodeCursor(kind, after) };
}

export function toConnection<T extends { readonly slug: string }>(kind: CursorKind, page: Page<T>): Connection<T> {
  const edges = page.items.map((node) => ({ cursor: encodeCursor(kind, node.slug), node }));
  return {
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.length > 0 ? edges[edges.length - 1].cursor : null },
    totalCount: page.totalCount,
  };
}

/** A cursor over a sequence (changes, problems): the sequence number of the last item seen. */
export function decodeSequenceCursor(kind: CursorKind, cursor: string): number {
  const value = decodeCursor(kind, cursor);
  const sequence = Number(value);
  if (!/^[1-9][0-9]*$/.test(value) || !Number.isSafeInteger(sequence)) {
    throw new InvalidArgumentError('after', `a cursor returned by this ${kind} connection`, cursor);
  }
  return sequence;
}

export function toSequenceConnection<T extends { readonly sequence: number }>(
  kind: CursorKind,
  page: Page<T>,
): Connection<T> {
  const edges = page.items.map((node) => ({ cursor: encodeCursor(kind, String(node.sequence)), node }));
  return {
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.length > 0 ? edges[edges.length - 1].cursor : null },
    totalCount: page.totalCount,
  };
}
