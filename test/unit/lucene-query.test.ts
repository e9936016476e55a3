import { luceneQuery } from '../../src/adapters/neo4j/lucene-query';

describe('luceneQuery', () => {
  it('matches each word fuzzily or as a prefix, any word sufficing, in lower case', () => {
    expect(luceneQuery('Event Sourcing')).toBe('(event~ event*) (sourcing~ sourcing*)');
  });

  it('splits on anything but letters and digits, keeping letters of every script', () => {
    expect(luceneQuery('  café/OAuth2, ünïcode ')).toBe('(café~ café*) (oauth2~ oauth2*) (ünïcode~ ünïcode*)');
  });

  it('is empty for text without a word, so the store can skip the search', () => {
    expect(luceneQuery('')).toBe('');
    expect(luceneQuery(' -+&|!(){}[]^"~*?:\\/ ')).toBe('');
  });

  it('keeps at most 16 words, so a long text cannot make a huge query', () => {
    const words = Array.from({ length: 20 }, (_, i) => `w${i}`);
    const query = luceneQuery(words.join(' '));
    expect(query.split(') (')).toHaveLength(16);
    expect(query).toContain('w15');
    expect(query).not.toContain('w16');
  });

  it('never lets Lucene syntax through: operators split words, and AND/OR become plain lower-case words', () => {
    expect(luceneQuery('a AND b')).toBe('(a~ a*) (and~ and*) (b~ b*)');
    expect(luceneQuery('title:x^10')).toBe('(title~ title*) (x~ x*) (10~ 10*)');
    expect(luceneQuery('"quoted" a* OR b?')).toBe('(quoted~ quoted*) (a~ a*) (or~ or*) (b~ b*)');
  });
});
