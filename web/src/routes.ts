// Every view's state lives in its URL, so any page can be shared, bookmarked and reached again
// with back and forward. Pure functions (no DOM): unit-tested in test/unit/web/routes.test.ts.

export const DEFAULT_DEPTH = 10;
export const MAX_DEPTH = 25;
const DEFAULT_HOURS_PER_WEEK = 10;
export const LEVELS = ['junior', 'senior', 'principal'] as const;
export type LevelSlug = (typeof LEVELS)[number];

export type Route =
  | { view: 'home'; q: string }
  | { view: 'area'; slug: string; level: string | null }
  | { view: 'skill'; slug: string; depth: number; helpful: boolean }
  | {
      view: 'plan';
      targets: string[];
      known: string[];
      hoursPerWeek: number;
      freeOnly: boolean;
      helpful: boolean;
    }
  | { view: 'gaps'; level: LevelSlug; known: string[]; helpful: boolean }
  | { view: 'next'; known: string[]; helpful: boolean }
  | { view: 'not-found'; path: string };

export function parseRoute(url: URL): Route {
  const query = url.searchParams;
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  const helpful = query.get('helpful') === '1';
  const known = slugList(query.get('known'));
  const [first, second, ...rest] = segments.map(safeDecode);
  if (rest.length > 0 || first === null || second === null) return { view: 'not-found', path: url.pathname };

  if (first === undefined) return { view: 'home', q: query.get('q') ?? '' };
  if (first === 'areas' && second !== undefined) return { view: 'area', slug: second, level: query.get('level') };
  if (first === 'skills' && second !== undefined) {
    return { view: 'skill', slug: second, depth: boundedInt(query.get('depth'), 1, MAX_DEPTH, DEFAULT_DEPTH), helpful };
  }
  if (second !== undefined) return { view: 'not-found', path: url.pathname };
  if (first === 'plan') {
    return {
      view: 'plan',
      targets: slugList(query.get('targets')),
      known,
      hoursPerWeek: boundedInt(query.get('hours'), 1, 168, DEFAULT_HOURS_PER_WEEK),
      freeOnly: query.get('free') === '1',
      helpful,
    };
  }
  if (first === 'gaps') {
    const level = query.get('level');
    return { view: 'gaps', level: isLevel(level) ? level : 'senior', known, helpful };
  }
  if (first === 'next') return { view: 'next', known, helpful };
  return { view: 'not-found', path: url.pathname };
}

/** The path and query of a route; defaults are left out, so URLs stay short. */
export function hrefOf(route: Route): string {
  const query = new URLSearchParams();
  const flag = (name: string, on: boolean) => on && query.set(name, '1');
  const list = (name: string, slugs: readonly string[]) => slugs.length > 0 && query.set(name, slugs.join(','));
  let path: string;
  switch (route.view) {
    case 'home':
      path = '/';
      if (route.q !== '') query.set('q', route.q);
      break;
    case 'area':
      path = `/areas/${encodeURIComponent(route.slug)}`;
      if (route.level !== null) query.set('level', route.level);
      break;
    case 'skill':
      path = `/skills/${encodeURIComponent(route.slug)}`;
      if (route.depth !== DEFAULT_DEPTH) query.set('depth', String(route.depth));
      flag('helpful', route.helpful);
      break;
    case 'plan':
      path = '/plan';
      list('targets', route.targets);
      list('known', route.known);
      if (route.hoursPerWeek !== DEFAULT_HOURS_PER_WEEK) query.set('hours', String(route.hoursPerWeek));
      flag('free', route.freeOnly);
      flag('helpful', route.helpful);
      break;
    case 'gaps':
      path = '/gaps';
      query.set('level', route.level);
      list('known', route.known);
      flag('helpful', route.helpful);
      break;
    case 'next':
      path = '/next';
      list('known', route.known);
      flag('helpful', route.helpful);
      break;
    case 'not-found':
      return route.path;
  }
  const search = query.toString().replace(/%2C/g, ',');
  return search === '' ? path : `${path}?${search}`;
}

export const skillHref = (slug: string): string =>
  hrefOf({ view: 'skill', slug, depth: DEFAULT_DEPTH, helpful: false });

/** Comma-separated slugs, each once, in the order given. */
function slugList(value: string | null): string[] {
  if (value === null) return [];
  const slugs = value
    .split(',')
    .map((slug) => slug.trim())
    .filter((slug) => slug !== '');
  return [...new Set(slugs)];
}

function boundedInt(value: string | null, min: number, max: number, fallback: number): number {
  if (value === null || !/^\d+$/.test(value)) return fallback;
  return Math.min(max, Math.max(min, Number(value)));
}

function isLevel(value: string | null): value is LevelSlug {
  return (LEVELS as readonly (string | null)[]).includes(value);
}

/** A path segment decoded, or null when it is not valid percent-encoding. */
function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
