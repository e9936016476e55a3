import { luceneQuery } from '../../src/adapters/neo4j/lucene-query';

describe('luceneQuery', () => {
  it('matches each word exactly, fuzzily or as a prefix, any word sufficing, in lower case', () => {
    expect(luceneQuery('Event Sourcing')).toBe(
      '(event event~1^0.45 event*^0.375) (sourcing sourcing~2^0.45 sourcing*^0.375)',
    );
  });

  it('bounds typos as the embedded store does: none below three letters, one per five, at most two', () => {
    expect(luceneQuery('go SSO kafka distributed transactionality')).toBe(
      [
        '(go go*^0.375)',
        '(sso sso~1^0.45 sso*^0.375)',
        '(kafka kafka~1^0.45 kafka*^0.375)',
        '(distributed distributed~2^0.45 distributed*^0.375)',
        '(transactionality transactionality~2^0.45 transactionality*^0.375)',
      ].join(' '),
    );
  });

  it('splits on anything but letters and digits, keeping letters of every script', () => {
    expect(luceneQuery('  café/OAuth2, ünïcode ')).toBe(
      '(café café~1^0.45 café*^0.375) (oauth2 oauth2~1^0.45 oauth2*^0.375) (ünïcode ünïcode~1^0.45 ünïcode*^0.375)',
    );
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
    expect(luceneQuery('a AND b')).toBe('(a a*^0.375) (and and~1^0.45 and*^0.375) (b b*^0.375)');
    expect(luceneQuery('title:x^10')).toBe('(title title~1^0.45 title*^0.375) (x x*^0.375) (10 10*^0.375)');
    expect(luceneQuery('"quoted" a* OR b?')).toBe(
      '(quoted quoted~1^0.45 quoted*^0.375) (a a*^0.375) (or or*^0.375) (b b*^0.375)',
    );
  });
});
