import { DEFAULT_DEPTH, type Route, hrefOf, parseRoute } from '../../../web/src/routes';

const at = (path: string) => parseRoute(new URL(path, 'http://explorer.test'));

describe('explorer routes', () => {
  it.each<[string, Route]>([
    ['/', { view: 'home', q: '' }],
    ['/?q=distribted%20tx', { view: 'home', q: 'distribted tx' }],
    ['/areas/operations', { view: 'area', slug: 'operations', level: null }],
    ['/areas/operations?level=junior', { view: 'area', slug: 'operations', level: 'junior' }],
    ['/skills/http', { view: 'skill', slug: 'http', depth: DEFAULT_DEPTH, helpful: false }],
    ['/skills/http?depth=3&helpful=1', { view: 'skill', slug: 'http', depth: 3, helpful: true }],
    [
      '/plan?targets=caching,http&known=tcp-ip&hours=6&free=1',
      {
        view: 'plan',
        targets: ['caching', 'http'],
        known: ['tcp-ip'],
        hoursPerWeek: 6,
        freeOnly: true,
        helpful: false,
      },
    ],
    ['/gaps?level=principal&known=http', { view: 'gaps', level: 'principal', known: ['http'], helpful: false }],
    ['/next?known=http,sql&helpful=1', { view: 'next', known: ['http', 'sql'], helpful: true }],
  ])('%s is read as its view and written back the same', (path, route) => {
    expect(at(path)).toEqual(route);
    expect(hrefOf(route)).toBe(path === '/?q=distribted%20tx' ? '/?q=distribted+tx' : path);
    expect(at(hrefOf(route))).toEqual(route);
  });

  it('clamps depth and hours into what the API accepts, and ignores garbage', () => {
    expect(at('/skills/http?depth=99')).toMatchObject({ depth: 25 });
    expect(at('/skills/http?depth=0')).toMatchObject({ depth: 1 });
    expect(at('/skills/http?depth=-3')).toMatchObject({ depth: DEFAULT_DEPTH });
    expect(at('/plan?hours=1000')).toMatchObject({ hoursPerWeek: 168 });
    expect(at('/plan?hours=abc')).toMatchObject({ hoursPerWeek: 10 });
  });

  it('keeps each slug once, in order, and drops empty entries', () => {
    expect(at('/plan?targets=b,a,,b, c')).toMatchObject({ targets: ['b', 'a', 'c'] });
  });

  it('falls back to senior for a level it does not know', () => {
    expect(at('/gaps?level=wizard')).toMatchObject({ level: 'senior' });
  });

  it('sends unknown and malformed addresses to the not-found view', () => {
    expect(at('/nowhere')).toEqual({ view: 'not-found', path: '/nowhere' });
    expect(at('/skills/http/extra')).toMatchObject({ view: 'not-found' });
    expect(at('/plan/extra')).toMatchObject({ view: 'not-found' });
    expect(at('/skills/%E0%A4%A')).toMatchObject({ view: 'not-found' });
  });

  it('encodes slugs in paths, so no slug can change the route', () => {
    const href = hrefOf({ view: 'skill', slug: '../graphql?x', depth: DEFAULT_DEPTH, helpful: false });
    expect(href).toBe('/skills/..%2Fgraphql%3Fx');
    expect(at(href)).toMatchObject({ view: 'skill', slug: '../graphql?x' });
  });
});
