import type {
  Area,
  PrerequisiteEdge,
  Resource,
  Responsibility,
  SeniorityLevel,
  Skill,
} from '../../src/domain/model/skill-graph.types';
import type { Dataset, LinkRecord, RelatedEdge } from '../../src/dataset/dataset.types';

// Synthetic skill graphs of any size, for benchmarks and property tests. Deterministic for a
// seed. The shape imitates a real curriculum: a couple of "core" clusters of fundamentals that
// everything builds on, and many specialty clusters of about 100 skills each, layered so every
// prerequisite sits on a lower layer (hence acyclic, with chains shorter than the layer count).

export interface GeneratorOptions {
  readonly skills: number;
  readonly seed?: number;
  /** Average prerequisites per skill above the first layer. */
  readonly prerequisitesPerSkill?: number;
  /** Layers per cluster; the longest chain is at most layers - 1 (the domain allows 25). */
  readonly layers?: number;
  readonly clusterSize?: number;
  /** How many clusters are fundamentals that other clusters may require. Fixed, as in a real curriculum. */
  readonly coreClusters?: number;
}

const AREAS = ['cs-fundamentals', 'backend-development', 'system-design', 'development-process', 'operations'];
const LEVELS = ['junior', 'senior', 'principal'];
const WORDS = (
  'cache queue stream index shard replica lock schema query graph token route proxy cluster batch event ' +
  'service contract protocol kernel thread socket buffer ledger saga retry circuit metric trace audit ' +
  'compiler parser vector matrix hash tree heap partition quorum lease snapshot journal'
).split(' ');

export function generateDataset(options: GeneratorOptions): Dataset {
  const shape = shapeOf(options);
  // In this order: each part draws from the same random sequence, so a seed keeps its graph.
  const { skills, prerequisites } = skillsAndPrerequisites(shape);
  const related = relatedEdges(shape);
  const { resources, resourceSkills } = resourcesAndLinks(shape);
  const areas: Area[] = AREAS.map((a, i) => ({ slug: a, name: a, description: `Area ${a}`, position: i + 1 }));
  const levels: SeniorityLevel[] = LEVELS.map((l, i) => ({ slug: l, name: l, rank: i + 1, description: `Level ${l}` }));
  const { responsibilities, responsibilitySkills } = responsibilitiesAndLinks(shape);
  return {
    areas,
    levels,
    skills,
    prerequisites,
    related,
    responsibilities,
    responsibilitySkills,
    resources,
    resourceSkills,
  };
}

/** The graph's dimensions, its random source, and where each skill sits (cluster and layer). */
interface Shape {
  readonly n: number;
  readonly random: () => number;
  readonly pick: <T>(items: readonly T[]) => T;
  readonly layers: number;
  readonly clusterSize: number;
  readonly perSkill: number;
  readonly core: number;
  readonly slug: (i: number) => string;
  readonly clusterOf: (i: number) => number;
  readonly layerOf: (i: number) => number;
  /** Skills of each cluster by layer, to draw prerequisites from lower layers quickly. */
  readonly byLayer: readonly (readonly number[][])[];
}

function shapeOf(options: GeneratorOptions): Shape {
  const n = options.skills;
  const random = mulberry32(options.seed ?? 1);
  const layers = options.layers ?? 12;
  const clusterSize = options.clusterSize ?? 100;
  const clusters = Math.ceil(n / clusterSize);
  const clusterOf = (i: number) => Math.floor(i / clusterSize);
  const layerOf = (i: number) =>
    Math.floor(((i % clusterSize) * layers) / Math.min(clusterSize, n - clusterOf(i) * clusterSize));
  const byLayer: number[][][] = Array.from({ length: clusters }, () => Array.from({ length: layers }, () => []));
  for (let i = 0; i < n; i++) byLayer[clusterOf(i)][layerOf(i)].push(i);
  return {
    n,
    random,
    pick: <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)],
    layers,
    clusterSize,
    perSkill: options.prerequisitesPerSkill ?? 3,
    core: Math.min(options.coreClusters ?? 2, clusters),
    slug: (i: number) => `s-${String(i).padStart(7, '0')}`,
    clusterOf,
    layerOf,
    byLayer,
  };
}

