import { compareSlugs } from '../../domain/model/slug';

/**
 * key -> slugs, each list kept sorted so reads need no sorting. The embedded store's
 * equivalent of a relationship index.
 */
export class SortedIndex {
  private readonly lists = new Map<string, string[]>();

  add(key: string, slug: string): void {
    const list = this.lists.get(key);
    if (!list) {
      this.lists.set(key, [slug]);
      return;
    }
    const at = lowerBound(list, slug);
    if (list[at] !== slug) list.splice(at, 0, slug);
  }

  remove(key: string, slug: string): void {
    const list = this.lists.get(key);
    if (!list) return;
    const at = lowerBound(list, slug);
    if (list[at] === slug) list.splice(at, 1);
    if (list.length === 0) this.lists.delete(key);
  }

  removeKey(key: string): void {
    this.lists.delete(key);
  }

  get(key: string): readonly string[] {
    return this.lists.get(key) ?? [];
  }

  /** The length of the longest list (0 when empty). */
  longest(): number {
    let longest = 0;
    for (const list of this.lists.values()) longest = Math.max(longest, list.length);
    return longest;
  }
}

/** First index whose element is not less than `slug` in a sorted list. */
function lowerBound(sorted: readonly string[], slug: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareSlugs(sorted[mid], slug) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** First index whose element is greater than `slug`. */
export function upperBound(sorted: readonly string[], slug: string): number {
  const at = lowerBound(sorted, slug);
  return sorted[at] === slug ? at + 1 : at;
}

/** Inserts `slug` into a sorted list of distinct slugs (the caller knows it is absent). */
export function insertSorted(sorted: string[], slug: string): void {
  sorted.splice(lowerBound(sorted, slug), 0, slug);
}

export function removeSorted(sorted: string[], slug: string): void {
  const at = lowerBound(sorted, slug);
  if (sorted[at] === slug) sorted.splice(at, 1);
}
