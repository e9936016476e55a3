import type { Record as Neo4jRecord } from 'neo4j-driver';
import neo4j from 'neo4j-driver';

import type { Change, Problem, ProblemStatus } from '../../domain/model/editing.types';
import type {
  DatasetInfo,
  GraphExtent,
  GraphReader,
  Page,
  PageRequest,
  PrerequisiteClosure,
  ResourceListFilter,
  ResponsibilityListFilter,
  SearchHit,
  SequencePage,
  SkillListFilter,
} from '../../domain/ports/graph-store.port';
import { depthsFrom } from '../../domain/graph/prerequisite-graph';
import type {
  Area,
  EdgeScope,
  RankedSkill,
  Resource,
  Responsibility,
  SeniorityLevel,
  Skill,
  SkillLink,
} from '../../domain/model/skill-graph.types';
import type { ReadStatement } from './cypher-statements';
import { luceneQuery } from './lucene-query';
import {
  toArea,
  toChange,
  toProblem,
  toLevel,
  toNumber,
  toPrerequisiteEdge,
  toResource,
  toResponsibility,
  toSearchHit,
  toSkill,
  toSkillLink,
} from './neo4j-record.mapper';

export type Params = Record<string, unknown>;

/** The columns of graph-extent.cypher, one per field of GraphExtent. */
const GRAPH_EXTENT_KEYS = [
  'skills',
  'resources',
  'areas',
  'levels',
  'responsibilities',
  'prerequisites',
  'hours',
  'skillsPerArea',
  'skillsPerLevel',
  'childrenPerSkill',
  'prerequisitesPerSkill',
  'dependentsPerSkill',
  'relatedPerSkill',
  'resourcesPerSkill',
  'responsibilitiesPerSkill',
  'skillsPerResource',
  'skillsPerResponsibility',
  'responsibilitiesPerLevel',
] as const satisfies readonly (keyof GraphExtent)[];

/**
 * Every read of the Neo4j store, each one parameterised statement from cypher/. Batch methods
 * send all their keys in one statement and align the answer with the keys here. How a statement
 * runs is the subclass's: on its own in executeRead (the store), or inside an open write
 * transaction (Neo4jTransaction), where reads see the transaction's own writes.
 */
export abstract class Neo4jReads implements GraphReader {
  protected abstract run(statement: ReadStatement, params?: Params): Promise<Neo4jRecord[]>;

  async listAreas(): Promise<readonly Area[]> {
    return (await this.run('list-areas')).map((r) => toArea(r.get('area')));
  }