function skillsAndPrerequisites(shape: Shape): { skills: Skill[]; prerequisites: PrerequisiteEdge[] } {
  const { n, random, pick, layers, slug } = shape;
  const skills: Skill[] = [];
  const prerequisites: PrerequisiteEdge[] = [];
  for (let i = 0; i < n; i++) {
    const cluster = shape.clusterOf(i);
    const layer = shape.layerOf(i);
    skills.push({
      slug: slug(i),
      name: `${pick(WORDS)} ${pick(WORDS)} ${i}`,
      aliases: [],
      description: paragraph(pick),
      estimatedHours: 1 + Math.floor(random() * 40),
      area: AREAS[cluster % AREAS.length],
      level: LEVELS[Math.min(LEVELS.length - 1, Math.floor((layer * LEVELS.length) / layers))],
      parent: i % 8 === 0 ? null : slug(i - (i % 8)),
    });
    if (layer === 0) continue;
    // One edge in five is helpful; chosen without drawing from `random`, so the shape of a graph
    // for a seed is what it was before edges had a strength.
    for (const target of prerequisitesOf(shape, cluster, layer)) {
      const strength = (i + target) % 5 === 0 ? 'HELPFUL' : 'ESSENTIAL';
      prerequisites.push({ skill: slug(i), requires: slug(target), reason: `step ${layer}`, strength });
    }
  }
  return { skills, prerequisites };
}

function prerequisitesOf(shape: Shape, cluster: number, layer: number): Set<number> {
  const { random, pick, core } = shape;
  const wanted = Math.max(1, Math.round(shape.perSkill * (0.5 + random())));
  const chosen = new Set<number>();
  for (let attempt = 0; chosen.size < wanted && attempt < wanted * 4; attempt++) {
    // Mostly the layer just below, sometimes deeper; one edge in ten into a core cluster.
    const below = Math.max(0, layer - 1 - Math.floor(random() * random() * layer));
    const from = cluster >= core && random() < 0.1 ? Math.floor(random() * core) : cluster;
    const candidates = shape.byLayer[from][below];
    if (candidates.length > 0) chosen.add(pick(candidates));
  }
  return chosen;
}

function relatedEdges({ n, random, slug, clusterOf, clusterSize }: Shape): RelatedEdge[] {
  const related: RelatedEdge[] = [];
  const relatedKeys = new Set<string>();
  for (let r = 0; r < Math.floor(n / 10); r++) {
    const a = Math.floor(random() * n);
    const b = clusterOf(a) * clusterSize + Math.floor(random() * Math.min(clusterSize, n - clusterOf(a) * clusterSize));
    const [x, y] = a < b ? [slug(a), slug(b)] : [slug(b), slug(a)];
    if (a !== b && !relatedKeys.has(`${x}|${y}`)) {
      relatedKeys.add(`${x}|${y}`);
      related.push({ skill: x, related: y });
    }
  }
  return related;
}

function resourcesAndLinks({ n, random, pick, slug }: Shape): { resources: Resource[]; resourceSkills: LinkRecord[] } {
  const resources: Resource[] = [];
  const resourceSkills: LinkRecord[] = [];
  for (let r = 0; r < Math.ceil(n / 2); r++) {
    const first = Math.floor(random() * n);
    const kind = pick(['BOOK', 'COURSE', 'GUIDE', 'ARTICLE'] as const);
    // Drawn in the same order as before access existed, so a seed gives the same graph.
    const free = random() < 0.5;
    resources.push({
      slug: `r-${String(r).padStart(7, '0')}`,
      title: `${pick(WORDS)} handbook ${r}`,
      kind,
      url: `https://resources.test/${r}`,
      // Books need authors and a year, as in the real dataset.
      authors: kind === 'BOOK' ? ['Generated Author'] : [],
      year: kind === 'BOOK' ? 2020 : null,
      free,
      access: free ? 'FREE' : 'PAID',
      difficulty: null,
      estimatedHours: 1 + Math.floor(random() * 30),
    });
    for (const skill of new Set([first, Math.min(n - 1, first + 1 + Math.floor(random() * 3))])) {
      resourceSkills.push({ from: `r-${String(r).padStart(7, '0')}`, skill: slug(skill) });
    }
  }
  return { resources, resourceSkills };
}

function responsibilitiesAndLinks({ n, random, slug }: Shape): {
  responsibilities: Responsibility[];
  responsibilitySkills: LinkRecord[];
} {
  const responsibilities: Responsibility[] = [];
  const responsibilitySkills: LinkRecord[] = [];
  for (let r = 0; r < 9; r++) {
    const slugR = `resp-${r}`;
    responsibilities.push({
      slug: slugR,
      name: `Responsibility ${r}`,
      description: 'Generated.',
      category: (['TECHNICAL', 'LEADERSHIP', 'BUSINESS'] as const)[r % 3],
      level: LEVELS[r % 3],
      position: r + 1,
    });
    for (const skill of new Set(Array.from({ length: 5 }, () => Math.floor(random() * n)))) {
      responsibilitySkills.push({ from: slugR, skill: slug(skill) });
    }
  }
  return { responsibilities, responsibilitySkills };
}

/** Words until the paragraph is as long as the dataset rules want a description to be. */
function paragraph(pick: <T>(items: readonly T[]) => T): string {
  const words: string[] = [];
  while (words.join(' ').length < 90) words.push(pick(WORDS));
  return `${words.join(' ')}.`;
}

/** A small, fast, seedable PRNG: the same seed gives the same graph on every machine. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
