import { loadDataset } from '../../src/dataset/load-dataset';

// The content bars of the canonical dataset, checked against the guide
// (shared/guide/fundamentals-of-backend-engineering.txt). Tables here were typed from the guide.

const dataset = loadDataset();
const skillSlugs = new Set(dataset.skills.map((s) => s.slug));
const skill = (slug: string) => dataset.skills.find((s) => s.slug === slug);

describe('areas and levels', () => {
  it('has exactly the five areas of the guide', () => {
    expect(dataset.areas.map((a) => a.slug)).toEqual([
      'cs-fundamentals',
      'backend-development',
      'system-design',
      'development-process',
      'operations',
    ]);
  });

  it('has junior, senior and principal ranked 1, 2, 3', () => {
    expect(dataset.levels.map((l) => [l.slug, l.rank])).toEqual([
      ['junior', 1],
      ['senior', 2],
      ['principal', 3],
    ]);
  });
});

describe('responsibilities', () => {
  // [slug, category, the guide's tag]
  const guide: [string, string, string][] = [
    ['design-architecture', 'TECHNICAL', 'senior'], // Architecture Design (Senior+)
    ['design-apis', 'TECHNICAL', 'junior'], // APIs design (Junior+)
    ['design-database-schemas', 'TECHNICAL', 'junior'], // Database schema design (Junior+)
    ['design-components', 'TECHNICAL', 'junior'], // Component Design (Junior+)
    ['weigh-quality-attributes', 'TECHNICAL', 'senior'], // quality attributes and tradeoffs (senior+)
    ['write-high-quality-code', 'TECHNICAL', 'junior'], // Write, review, and maintain high-quality code (Junior+)
    ['write-and-run-tests', 'TECHNICAL', 'junior'], // Write and perform tests (Junior+)
    ['maintain-ci-cd-pipelines', 'TECHNICAL', 'senior'], // CI/CD pipelines (Senior+)
    ['operate-production', 'TECHNICAL', 'senior'], // Operate, troubleshoot, and debug (Senior+)
    ['mentor-and-coach', 'LEADERSHIP', 'senior'], // Mentoring & coaching (senior+)
    ['define-technical-strategy', 'LEADERSHIP', 'principal'], // technical strategies (principal+)
    ['refine-development-processes', 'LEADERSHIP', 'principal'], // Refine development processes (principal+)
    ['consult-engineering-managers', 'LEADERSHIP', 'principal'], // Consult engineering managers (principal+)
    ['understand-the-business', 'BUSINESS', 'senior'], // deep understanding of the business (Senior+)
    ['consult-product-managers', 'BUSINESS', 'senior'], // consult product managers (Senior+)
    ['test-and-dogfood-products', 'BUSINESS', 'junior'], // product testing, dogfooding (Junior+)
    ['launch-and-assess-products', 'BUSINESS', 'senior'], // launching and post-launch assessment (Senior+)
  ];

  it('lists every responsibility of the guide with its category and seniority tag, in guide order', () => {
    expect(dataset.responsibilities.map((r) => [r.slug, r.category, r.level])).toEqual(guide);
  });

  it('links every responsibility to at least one skill', () => {
    for (const r of dataset.responsibilities) {
      expect(dataset.responsibilitySkills.filter((l) => l.from === r.slug).length).toBeGreaterThan(0);
    }
  });
});

