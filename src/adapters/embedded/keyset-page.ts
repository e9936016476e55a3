import type { Page, PageRequest, SequencePage } from '../../domain/ports/graph-store.port';
import { upperBound } from './sorted-index';

/**
 * One keyset page of `ordered`: the first `first` matches from index `start` on (the first key
 * past the cursor), counting every match, before the cursor too, for `totalCount`.
 */
function keysetPage<K, T>(
  ordered: readonly K[],
  start: number,
  first: number,
  matches: (key: K) => boolean,
  load: (key: K) => T,
): Page<T> {
  let totalCount = 0;
  const items: T[] = [];
  let hasNextPage = false;
  for (let i = 0; i < ordered.length; i++) {
    const key = ordered[i];
    if (!matches(key)) continue;
    totalCount++;
    if (i < start) continue;
    if (items.length < first) items.push(load(key));
    else hasNextPage = true;
  }
  return { items, hasNextPage, totalCount };
}

/** A page of slugs in sorted order, after `page.afterSlug`. */
export function slugPage<T>(
  sortedSlugs: readonly string[],
  page: PageRequest,
  matches: (slug: string) => boolean,
  load: (slug: string) => T,
): Page<T> {
  const start = page.afterSlug === undefined ? 0 : upperBound(sortedSlugs, page.afterSlug);
  return keysetPage(sortedSlugs, start, page.first, matches, load);
}

/** A page of items already ordered newest first, from below `page.beforeSequence`. */
export function sequencePage<T extends { sequence: number }>(newestFirst: readonly T[], page: SequencePage): Page<T> {
  const before = page.beforeSequence;
  const start = before === undefined ? 0 : newestFirst.findIndex((item) => item.sequence < before);
  return keysetPage(newestFirst, start === -1 ? newestFirst.length : start, page.first, all, (item) => item);
}

const all = () => true;
