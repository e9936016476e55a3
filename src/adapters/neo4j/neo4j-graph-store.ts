import type { Driver, Record as Neo4jRecord } from 'neo4j-driver';
import neo4j, { Neo4jError } from 'neo4j-driver';

import type { Neo4jConfig } from '../../config';
import { StoreUnavailableError } from '../../domain/domain-error';
import type {
  GraphStore,
  Page,
  PageRequest,
  PrerequisiteClosure,
  ResourceListFilter,
  ResponsibilityListFilter,
  SearchHit,
  SkillListFilter,
} from '../../domain/ports/graph-store.port';
import { depthsFrom } from '../../domain/prerequisite-graph';
import type {
  Area,
  RankedSkill,
  Resource,
  Responsibility,
  SeniorityLevel,
  Skill,
  SkillLink,
} from '../../domain/skill-graph.types';
import type { ReadStatement, Statements } from './cypher-statements';
import { loadStatements } from './cypher-statements';
import { DeadlineExceededError, withDeadline } from './deadline';
import { createNeo4jDriver } from './neo4j-driver.factory';
import {
  toArea,
  toLevel,
  toNumber,
  toPrerequisiteEdge,
  toResource,
  toResponsibility,
  toSearchHit,
  toSkill,
  toSkillLink,
} from './neo4j-record.mapper';

type Params = Record<string, unknown>;

/**
 * The production store. Every read is one parameterised statement from cypher/, run with
 * executeRead on a session of the configured database; batch methods send all their keys in one
 * statement and align the answer with the keys here.
 */
export class Neo4jGraphStore implements GraphStore {
  constructor(
    private readonly driver: Driver,
    private readonly config: Pick<Neo4jConfig, 'database' | 'timeoutMs'>,
    private readonly statements: Statements = loadStatements(),
  ) {}

  static connect(config: Neo4jConfig): Neo4jGraphStore {
    return new Neo4jGraphStore(createNeo4jDriver(config), config);
  }

  async listAreas(): Promise<readonly Area[]> {
    return (await this.read('list-areas')).map((r) => toArea(r.get('area')));
  }

  async listLevels(): Promise<readonly SeniorityLevel[]> {
    return (await this.read('list-levels')).map((r) => toLevel(r.get('level')));
  }

  async listSkills(filter: SkillListFilter, page: PageRequest): Promise<Page<Skill>> {
    return this.page('list-skills', page, toSkill, {
      area: filter.area ?? null,
      level: filter.level ?? null,
      search: filter.search === undefined ? null : filter.search.toLowerCase(),
    });
  }

  async listResources(filter: ResourceListFilter, page: PageRequest): Promise<Page<Resource>> {
    return this.page('list-resources', page, toResource, {
      kind: filter.kind ?? null,
      free: filter.free ?? null,
      skill: filter.skill ?? null,
    });
  }

  async listResponsibilities(filter: ResponsibilityListFilter): Promise<readonly Responsibility[]> {
    const records = await this.read('list-responsibilities', {
      category: filter.category ?? null,
      levels: filter.levels === undefined ? null : [...filter.levels],
    });
    return records.map((r) => toResponsibility(r.get('responsibility')));
  }

  findAreasBySlugs(slugs: readonly string[]): Promise<readonly (Area | null)[]> {
    return this.findBySlugs('find-areas-by-slugs', slugs, 'area', toArea);
  }

  findLevelsBySlugs(slugs: readonly string[]): Promise<readonly (SeniorityLevel | null)[]> {
    return this.findBySlugs('find-levels-by-slugs', slugs, 'level', toLevel);
  }

  findSkillsBySlugs(slugs: readonly string[]): Promise<readonly (Skill | null)[]> {
    return this.findBySlugs('find-skills-by-slugs', slugs, 'skill', toSkill);
  }

  findResourcesBySlugs(slugs: readonly string[]): Promise<readonly (Resource | null)[]> {
    return this.findBySlugs('find-resources-by-slugs', slugs, 'resource', toResource);
  }

  findResponsibilitiesBySlugs(slugs: readonly string[]): Promise<readonly (Responsibility | null)[]> {
    return this.findBySlugs('find-responsibilities-by-slugs', slugs, 'responsibility', toResponsibility);
  }

