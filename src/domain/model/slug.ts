/** Code-unit order, the same order Neo4j's ORDER BY gives strings: every slug-ordered answer uses it. */
export function compareSlugs(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Records in slug order. */
export function compareBySlug(a: { readonly slug: string }, b: { readonly slug: string }): number {
  return compareSlugs(a.slug, b.slug);
}

/**
 * The slug a reader meant. Slugs are lower case by rule, so one typed in another case ("HTTP")
 * can only mean its lower-case form: questions accept it. Writes take slugs exactly as given.
 */
export function slugOf(typed: string): string {
  return typed.toLowerCase();
}
