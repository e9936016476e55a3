import type { Page, PageRequest, SequencePage } from '../ports/graph-store.port';
import { InvalidArgumentError } from './domain-error';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './limits';
import { requireIntegerIn } from './validation';

// Relay-style connections over keyset pages. Cursors are opaque to clients but are just
// "<kind>:<key>" in base64url (a slug, or a sequence number), so a page is stable while other
// records are added or removed.

export type CursorKind = 'skill' | 'resource' | 'change' | 'problem';

export interface PageArgs {
  readonly first?: number | null;
  readonly after?: string | null;
}

interface Edge<T> {
  readonly cursor: string;
  readonly node: T;
}

export interface Connection<T> {
  readonly edges: readonly Edge<T>[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly totalCount: number;
}

/** The key a cursor holds: the slug, for records paged in slug order. */
export const slugKey = (node: { readonly slug: string }): string => node.slug;

/** The key a cursor holds: the sequence number, for records paged newest first (changes, problems). */
export const sequenceKey = (node: { readonly sequence: number }): string => String(node.sequence);

export function encodeCursor(kind: CursorKind, key: string): string {
  return Buffer.from(`${kind}:${key}`, 'utf8').toString('base64url');
}

export function decodeCursor(kind: CursorKind, cursor: string): string {
  const decoded = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const prefix = `${kind}:`;
  if (!decoded.startsWith(prefix) || decoded.length === prefix.length) {
    throw new InvalidArgumentError('after', `a cursor returned by this ${kind} connection`, cursor);
  }
  return decoded.slice(prefix.length);
}

/** A cursor over a sequence (changes, problems): the sequence number of the last item seen. */
function decodeSequenceCursor(kind: CursorKind, cursor: string): number {
  const value = decodeCursor(kind, cursor);
  const sequence = Number(value);
  if (!/^[1-9][0-9]*$/.test(value) || !Number.isSafeInteger(sequence)) {
    throw new InvalidArgumentError('after', `a cursor returned by this ${kind} connection`, cursor);
  }
  return sequence;
}

/** A page in slug order, after the slug in the cursor; an absent `first` is the default size. */
export function toPageRequest(kind: CursorKind, { first, after }: PageArgs): PageRequest {
  // Rejected rather than clamped: a silent clamp makes a client believe it has every record.
  const size = requireIntegerIn('first', first ?? DEFAULT_PAGE_SIZE, 0, MAX_PAGE_SIZE);
  return after == null ? { first: size } : { first: size, afterSlug: decodeCursor(kind, after) };
}

/** A page of a sequence, newest first, before the sequence number in the cursor; `first` is required. */
export function toSequencePageRequest(
  kind: CursorKind,
  { first, after }: { readonly first: number; readonly after?: string | null },
): SequencePage {
  requireIntegerIn('first', first, 0, MAX_PAGE_SIZE);
  return after == null ? { first } : { first, beforeSequence: decodeSequenceCursor(kind, after) };
}

/** The connection over a page; `cursorOf` says what each node's cursor holds (`slugKey`, `sequenceKey`). */
export function toConnection<T>(kind: CursorKind, page: Page<T>, cursorOf: (node: T) => string): Connection<T> {
  const edges = page.items.map((node) => ({ cursor: encodeCursor(kind, cursorOf(node)), node }));
  return {
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.length > 0 ? edges[edges.length - 1].cursor : null },
    totalCount: page.totalCount,
  };
}
