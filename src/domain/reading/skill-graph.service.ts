import { InvalidArgumentError, NotFoundError } from '../model/domain-error';
import { DEFAULT_CHAIN_DEPTH, MAX_CHAIN_DEPTH, MAX_SEARCH_RESULTS, MAX_SEARCH_TEXT } from '../model/limits';
import type { Connection, PageArgs } from '../model/pagination';
import { slugKey, toConnection, toPageRequest } from '../model/pagination';
import type { PrerequisiteChain } from '../model/prerequisite-chain.types';
import type {
  Area,
  Resource,
  Responsibility,
  ResponsibilityCategory,
  SeniorityLevel,
  Skill,
} from '../model/skill-graph.types';
import { scopeOf } from '../model/skill-graph.types';
import { compareBySlug, slugOf } from '../model/slug';
import { requireIntegerIn, requireText } from '../model/validation';
import { learningOrder, prerequisiteDepths } from '../graph/prerequisite-graph';
import type {
  CatalogueReader,
  EntityReader,
  RelationReader,
  ResourceListFilter,
  SearchHit,
  SearchReader,
  SkillListFilter,
  TraversalReader,
} from '../ports/graph-store.port';
import type { DiagramFormat, PrerequisiteDiagram } from './diagram';
import { renderDiagram } from './diagram';

export interface ResponsibilityFilter {
  readonly category?: ResponsibilityCategory | null;
  readonly level?: string | null;
  /** With `level`: also the responsibilities of the levels below it. */
  readonly includeLowerLevels?: boolean | null;
}

/** What the reading use cases ask of a store. */
type SkillGraphReads = CatalogueReader &
  Pick<EntityReader, 'findSkillsBySlugs'> &
  Pick<RelationReader, 'skillsOfLevels' | 'responsibilitiesOfLevels'> &
  Pick<TraversalReader, 'prerequisiteClosure'> &
  SearchReader;

/**
 * The read use cases of the skill graph. Validates arguments, then answers from the store;
 * every rule that must hold on all stores lives here, not in an adapter.
 */
export class SkillGraphService {
  constructor(private readonly store: SkillGraphReads) {}

  listAreas(): Promise<readonly Area[]> {
    return this.store.listAreas();
  }

  listLevels(): Promise<readonly SeniorityLevel[]> {
    return this.store.listLevels();
  }

  async listSkills(filter: SkillListFilter, page: PageArgs): Promise<Connection<Skill>> {
    // As long as the search query's text may be: a longer one is no search, and costs each match.
    if (filter.search != null && filter.search.length > MAX_SEARCH_TEXT) {
      throw new InvalidArgumentError(
        'filter.search',
        `text of at most ${MAX_SEARCH_TEXT} characters`,
        filter.search.slice(0, 40),
      );
    }
    const request = toPageRequest('skill', page);
    const { area, level, ...rest } = withoutNulls(filter);
    const slugs = {
      ...(area === undefined ? {} : { area: slugOf(area) }),
      ...(level === undefined ? {} : { level: slugOf(level) }),
    };
    return toConnection('skill', await this.store.listSkills({ ...rest, ...slugs }, request), slugKey);
  }

  async listResources(filter: ResourceListFilter, page: PageArgs): Promise<Connection<Resource>> {
    const request = toPageRequest('resource', page);
    const { skill, ...rest } = withoutNulls(filter);
    const bySkill = skill === undefined ? {} : { skill: slugOf(skill) };
    return toConnection('resource', await this.store.listResources({ ...rest, ...bySkill }, request), slugKey);
  }

  async listResponsibilities(filter: ResponsibilityFilter): Promise<readonly Responsibility[]> {
    const category = filter.category ?? undefined;
    if (filter.level == null) return this.store.listResponsibilities({ category });
    const level = slugOf(filter.level);
    const levels = filter.includeLowerLevels ? await this.levelsUpTo([level]) : [[level]];
    return this.store.listResponsibilities({ category, levels: levels[0] });
  }

  /** For each level slug, its responsibilities and those of every lower level, in guide order. */
  responsibilitiesUpToLevels(levelSlugs: readonly string[]): Promise<readonly (readonly Responsibility[])[]> {
    return this.upToLevels(
      levelSlugs,
      (slugs) => this.store.responsibilitiesOfLevels(slugs),
      (a, b) => a.position - b.position,
    );
  }