  skillsOfAreas(areaSlugs: readonly string[]): Promise<readonly (readonly Skill[])[]> {
    return this.groups('skills-of-areas', areaSlugs, toSkill);
  }

  async countSkillsOfAreas(areaSlugs: readonly string[]): Promise<readonly number[]> {
    if (areaSlugs.length === 0) return [];
    const records = await this.read('count-skills-of-areas', { slugs: [...areaSlugs] });
    const counts = new Map(records.map((r) => [r.get('key') as string, toNumber(r.get('count'), 'count')]));
    return areaSlugs.map((slug) => counts.get(slug) ?? 0);
  }

  skillsOfLevels(levelSlugs: readonly string[]): Promise<readonly (readonly Skill[])[]> {
    return this.groups('skills-of-levels', levelSlugs, toSkill);
  }

  childrenOfSkills(skillSlugs: readonly string[]): Promise<readonly (readonly Skill[])[]> {
    return this.groups('children-of-skills', skillSlugs, toSkill);
  }

  prerequisitesOfSkills(skillSlugs: readonly string[]): Promise<readonly (readonly SkillLink[])[]> {
    return this.groups('prerequisites-of-skills', skillSlugs, toSkillLink);
  }

  dependentsOfSkills(skillSlugs: readonly string[]): Promise<readonly (readonly SkillLink[])[]> {
    return this.groups('dependents-of-skills', skillSlugs, toSkillLink);
  }

  relatedOfSkills(skillSlugs: readonly string[]): Promise<readonly (readonly Skill[])[]> {
    return this.groups('related-of-skills', skillSlugs, toSkill);
  }

  resourcesOfSkills(skillSlugs: readonly string[]): Promise<readonly (readonly Resource[])[]> {
    return this.groups('resources-of-skills', skillSlugs, toResource);
  }

  responsibilitiesOfSkills(skillSlugs: readonly string[]): Promise<readonly (readonly Responsibility[])[]> {
    return this.groups('responsibilities-of-skills', skillSlugs, toResponsibility);
  }

  skillsOfResources(resourceSlugs: readonly string[]): Promise<readonly (readonly Skill[])[]> {
    return this.groups('skills-of-resources', resourceSlugs, toSkill);
  }

  skillsOfResponsibilities(responsibilitySlugs: readonly string[]): Promise<readonly (readonly Skill[])[]> {
    return this.groups('skills-of-responsibilities', responsibilitySlugs, toSkill);
  }

  responsibilitiesOfLevels(levelSlugs: readonly string[]): Promise<readonly (readonly Responsibility[])[]> {
    return this.groups('responsibilities-of-levels', levelSlugs, toResponsibility);
  }

  prerequisiteClosure(skillSlugs: readonly string[], maxDepth: number): Promise<PrerequisiteClosure> {
    return this.closure('prerequisite-closure', skillSlugs, maxDepth, 'prerequisites');
  }

  dependentClosure(skillSlugs: readonly string[], maxDepth: number): Promise<PrerequisiteClosure> {
    return this.closure('dependent-closure', skillSlugs, maxDepth, 'dependents');
  }

  async rankedFoundations(first: number): Promise<readonly RankedSkill[]> {
    const records = await this.read('ranked-foundations', { first: neo4j.int(first) });
    return records.map((r) => ({
      skill: toSkill(r.get('skill')),
      unlockCount: toNumber(r.get('unlockCount'), 'unlockCount'),
    }));
  }

  async unlockCounts(skillSlugs: readonly string[]): Promise<readonly number[]> {
    if (skillSlugs.length === 0) return [];
    const records = await this.read('unlock-counts', { slugs: [...skillSlugs] });
    const counts = new Map(records.map((r) => [r.get('key') as string, toNumber(r.get('count'), 'count')]));
    return skillSlugs.map((slug) => counts.get(slug) ?? 0);
  }

