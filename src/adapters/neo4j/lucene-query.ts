/**
 * A Lucene query for the user's words: each word escaped, then matched exactly, fuzzily (small
 * typos) or as a prefix, any word sufficing. It travels as a parameter; it is never spliced into
 * Cypher. Typos and prefixes are weighed and bounded as the embedded store's MiniSearch weighs
 * them (about one edit per five letters, none below three; fuzzy 0.45, prefix 0.375 of an exact
 * match): Lucene's bare `word~` allows two edits at any length and scores them like the word
 * itself, so "sso" found "sse", "soa" and "sql" before the skills that list "SSO" as an alias.
 */
export function luceneQuery(text: string): string {
  return text
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 16)
    .map((word) => word.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&').toLowerCase())
    .map((word) => {
      // Lucene's fuzzy queries take at most two edits.
      const edits = Math.min(2, Math.round(word.length * 0.2));
      return `(${word} ${edits > 0 ? `${word}~${edits}^0.45 ` : ''}${word}*^0.375)`;
    })
    .join(' ');
}
