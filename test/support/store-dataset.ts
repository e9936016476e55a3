import type { Dataset } from '../../src/dataset/dataset.types';
import { MAX_CHAIN_DEPTH } from '../../src/domain/model/limits';
import type { GraphReader, Page, PageRequest } from '../../src/domain/ports/graph-store.port';
import { allUnlockCounts } from '../../src/domain/graph/prerequisite-graph';
import { compareSlugs } from '../../src/domain/model/slug';

// The graph as a store answers it through the port, as a Dataset: what a client sees. Every
// relationship is read in both directions (resource -> skills and skill -> resources, parent and
// children, ...) and unlock counts against the edges, so a store whose indexes disagree with one
// another fails here instead of answering two clients differently.

export async function readDataset(reader: GraphReader): Promise<Dataset> {
  const areas = await reader.listAreas();
  const levels = await reader.listLevels();
  const skills = await everyPage((page) => reader.listSkills({}, page));
  const slugs = skills.map((s) => s.slug);
  const prerequisites = (await reader.prerequisitesOfSkills(slugs)).flatMap((links, i) =>
    links.map((link) => ({ skill: slugs[i], requires: link.skill.slug, reason: link.reason, strength: link.strength })),
  );
  const neighbours = await reader.relatedOfSkills(slugs);
  const related = neighbours.flatMap((others, i) =>
    others.filter((o) => compareSlugs(slugs[i], o.slug) < 0).map((o) => ({ skill: slugs[i], related: o.slug })),
  );
  const responsibilities = await reader.listResponsibilities({});
  const responsibilitySkills = (await reader.skillsOfResponsibilities(responsibilities.map((r) => r.slug))).flatMap(
    (needed, i) => needed.map((s) => ({ from: responsibilities[i].slug, skill: s.slug })),
  );
  const resources = await everyPage((page) => reader.listResources({}, page));
  const resourceSkills = (await reader.skillsOfResources(resources.map((r) => r.slug))).flatMap((taught, i) =>
    taught.map((s) => ({ from: resources[i].slug, skill: s.slug })),
  );
  const dataset = {
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
  await crossCheck(reader, dataset, neighbours);
  return dataset;
}

/** The same graph in one order whatever order a store or a file lists it in, for comparisons. */
export function canonicalDataset(dataset: Dataset): Dataset {
  const bySlug = <T extends { slug: string }>(items: readonly T[]) =>
    [...items].sort((a, b) => compareSlugs(a.slug, b.slug));
  const byPair = <T>(items: readonly T[], key: (item: T) => string) =>
    [...items].sort((a, b) => compareSlugs(key(a), key(b)));
  return {
    areas: [...dataset.areas].sort((a, b) => a.position - b.position),
    levels: [...dataset.levels].sort((a, b) => a.rank - b.rank),
    skills: bySlug(dataset.skills),
    prerequisites: byPair(dataset.prerequisites, (e) => `${e.skill}\u0000${e.requires}`),
    related: byPair(
      dataset.related.map((e) => (compareSlugs(e.skill, e.related) < 0 ? e : { skill: e.related, related: e.skill })),
      (e) => `${e.skill}\u0000${e.related}`,
    ),
    responsibilities: [...dataset.responsibilities].sort((a, b) => a.position - b.position),
    responsibilitySkills: byPair(dataset.responsibilitySkills, (l) => `${l.from}\u0000${l.skill}`),
    resources: bySlug(dataset.resources),
    resourceSkills: byPair(dataset.resourceSkills, (l) => `${l.from}\u0000${l.skill}`),
  };
}

async function everyPage<T extends { slug: string }>(list: (page: PageRequest) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  for (;;) {
    const page = await list({ first: 100, afterSlug: items.at(-1)?.slug });
    items.push(...page.items);
    if (!page.hasNextPage) return items;
  }
}

async function crossCheck(
  reader: GraphReader,
  dataset: Dataset,
  neighbours: readonly (readonly { slug: string }[])[],
): Promise<void> {
  const problems: string[] = [];
  const same: Same = (what, actual, expected) => {
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      problems.push(`${what}: ${JSON.stringify(actual)} where the other direction says ${JSON.stringify(expected)}`);
    }
  };
  await checkSkillLookups(reader, dataset, neighbours, same);
  await checkGroupings(reader, dataset, same);
  await checkTraversals(reader, dataset, same);
  if (problems.length > 0) throw new Error(`The store answers inconsistently:\n  ${problems.join('\n  ')}`);
}

