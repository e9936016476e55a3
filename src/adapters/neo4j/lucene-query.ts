/**
 * A Lucene query for the user's words: each word escaped, then matched fuzzily (small typos) or
 * as a prefix, any word sufficing. It travels as a parameter; it is never spliced into Cypher.
 */
export function luceneQuery(text: string): string {
  return text
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 16)
    .map((word) => word.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&').toLowerCase())
    .map((word) => `(${word}~ ${word}*)`)
    .join(' ');
}
