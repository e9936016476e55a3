import { ResponseCache } from '../../src/http/response-cache';

const entry = (version: number, body = '{"data":{}}') => ({
  body,
  contentType: 'application/json',
  operation: null,
  version,
});
const anonymousPost = (body: unknown) => ({ method: 'POST', headers: {}, body });

describe('ResponseCache', () => {
  it('keys anonymous POST queries by operation, variables and text', () => {
    const cache = new ResponseCache(1024 * 1024);
    const key = cache.keyOf(anonymousPost({ query: '{ a }', variables: { n: 1 }, operationName: 'A' }));
    expect(key).toBe('A\u0000{"n":1}\u0000{ a }');
    expect(cache.keyOf(anonymousPost({ query: '{ a }', variables: { n: 2 }, operationName: 'A' }))).not.toBe(key);
  });

  it.each([
    ['an editor', { method: 'POST', headers: { authorization: 'Bearer x' }, body: { query: '{ a }' } }],
    ['a GET (its CSRF checks must run)', { method: 'GET', headers: {}, body: undefined }],
    ['a persisted-query hash', anonymousPost({ extensions: { persistedQuery: { sha256Hash: 'abc' } } })],
    ['a body that is not a query', anonymousPost([{ query: '{ a }' }])],
  ])('does not cache the request of %s', (_case, request) => {
    expect(new ResponseCache(1024).keyOf(request)).toBeNull();
  });

  it('serves an entry only while the graph version it was computed on is current', () => {
    const cache = new ResponseCache(1024 * 1024);
    cache.set('k', entry(cache.version));
    expect(cache.get('k')).toBeDefined();
    cache.invalidate();
    expect(cache.get('k')).toBeUndefined();
  });

  it('refuses an answer computed before a write that committed meanwhile', () => {
    const cache = new ResponseCache(1024 * 1024);
    const startedAt = cache.version;
    cache.invalidate(); // a write commits while the query runs
    cache.set('k', entry(startedAt));
    expect(cache.get('k')).toBeUndefined();
  });

  it('keeps within its size, dropping the least recently used', () => {
    const cache = new ResponseCache(100);
    cache.set('a', entry(0, 'x'.repeat(60)));
    cache.set('b', entry(0, 'y'.repeat(60)));
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBeDefined();
  });
});