/** Records a problem when the store's answer differs from what the other direction implies. */
type Same = (what: string, actual: unknown, expected: unknown) => void;

const grouped = (keys: readonly string[], pairs: readonly (readonly [string, string])[]) =>
  keys.map((key) =>
    pairs
      .filter(([k]) => k === key)
      .map(([, v]) => v)
      .sort(compareSlugs),
  );
const sorted = (values: readonly string[]) => [...values].sort(compareSlugs);

async function checkSkillLookups(
  reader: GraphReader,
  dataset: Dataset,
  neighbours: readonly (readonly { slug: string }[])[],
  same: Same,
): Promise<void> {
  const slugs = dataset.skills.map((s) => s.slug);
  same('findSkillsBySlugs', await reader.findSkillsBySlugs(slugs), dataset.skills);
  same(
    'findResourcesBySlugs',
    await reader.findResourcesBySlugs(dataset.resources.map((r) => r.slug)),
    dataset.resources,
  );
  same(
    'resourcesOfSkills',
    (await reader.resourcesOfSkills(slugs)).map((rs) => rs.map((r) => r.slug)),
    grouped(
      slugs,
      dataset.resourceSkills.map((l) => [l.skill, l.from]),
    ),
  );
  same(
    'responsibilitiesOfSkills',
    (await reader.responsibilitiesOfSkills(slugs)).map((rs) => sorted(rs.map((r) => r.slug))),
    grouped(
      slugs,
      dataset.responsibilitySkills.map((l) => [l.skill, l.from]),
    ),
  );
  same(
    'dependentsOfSkills',
    (await reader.dependentsOfSkills(slugs)).map((ls) => ls.map((l) => l.skill.slug)),
    grouped(
      slugs,
      dataset.prerequisites.map((e) => [e.requires, e.skill]),
    ),
  );
  same(
    'childrenOfSkills',
    (await reader.childrenOfSkills(slugs)).map((cs) => cs.map((c) => c.slug)),
    grouped(
      slugs,
      dataset.skills.flatMap((s) => (s.parent === null ? [] : [[s.parent, s.slug] as const])),
    ),
  );
  same(
    'relatedOfSkills',
    neighbours.map((ns) => ns.map((n) => n.slug)),
    grouped(
      slugs,
      dataset.related.flatMap((e) => [[e.skill, e.related] as const, [e.related, e.skill] as const]),
    ),
  );
}

async function checkGroupings(reader: GraphReader, dataset: Dataset, same: Same): Promise<void> {
  const areaSlugs = dataset.areas.map((a) => a.slug);
  const skillsByArea = grouped(
    areaSlugs,
    dataset.skills.map((s) => [s.area, s.slug]),
  );
  same(
    'skillsOfAreas',
    (await reader.skillsOfAreas(areaSlugs)).map((ss) => ss.map((s) => s.slug)),
    skillsByArea,
  );
  same(
    'countSkillsOfAreas',
    await reader.countSkillsOfAreas(areaSlugs),
    skillsByArea.map((s) => s.length),
  );
  const levelSlugs = dataset.levels.map((l) => l.slug);
  same(
    'skillsOfLevels',
    (await reader.skillsOfLevels(levelSlugs)).map((ss) => ss.map((s) => s.slug)),
    grouped(
      levelSlugs,
      dataset.skills.map((s) => [s.level, s.slug]),
    ),
  );
}

async function checkTraversals(reader: GraphReader, dataset: Dataset, same: Same): Promise<void> {
  const slugs = dataset.skills.map((s) => s.slug);
  for (const scope of ['essential', 'all'] as const) {
    const edges = dataset.prerequisites.filter((e) => scope === 'all' || e.strength === 'ESSENTIAL');
    const counts = allUnlockCounts(edges, MAX_CHAIN_DEPTH);
    same(
      `unlockCounts (${scope})`,
      await reader.unlockCounts(slugs, scope),
      slugs.map((s) => counts.get(s) ?? 0),
    );
    const requiring = new Set(edges.map((e) => e.skill));
    same(
      `rankedFoundations (${scope})`,
      (await reader.rankedFoundations(slugs.length, scope)).map((r) => [r.skill.slug, r.unlockCount]),
      slugs
        .filter((s) => !requiring.has(s))
        .map((s) => [s, counts.get(s) ?? 0] as const)
        .sort((a, b) => b[1] - a[1] || compareSlugs(a[0], b[0])),
    );
  }
}
