import {
  CONTENT_CHAIN_LIMIT,
  JUNIOR_PLAN_LIMIT_HOURS,
  distribution,
  essentialPlans,
} from '../../scripts/support/dataset-stats';
import { loadDataset } from '../../src/dataset/load-dataset';

// The bars an experienced engineer set for the content, checked over data/ on every run. The
// figures behind them are printed by `npm run data:stats`.

const dataset = loadDataset();
const plans = essentialPlans(dataset);
const slugs = new Set(dataset.skills.map((s) => s.slug));
const essential = dataset.prerequisites.filter((e) => e.strength === 'ESSENTIAL');

/** Every skill the skill essentially needs, transitively (itself excluded). */
function essentialClosure(slug: string): Set<string> {
  const found = new Set<string>();
  const stack = essential.filter((e) => e.skill === slug).map((e) => e.requires);
  while (stack.length > 0) {
    const next = stack.pop() as string;
    if (found.has(next)) continue;
    found.add(next);
    stack.push(...essential.filter((e) => e.skill === next).map((e) => e.requires));
  }
  return found;
}

describe('a learner’s essential plans', () => {
  it(`keeps every junior skill within ${JUNIOR_PLAN_LIMIT_HOURS} hours from scratch`, () => {
    const over = plans.filter((p) => p.level === 'junior' && p.planHours > JUNIOR_PLAN_LIMIT_HOURS);
    expect(over.map((p) => `${p.slug}: ${p.planHours} h`)).toEqual([]);
  });

  it(`has no essential chain longer than ${CONTENT_CHAIN_LIMIT} steps`, () => {
    const long = plans.filter((p) => p.chainSteps > CONTENT_CHAIN_LIMIT);
    expect(long.map((p) => p.chain.join(' → '))).toEqual([]);
  });

  it('puts nothing senior or principal in a junior skill’s essential plan', () => {
    const levelOf = new Map(dataset.skills.map((s) => [s.slug, s.level]));
    const leaks = plans
      .filter((p) => p.level === 'junior')
      .flatMap((p) =>
        [...essentialClosure(p.slug)].filter((s) => levelOf.get(s) !== 'junior').map((s) => `${p.slug} ← ${s}`),
      );
    expect(leaks).toEqual([]);
  });

  it('roots the graph in programming in one language, not in language theory or storage internals', () => {
    expect(plans.filter((p) => essentialClosure(p.slug).has('programming-in-one-language')).length).toBeGreaterThan(
      dataset.skills.length / 2,
    );
    for (const advanced of ['programming-languages', 'compilers', 'databases']) {
      expect(dataset.skills.find((s) => s.slug === advanced)?.level).toBe('senior');
    }
    // Backends and relational databases build on SQL; internals come after it, not before.
    expect(essentialClosure('relational-databases')).toContain('sql');
    expect(essentialClosure('relational-databases')).not.toContain('databases');
    expect(essentialClosure('backend-application-development')).not.toContain('databases');
    expect(essentialClosure('databases')).toContain('sql');
  });

  it('fixes the edges the review found wrong', () => {
    const has = (skill: string, requires: string) =>
      essential.some((e) => e.skill === skill && e.requires === requires);
    for (const skill of ['high-quality-code', 'software-testing', 'backend-application-development']) {
      expect({ skill, requiresLanguageTheory: has(skill, 'programming-languages') }).toEqual({
        skill,
        requiresLanguageTheory: false,
      });
    }
    expect(has('microservices', 'containers')).toBe(false);
    expect(has('data-partitioning-and-replication', 'consensus-and-replication')).toBe(false);
    const any = (skill: string, requires: string) =>
      dataset.prerequisites.some((e) => e.skill === skill && e.requires === requires);
    expect(any('secure-coding', 'http')).toBe(true);
    expect(any('data-persistence', 'database-transactions')).toBe(true);
    expect(any('performance-testing', 'metrics')).toBe(true);
    expect(any('deployment-strategies', 'database-migrations')).toBe(true);
    expect(any('microservices', 'observability')).toBe(true);
    expect(any('microservices', 'continuous-delivery')).toBe(true);
  });

  it('prints the distribution of plan hours and chain lengths by level', () => {
    const lines = dataset.levels.map((level) => {
      const of = plans.filter((p) => p.level === level.slug);
      const hours = distribution(of.map((p) => p.planHours));
      const chains = distribution(of.map((p) => p.chainSteps));
      return `${level.slug}: ${hours.count} skills, plan hours median ${hours.median}, p90 ${hours.p90}, max ${hours.max}; chain steps median ${chains.median}, max ${chains.max}`;
    });
    console.log(`essential plans from scratch\n  ${lines.join('\n  ')}`);
    expect(lines).toHaveLength(dataset.levels.length);
  });
});