  /** For each level slug, its skills and those of every lower level, in slug order. */
  skillsUpToLevels(levelSlugs: readonly string[]): Promise<readonly (readonly Skill[])[]> {
    return this.upToLevels(levelSlugs, (slugs) => this.store.skillsOfLevels(slugs), compareBySlug);
  }

  /** The edition, the revision and the counts, flattened for the API. */
  async datasetInfo() {
    const { version, revision, counts } = await this.store.datasetInfo();
    return { version: version?.version ?? null, date: version?.date ?? null, revision, counts };
  }

  /** The skill's prerequisites to `maxDepth` hops: the essential ones, or all with `includeHelpful`. */
  async prerequisiteChain(
    typedSkillSlug: string,
    maxDepth: number = DEFAULT_CHAIN_DEPTH,
    includeHelpful = false,
  ): Promise<PrerequisiteChain> {
    const skillSlug = slugOf(typedSkillSlug);
    requireIntegerIn('maxDepth', maxDepth, 0, MAX_CHAIN_DEPTH);
    const closure = await this.store.prerequisiteClosure([skillSlug], maxDepth, scopeOf(includeHelpful));
    const depths = prerequisiteDepths(skillSlug, closure.edges);
    const slugs = [...depths.keys()];
    const skills = new Map<string, Skill>();
    (await this.store.findSkillsBySlugs(slugs)).forEach((skill, i) => {
      // A skill removed between the two reads would be null; the chain simply omits it.
      if (skill) skills.set(slugs[i], skill);
    });
    const start = skills.get(skillSlug);
    if (!start) throw new NotFoundError('Skill', skillSlug);

    const steps = [...depths]
      .filter(([slug, depth]) => depth > 0 && skills.has(slug))
      .map(([slug, depth]) => ({ skill: skills.get(slug) as Skill, depth }))
      .sort((a, b) => a.depth - b.depth || compareBySlug(a.skill, b.skill));
    const edges = closure.edges
      .filter((edge) => skills.has(edge.skill) && skills.has(edge.requires))
      .map((edge) => ({
        from: skills.get(edge.skill) as Skill,
        to: skills.get(edge.requires) as Skill,
        reason: edge.reason,
        strength: edge.strength,
      }))
      .sort((a, b) => compareBySlug(a.from, b.from) || compareBySlug(a.to, b.to));
    const order = learningOrder(skills.keys(), closure.edges).map((slug) => skills.get(slug) as Skill);
    return { skill: start, steps, edges, order };
  }

  async search(text: string, first: number): Promise<readonly SearchHit[]> {
    const query = requireText('text', text, MAX_SEARCH_TEXT);
    requireIntegerIn('first', first, 1, MAX_SEARCH_RESULTS);
    return this.store.search(query, first);
  }

  async prerequisiteDiagram(
    skillSlug: string,
    format: DiagramFormat,
    maxDepth?: number,
    includeHelpful = false,
  ): Promise<PrerequisiteDiagram> {
    const chain = await this.prerequisiteChain(skillSlug, maxDepth, includeHelpful);
    return { skill: chain.skill, format, source: renderDiagram(chain, format) };
  }

  /** Two store calls for any number of levels: the ranks, then one batch read of every level involved. */
  private async upToLevels<T>(
    levelSlugs: readonly string[],
    ofLevels: (slugs: readonly string[]) => Promise<readonly (readonly T[])[]>,
    order: (a: T, b: T) => number,
  ): Promise<readonly (readonly T[])[]> {
    const levels = await this.levelsUpTo(levelSlugs);
    const distinct = [...new Set(levels.flat())];
    const lists = await ofLevels(distinct);
    const byLevel = new Map(distinct.map((slug, i) => [slug, lists[i]]));
    return levels.map((slugs) => slugs.flatMap((slug) => byLevel.get(slug) ?? []).sort(order));
  }

  /** For each level slug, the slugs of that level and every lower-ranked one; unknown slugs give `[]`. */
  private async levelsUpTo(levelSlugs: readonly string[]): Promise<string[][]> {
    const levels: readonly SeniorityLevel[] = await this.store.listLevels();
    const rankOf = new Map(levels.map((level) => [level.slug, level.rank]));
    return levelSlugs.map((slug) => {
      const rank = rankOf.get(slug);
      return rank === undefined ? [] : levels.filter((level) => level.rank <= rank).map((level) => level.slug);
    });
  }
}

/** GraphQL passes explicit nulls for omitted input fields; the port wants them absent. */
function withoutNulls<T extends object>(filter: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value != null)) as {
    [K in keyof T]: Exclude<T[K], null>;
  };
}
