// Every bound a question or a page may ask for, in one place: the domain checks them, the
// GraphQL arguments describe them, both stores and the dataset rules use the chain depth.

export const DEFAULT_CHAIN_DEPTH = 10;

/**
 * The longest prerequisite chain the graph may hold, in REQUIRES hops. Every traversal is
 * bounded by it (Cypher needs a literal bound), and the dataset and writes refuse longer chains,
 * so a bounded traversal is always complete. No sane curriculum is 25 steps deep.
 */
export const MAX_CHAIN_DEPTH = 25;

/** The longest text a search takes, in `search` and in a skill filter. */
export const MAX_SEARCH_TEXT = 200;

/** The most hits one `search` returns. */
export const MAX_SEARCH_RESULTS = 50;

/** The most skills one learning path may aim at. */
export const MAX_TARGETS = 50;

/** The most skills a learner may say they know. */
export const MAX_KNOWN = 500;

/** The most skills a ranked answer (ready to learn, foundations) returns. */
export const MAX_RESULTS = 100;

/** A week has 168 hours. */
export const MAX_HOURS_PER_WEEK = 168;

/** The largest `maxHours` a resource filter takes: no resource is longer. */
export const MAX_RESOURCE_HOURS = 1000;

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