  async search(text: string, first: number): Promise<readonly SearchHit[]> {
    const query = luceneQuery(text);
    if (query === '') return [];
    const records = await this.read('search', { query, first: neo4j.int(first) });
    return records.map((r) => toSearchHit(r));
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private async closure(
    statement: ReadStatement,
    skillSlugs: readonly string[],
    maxDepth: number,
    direction: 'prerequisites' | 'dependents',
  ): Promise<PrerequisiteClosure> {
    if (skillSlugs.length === 0) return { edges: [] };
    const [record] = await this.read(statement, { slugs: [...skillSlugs] });
    const edges = (record.get('edges') as unknown[]).map(toPrerequisiteEdge);
    // The statement follows the fixed bound; keep what lies within the requested depth.
    const depths = depthsFrom(skillSlugs, edges, direction);
    const within = (slug: string) => (depths.get(slug) ?? Infinity) <= maxDepth;
    return { edges: edges.filter((edge) => within(edge.skill) && within(edge.requires)) };
  }

  private async page<T extends { slug: string }>(
    statement: ReadStatement,
    page: PageRequest,
    map: (value: unknown) => T,
    filter: Params,
  ): Promise<Page<T>> {
    const [record] = await this.read(statement, {
      ...filter,
      after: page.afterSlug ?? null,
      // One more than asked, to learn whether another page follows.
      limit: neo4j.int(page.first + 1),
    });
    const items = (record.get('items') as unknown[]).map(map);
    return {
      items: items.slice(0, page.first),
      hasNextPage: items.length > page.first,
      totalCount: toNumber(record.get('totalCount'), 'totalCount'),
    };
  }

  private async findBySlugs<T extends { slug: string }>(
    statement: ReadStatement,
    slugs: readonly string[],
    column: string,
    map: (value: unknown) => T,
  ): Promise<readonly (T | null)[]> {
    if (slugs.length === 0) return [];
    const found = new Map<string, T>();
    for (const record of await this.read(statement, { slugs: [...slugs] })) {
      const entity = map(record.get(column));
      found.set(entity.slug, entity);
    }
    return slugs.map((slug) => found.get(slug) ?? null);
  }

  private async groups<T>(
    statement: ReadStatement,
    keys: readonly string[],
    map: (value: unknown) => T,
  ): Promise<readonly (readonly T[])[]> {
    if (keys.length === 0) return [];
    const byKey = new Map<string, T[]>();
    for (const record of await this.read(statement, { slugs: [...keys] })) {
      byKey.set(record.get('key') as string, (record.get('items') as unknown[]).map(map));
    }
    return keys.map((key) => byKey.get(key) ?? []);
  }

  private async read(statement: ReadStatement, params: Params = {}): Promise<Neo4jRecord[]> {
    const session = this.driver.session({ database: this.config.database, defaultAccessMode: neo4j.session.READ });
    try {
      const work = session.executeRead(async (tx) => (await tx.run(this.statements[statement], params)).records, {
        timeout: this.config.timeoutMs,
        metadata: { app: 'backend-skill-graph', statement },
      });
      return await withDeadline(work, this.config.timeoutMs);
    } catch (error) {
      throw toStoreError(error);
    } finally {
      // Not awaited: after a deadline the session is still busy, and closing it waits for that.
      session.close().catch(() => undefined);
    }
  }
}

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  // What answers at NEO4J_URI does not speak Bolt (an HTTP port, a proxy): unusable, not a bug here.
  'ProtocolError',
  'Neo.ClientError.Database.DatabaseNotFound',
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.AuthenticationRateLimit',
]);

/** Driver failures that mean "the store cannot answer now" become StoreUnavailableError; the rest are bugs. */
export function toStoreError(error: unknown): unknown {
  if (error instanceof DeadlineExceededError) return new StoreUnavailableError({ cause: error });
  if (
    error instanceof Neo4jError &&
    (UNAVAILABLE_CODES.has(error.code) || error.code.startsWith('Neo.TransientError.'))
  ) {
    return new StoreUnavailableError({ cause: error });
  }
  return error;
}

/**
 * A Lucene query for the user's words: each word escaped, then matched fuzzily (small typos) or
 * as a prefix, any word sufficing. It travels as a parameter; it is never spliced into Cypher.
 */
export function luceneQuery(text: string): string {
  return text
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 16)
    .map((word) => word.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&').toLowerCase())
    .map((word) => `(${word}~ ${word}*)`)
    .join(' ');
}
