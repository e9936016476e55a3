// Bounds shared by the domain, both stores and the dataset rules.

export const DEFAULT_CHAIN_DEPTH = 10;

/**
 * The longest prerequisite chain the graph may hold, in REQUIRES hops. Every traversal is
 * bounded by it (Cypher needs a literal bound), and the dataset and writes refuse longer chains,
 * so a bounded traversal is always complete. No sane curriculum is 25 steps deep.
 */
export const MAX_CHAIN_DEPTH = 25;

/** The longest text a search takes, in `search` and in a skill filter. */
export const MAX_SEARCH_TEXT = 200;