describe('skills', () => {
  it('has at least 60 skills, each with a learner paragraph and study hours', () => {
    expect(dataset.skills.length).toBeGreaterThanOrEqual(60);
    for (const s of dataset.skills) {
      expect(s.description.split(/\s+/).length).toBeGreaterThanOrEqual(40);
      expect(s.estimatedHours).toBeGreaterThan(0);
    }
  });

  it('has a skill for every topic and knowledge point the guide names', () => {
    const named = [
      // Basic computer science knowledge
      'algorithms-and-data-structures',
      'computer-architecture',
      'operating-systems',
      'computer-networking',
      'databases',
      'programming-languages',
      'compilers',
      'computer-security',
      'distributed-systems',
      // High-quality code
      'high-quality-code',
      'component-design',
      'design-patterns',
      'legacy-code',
      'secure-coding',
      'software-testing',
      'unit-testing',
      'integration-testing',
      'performance-testing',
      // Backend development
      'framework-design-patterns',
      'layered-vs-hexagonal-architecture',
      'micro-vs-full-stack-frameworks',
      'architecture-styles',
      'data-persistence',
      'internationalization',
      'data-validation',
      'error-handling',
      'client-server-communication',
      'workflow-orchestration',
      'background-jobs',
      'distributed-transactions',
      'long-running-transactions',
      'observability',
      'health-checks',
      'logging',
      'metrics',
      'distributed-tracing',
      'config-and-secret-management',
      'service-communication',
      'sync-vs-async-communication',
      'messaging',
      'realtime-communication',
      'api-styles',
      'restful-api-design',
      'database-types',
      'nosql-databases',
      'newsql-databases',
      'relational-databases',
      'relational-schema-design',
      // System design
      'architecture-design-process',
      'software-quality-attributes',
      'performance-efficiency',
      'cost-effectiveness',
      'architecture-patterns',
      'domain-driven-design',
      'distributed-system-design',
      'real-world-systems',
      // Development process
      'lean',
      'agile',
      'devops',
      'calms',
      'shift-left',
      'continuous-integration',
      'continuous-delivery',
      'trunk-based-development',
    ];
    expect(named.filter((slug) => !skillSlugs.has(slug))).toEqual([]);
  });

  it('hangs sub-topics under their parent skill', () => {
    const parentOf = (slug: string) => skill(slug)?.parent;
    expect(['health-checks', 'logging', 'metrics', 'distributed-tracing'].map(parentOf)).toEqual(
      Array(4).fill('observability'),
    );
    expect(parentOf('layered-vs-hexagonal-architecture')).toBe('framework-design-patterns');
    expect(parentOf('long-running-transactions')).toBe('distributed-transactions');
    expect(parentOf('relational-schema-design')).toBe('relational-databases');
    expect(['calms', 'shift-left', 'trunk-based-development', 'continuous-integration'].map(parentOf)).toEqual(
      Array(4).fill('devops'),
    );
  });
});

describe('edges', () => {
  it('has at least 80 prerequisite edges, each with a readable one-line reason', () => {
    expect(dataset.prerequisites.length).toBeGreaterThanOrEqual(80);
    for (const edge of dataset.prerequisites) {
      expect(edge.reason).toMatch(/^[A-Z].{20,}[^.]$/);
    }
  });

  it('carries the reason the issue asks for on distributed transactions', () => {
    expect(dataset.prerequisites).toContainEqual({
      skill: 'distributed-transactions',
      requires: 'database-transactions',
      reason: 'Distributed transactions build on single-database transactions and isolation levels',
      strength: 'ESSENTIAL',
    });
  });

  it('has related-topic edges', () => {
    expect(dataset.related.length).toBeGreaterThanOrEqual(20);
  });
});

describe('resources', () => {
  it('has at least 60 resources, each teaching at least one skill', () => {
    expect(dataset.resources.length).toBeGreaterThanOrEqual(60);
    const linked = new Set(dataset.resourceSkills.map((l) => l.from));
    expect(dataset.resources.filter((r) => !linked.has(r.slug)).map((r) => r.slug)).toEqual([]);
  });

  it('gives every skill at least one resource', () => {
    const taught = new Set(dataset.resourceSkills.map((l) => l.skill));
    expect(dataset.skills.filter((s) => !taught.has(s.slug)).map((s) => s.slug)).toEqual([]);
  });

  it('uses each canonical URL once, and no placeholder hosts', () => {
    const urls = dataset.resources.map((r) => r.url);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls.filter((url) => /example\.(com|org|net)|localhost/.test(url))).toEqual([]);
  });

  it('gives books authors and a year', () => {
    for (const book of dataset.resources.filter((r) => r.kind === 'BOOK')) {
      expect(book.authors.length).toBeGreaterThan(0);
      expect(book.year).toEqual(expect.any(Number));
    }
  });

  it('includes the classics the guide’s lost links most likely pointed to', () => {
    const slugs = dataset.resources.map((r) => r.slug);
    expect(slugs).toEqual(
      expect.arrayContaining([
        'code-complete',
        'teach-yourself-computer-science',
        'ossu-computer-science',
        'building-microservices',
      ]),
    );
  });
});
