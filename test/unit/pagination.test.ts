import { InvalidArgumentError } from '../../src/domain/model/domain-error';
import { decodeCursor, encodeCursor, slugKey, toConnection, toPageRequest } from '../../src/domain/model/pagination';

describe('cursors', () => {
  it('round-trip a slug and are URL-safe', () => {
    const cursor = encodeCursor('skill', 'domain-driven-design');
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor('skill', cursor)).toBe('domain-driven-design');
  });

  it('refuse a cursor of another connection', () => {
    expect(() => decodeCursor('resource', encodeCursor('skill', 'x'))).toThrow(InvalidArgumentError);
  });

  it.each(['', 'not base64!', Buffer.from('skill:').toString('base64url'), Buffer.from('hello').toString('base64url')])(
    'refuse a malformed cursor %p',
    (cursor) => {
      expect(() => decodeCursor('skill', cursor)).toThrow(/after must be a cursor returned by this skill connection/);
    },
  );
});

describe('toPageRequest', () => {
  it('defaults to 20 and decodes after', () => {
    expect(toPageRequest('skill', {})).toEqual({ first: 20 });
    expect(toPageRequest('skill', { first: 5, after: encodeCursor('skill', 'b') })).toEqual({
      first: 5,
      afterSlug: 'b',
    });
  });

  it.each([-1, 101, 2.5])('rejects first = %p instead of clamping it', (first) => {
    expect(() => toPageRequest('skill', { first })).toThrow('first must be an integer from 0 to 100');
  });

  it('accepts the bounds 0 and 100', () => {
    expect(toPageRequest('skill', { first: 0 }).first).toBe(0);
    expect(toPageRequest('skill', { first: 100 }).first).toBe(100);
  });
});

describe('toConnection', () => {
  it('gives each edge its cursor and the page its end cursor', () => {
    const connection = toConnection(
      'skill',
      {
        items: [{ slug: 'a' }, { slug: 'b' }],
        hasNextPage: true,
        totalCount: 9,
      },
      slugKey,
    );
    expect(connection.edges.map((e) => decodeCursor('skill', e.cursor))).toEqual(['a', 'b']);
    expect(connection.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor('skill', 'b') });
    expect(connection.totalCount).toBe(9);
  });

  it('has a null end cursor on an empty page', () => {
    expect(
      toConnection('skill', { items: [], hasNextPage: false, totalCount: 0 }, slugKey).pageInfo.endCursor,
    ).toBeNull();
  });
});