  async listLevels(): Promise<readonly SeniorityLevel[]> {
    return (await this.run('list-levels')).map((r) => toLevel(r.get('level')));
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
      access: filter.access ?? null,
      skill: filter.skill ?? null,
    });
  }

  async listResponsibilities(filter: ResponsibilityListFilter): Promise<readonly Responsibility[]> {
    const records = await this.run('list-responsibilities', {
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
    const records = await this.run('count-skills-of-areas', { slugs: [...areaSlugs] });
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

  prerequisiteClosure(skillSlugs: readonly string[], maxDepth: number, scope: EdgeScope): Promise<PrerequisiteClosure> {
    return this.closure('prerequisite-closure', skillSlugs, maxDepth, 'prerequisites', scope);
  }

  dependentClosure(skillSlugs: readonly string[], maxDepth: number, scope: EdgeScope): Promise<PrerequisiteClosure> {
    return this.closure('dependent-closure', skillSlugs, maxDepth, 'dependents', scope);
  }

  async rankedFoundations(first: number, scope: EdgeScope): Promise<readonly RankedSkill[]> {
    // Two statements, each walking the index of its own count.
    const statement = scope === 'all' ? 'ranked-foundations-all' : 'ranked-foundations';
    const records = await this.run(statement, { first: neo4j.int(first) });
    return records.map((r) => ({
      skill: toSkill(r.get('skill')),
      unlockCount: toNumber(r.get('unlockCount'), 'unlockCount'),
    }));
  }

  async unlockCounts(skillSlugs: readonly string[], scope: EdgeScope): Promise<readonly number[]> {
    if (skillSlugs.length === 0) return [];
    const records = await this.run('unlock-counts', { slugs: [...skillSlugs], helpful: scope === 'all' });
    const counts = new Map(records.map((r) => [r.get('key') as string, toNumber(r.get('count'), 'count')]));
    return skillSlugs.map((slug) => counts.get(slug) ?? 0);
  }

  async search(text: string, first: number): Promise<readonly SearchHit[]> {
    const query = luceneQuery(text);
    if (query === '') return [];
    const records = await this.run('search', { query, first: neo4j.int(first) });
    return records.map((r) => toSearchHit(r));
  }

  async listChanges(page: SequencePage): Promise<Page<Change>> {
    return this.sequencePage('list-changes', page, toChange, {});
  }

  async listProblems(filter: { readonly status?: ProblemStatus }, page: SequencePage): Promise<Page<Problem>> {
    return filter.status === undefined
      ? this.sequencePage('list-problems', page, toProblem, {})
      : this.sequencePage('list-problems-with-status', page, toProblem, { status: filter.status });
  }

  async findProblemsByIds(ids: readonly string[]): Promise<readonly (Problem | null)[]> {
    if (ids.length === 0) return [];
    const found = new Map<string, Problem>();
    for (const record of await this.run('find-problems-by-ids', { ids: [...ids] })) {
      const problem = toProblem(record.get('problem'));
      found.set(problem.id, problem);
    }
    return ids.map((id) => found.get(id) ?? null);
  }

  async datasetInfo(): Promise<DatasetInfo> {
    const [record] = await this.run('dataset-info');
    const count = (key: string) => toNumber(record.get(key), key);
    const version = record.get('version') as string | null;
    return {
      version: version === null ? null : { version, date: record.get('date') as string },
      revision: count('revision'),
      counts: {
        areas: count('areas'),
        skills: count('skills'),
        essentialPrerequisites: count('essentialPrerequisites'),
        helpfulPrerequisites: count('prerequisites') - count('essentialPrerequisites'),
        relatedTopics: count('relatedTopics'),
        responsibilities: count('responsibilities'),
        resources: count('resources'),
        freeResources: count('freeResources'),
      },
    };
  }

  async graphExtent(): Promise<GraphExtent> {
    const [record] = await this.run('graph-extent');
    const extent = Object.fromEntries(GRAPH_EXTENT_KEYS.map((key) => [key, toNumber(record.get(key), key)])) as Record<
      (typeof GRAPH_EXTENT_KEYS)[number],
      number
    >;
    return extent;
  }

  private async closure(
    statement: ReadStatement,
    skillSlugs: readonly string[],
    maxDepth: number,
    direction: 'prerequisites' | 'dependents',
    scope: EdgeScope,
  ): Promise<PrerequisiteClosure> {
    if (skillSlugs.length === 0) return { edges: [] };
    const [record] = await this.run(statement, { slugs: [...skillSlugs], helpful: scope === 'all' });
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
    const [record] = await this.run(statement, {
      ...filter,
      // '' sorts before every slug, and keeps the statement a plain range seek.
      after: page.afterSlug ?? '',
      // One more than asked, to learn whether another page follows.
      limit: neo4j.int(page.first + 1),
    });
    return toPage(record, page.first, map);
  }

  private async findBySlugs<T extends { slug: string }>(
    statement: ReadStatement,
    slugs: readonly string[],
    column: string,
    map: (value: unknown) => T,
  ): Promise<readonly (T | null)[]> {
    if (slugs.length === 0) return [];
    const found = new Map<string, T>();
    for (const record of await this.run(statement, { slugs: [...slugs] })) {
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
    for (const record of await this.run(statement, { slugs: [...keys] })) {
      byKey.set(record.get('key') as string, (record.get('items') as unknown[]).map(map));
    }
    return keys.map((key) => byKey.get(key) ?? []);
  }

  private async sequencePage<T>(
    statement: ReadStatement,
    page: SequencePage,
    map: (value: unknown) => T,
    filter: Params,
  ): Promise<Page<T>> {
    const [record] = await this.run(statement, {
      ...filter,
      // A bound rather than null, so the statement stays a plain range seek.
      before: neo4j.int(page.beforeSequence ?? Number.MAX_SAFE_INTEGER),
      limit: neo4j.int(page.first + 1),
    });
    return toPage(record, page.first, map);
  }
}

/** A page from a statement that returned `items` (one more than asked, when another page follows) and `totalCount`. */
function toPage<T>(record: Neo4jRecord, first: number, map: (value: unknown) => T): Page<T> {
  const items = (record.get('items') as unknown[]).map(map);
  return {
    items: items.slice(0, first),
    hasNextPage: items.length > first,
    totalCount: toNumber(record.get('totalCount'), 'totalCount'),
  };
}
