import { ResponseCache, changesCachedAnswers, responseMediaType } from '../../src/http/response-cache';

const entry = (version: number, body = '{"data":{}}') => ({
  body,
  contentType: 'application/json',
  operation: null,
  version,
});
const anonymousPost = (body: unknown, headers: Record<string, string> = {}) => ({ method: 'POST', headers, body });

describe('ResponseCache', () => {
  it('keys anonymous POST queries by the media type of the answer, operation, variables and text', () => {
    const cache = new ResponseCache(1024 * 1024);
    const key = cache.keyOf(anonymousPost({ query: '{ a }', variables: { n: 1 }, operationName: 'A' }));
    expect(key).toBe('application/json; charset=utf-8\u0000A\u0000{"n":1}\u0000{ a }');
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

  it.each([
    [undefined, 'application/json; charset=utf-8'],
    ['application/json', 'application/json; charset=utf-8'],
    ['*/*', 'application/json; charset=utf-8'],
    ['application/graphql-response+json', 'application/graphql-response+json; charset=utf-8'],
    ['application/graphql-response+json, application/json;q=0.9', 'application/graphql-response+json; charset=utf-8'],
    ['text/html', null],
  ])('takes Accept %s to mean what Apollo answers in: %s', (accept, mediaType) => {
    expect(responseMediaType(accept)).toBe(mediaType);
  });

  it('keeps answers in different media types apart, and never looks up a request Apollo would refuse (406)', () => {
    const cache = new ResponseCache(1024 * 1024);
    const body = { query: '{ a }' };
    const json = cache.keyOf(anonymousPost(body, { accept: 'application/json' }));
    const graphqlJson = cache.keyOf(anonymousPost(body, { accept: 'application/graphql-response+json' }));
    expect(json).not.toBeNull();
    expect(graphqlJson).not.toBeNull();
    expect(json).not.toBe(graphqlJson);
    expect(cache.keyOf(anonymousPost(body, { accept: 'text/html' }))).toBeNull();
  });

  it('counts a transaction that only files a problem report as changing nothing cached', () => {
    expect(changesCachedAnswers(new Set(['findSkillsBySlugs', 'nextSequence', 'putProblem']))).toBe(false);
    expect(changesCachedAnswers(new Set(['findProblemsByIds', 'putProblem', 'nextSequence', 'recordChange']))).toBe(
      true,
    );
    expect(changesCachedAnswers(new Set(['findSkillsBySlugs', 'putSkill']))).toBe(true);
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