describe('breadth', () => {
  it('has at least 150 skills, 250 prerequisites with a reason and a strength, and 200 resources', () => {
    expect(dataset.skills.length).toBeGreaterThanOrEqual(150);
    expect(dataset.prerequisites.length).toBeGreaterThanOrEqual(250);
    expect(
      dataset.prerequisites.every((e) => e.reason.length > 0 && ['ESSENTIAL', 'HELPFUL'].includes(e.strength)),
    ).toBe(true);
    expect(dataset.resources.length).toBeGreaterThanOrEqual(200);
  });

  it.each([
    [
      'every architecture style the guide names',
      ['monolith', 'modular-monolith', 'service-oriented-architecture', 'event-driven-architecture', 'microservices'],
    ],
    [
      'authentication and authorization',
      [
        'authentication',
        'session-cookie-authentication',
        'token-authentication',
        'http-basic-authentication',
        'oauth2',
        'openid-connect',
        'jwt',
        'authorization',
      ],
    ],
    [
      'web security',
      ['https-tls', 'cors', 'content-security-policy', 'csrf', 'password-hashing', 'owasp-top-10', 'server-hardening'],
    ],
    [
      'resilience',
      [
        'rate-limiting',
        'graceful-degradation-and-load-shedding',
        'circuit-breakers',
        'timeouts-and-retries',
        'backpressure',
      ],
    ],
    [
      'infrastructure between clients and code',
      [
        'search-engines',
        'web-servers-and-reverse-proxies',
        'scalability-and-load-balancing',
        'api-gateways',
        'cdn',
        'serverless',
        'service-mesh',
      ],
    ],
    [
      'working with databases',
      [
        'orms',
        'database-migrations',
        'n-plus-one-queries',
        'query-profiling',
        'database-indexing',
        'cap-theorem',
        'sql',
      ],
    ],
    [
      'APIs and the development process',
      ['openapi', 'test-driven-development', 'functional-and-e2e-testing', 'code-review', 'pull-request-workflow'],
    ],
    [
      'the leadership and business side',
      ['mentoring-and-coaching', 'stakeholder-communication', 'roadmapping-and-prioritization', 'business-acumen'],
    ],
  ])('covers %s, each as a skill of its own', (_topic, wanted) => {
    expect(wanted.filter((slug) => !slugs.has(slug))).toEqual([]);
  });

  it('has no two skills of the same name, and no resource listed twice', () => {
    const names = dataset.skills.map((s) => s.name.toLowerCase());
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
    const urls = dataset.resources.map((r) => r.url.replace(/\/$/, ''));
    expect(urls.filter((url, i) => urls.indexOf(url) !== i)).toEqual([]);
  });
});

describe('resources and hours', () => {
  it('gives every skill at least two resources, at least one of them free', () => {
    const taught = new Map<string, { all: number; free: number }>();
    const free = new Map(dataset.resources.map((r) => [r.slug, r.free]));
    for (const { from, skill } of dataset.resourceSkills) {
      const counts = taught.get(skill) ?? { all: 0, free: 0 };
      taught.set(skill, { all: counts.all + 1, free: counts.free + (free.get(from) ? 1 : 0) });
    }
    const short = dataset.skills
      .map((s) => ({ slug: s.slug, ...(taught.get(s.slug) ?? { all: 0, free: 0 }) }))
      .filter((s) => s.all < 2 || s.free < 1);
    expect(short).toEqual([]);
  });

  it('names the authors, people or the publishing organisation, of every resource', () => {
    expect(dataset.resources.filter((r) => r.authors.length === 0).map((r) => r.slug)).toEqual([]);
  });

  it('counts a parent’s own hours, not the sum of its sub-topics, so a plan never counts them twice', () => {
    const children = new Map<string, number[]>();
    for (const skill of dataset.skills) {
      if (skill.parent !== null)
        children.set(skill.parent, [...(children.get(skill.parent) ?? []), skill.estimatedHours]);
    }
    const parents = dataset.skills.flatMap((skill) => {
      const hours = children.get(skill.slug);
      return hours === undefined ? [] : [{ skill, count: hours.length, sum: hours.reduce((a, b) => a + b, 0) }];
    });
    expect(parents.filter(({ skill, sum }) => skill.estimatedHours === sum).map(({ skill }) => skill.slug)).toEqual([]);
    // An umbrella (five or more sub-topics) is an overview: its own hours are less than theirs.
    const umbrellas = parents.filter(({ count }) => count >= 5);
    expect(umbrellas.length).toBeGreaterThan(5);
    expect(umbrellas.filter(({ skill, sum }) => skill.estimatedHours >= sum).map(({ skill }) => skill.slug)).toEqual(
      [],
    );
  });

  it('carries the edition of the content', () => {
    expect(dataset.version).toEqual({ version: expect.stringMatching(/^\d+\.\d+\.\d+$/), date: expect.any(String) });
  });
});
