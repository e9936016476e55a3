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
import { MAX_CHAIN_DEPTH } from '../../domain/model/limits';
import { compareSlugs } from '../../domain/model/slug';
import type { GraphIndexes } from './graph-indexes';
import { sequencePage, slugPage } from './keyset-page';
import { SearchIndex } from './search-index';

/**
 * Every read of the port over the embedded store's indexes, each answered from memory. What is
 * costly to compute (foundations, unlock counts, the search index) is kept until a write.
 */
export class GraphReads implements GraphReader {
  // Derived data, computed on first use and forgotten by every primitive that could change it.
  private foundations = new Map<EdgeScope, RankedSkill[]>();
  private unlockCountCache = new Map<string, number>();
  private searchIndex: SearchIndex | undefined;

  protected constructor(protected readonly graph: GraphIndexes) {}

  async listAreas(): Promise<readonly Area[]> {
    return [...this.graph.areas.values()].sort((a, b) => a.position - b.position);
  }

  async listLevels(): Promise<readonly SeniorityLevel[]> {
    return [...this.graph.levels.values()].sort((a, b) => a.rank - b.rank);
  }

  async listSkills(filter: SkillListFilter, page: PageRequest): Promise<Page<Skill>> {
    const needle = filter.search?.toLowerCase();
    return slugPage(
      this.graph.skillSlugs,
      page,
      (slug) => {
        const skill = this.graph.skill(slug);
        return (
          (filter.area === undefined || skill.area === filter.area) &&
          (filter.level === undefined || skill.level === filter.level) &&
          (needle === undefined || matchesText(needle, skill.slug, skill.name, skill.description, ...skill.aliases))
        );
      },
      (slug) => this.graph.skill(slug),
    );
  }

  async listResources(filter: ResourceListFilter, page: PageRequest): Promise<Page<Resource>> {
    const slugs = filter.skill === undefined ? this.graph.resourceSlugs : this.graph.resourcesBySkill.get(filter.skill);
    return slugPage(
      slugs,
      page,
      (slug) => {
        const resource = this.graph.resource(slug);
        return (
          (filter.kind === undefined || resource.kind === filter.kind) &&
          (filter.free === undefined || resource.free === filter.free) &&
          (filter.access === undefined || resource.access === filter.access)
        );
      },
      (slug) => this.graph.resource(slug),
    );
  }

  async listResponsibilities(filter: ResponsibilityListFilter): Promise<readonly Responsibility[]> {
    const levels = filter.levels === undefined ? undefined : new Set(filter.levels);
    return [...this.graph.responsibilities.values()]
      .filter(
        (r) =>
          (filter.category === undefined || r.category === filter.category) &&
          (levels === undefined || levels.has(r.level)),
      )
      .sort((a, b) => a.position - b.position);
  }

  async findAreasBySlugs(slugs: readonly string[]): Promise<readonly (Area | null)[]> {
    return slugs.map((slug) => this.graph.areas.get(slug) ?? null);
  }

  async findLevelsBySlugs(slugs: readonly string[]): Promise<readonly (SeniorityLevel | null)[]> {
    return slugs.map((slug) => this.graph.levels.get(slug) ?? null);
  }

  async findSkillsBySlugs(slugs: readonly string[]): Promise<readonly (Skill | null)[]> {
    return slugs.map((slug) => (this.graph.dag.hasNode(slug) ? this.graph.skill(slug) : null));
  }

  async findResourcesBySlugs(slugs: readonly string[]): Promise<readonly (Resource | null)[]> {
    return slugs.map((slug) => this.graph.resources.get(slug) ?? null);
  }

  async findResponsibilitiesBySlugs(slugs: readonly string[]): Promise<readonly (Responsibility | null)[]> {
    return slugs.map((slug) => this.graph.responsibilities.get(slug) ?? null);
  }

  async skillsOfAreas(areaSlugs: readonly string[]): Promise<readonly (readonly Skill[])[]> {
    return areaSlugs.map((area) => this.graph.skills(this.graph.skillsByArea.get(area)));
  }

  async countSkillsOfAreas(areaSlugs: readonly string[]): Promise<readonly number[]> {
    return areaSlugs.map((area) => this.graph.skillsByArea.get(area).length);
  }

  async skillsOfLevels(levelSlugs: readonly string[]): Promise<readonly (readonly Skill[])[]> {
    return levelSlugs.map((level) => this.graph.skills(this.graph.skillsByLevel.get(level)));
  }

  async childrenOfSkills(skillSlugs: readonly string[]): Promise<readonly (readonly Skill[])[]> {
    return skillSlugs.map((slug) => this.graph.skills(this.graph.childrenByParent.get(slug)));
  }

  async prerequisitesOfSkills(skillSlugs: readonly string[]): Promise<readonly (readonly SkillLink[])[]> {
    return skillSlugs.map((slug) => {
      if (!this.graph.dag.hasNode(slug)) return [];
      return this.graph.dag
        .mapOutEdges(slug, (_edge, { reason, strength }, _source, target) => ({
          skill: this.graph.skill(target),
          reason,
          strength,
        }))
        .sort((a, b) => compareSlugs(a.skill.slug, b.skill.slug));
    });
  }

  async dependentsOfSkills(skillSlugs: readonly string[]): Promise<readonly (readonly SkillLink[])[]> {
    return skillSlugs.map((slug) => {
      if (!this.graph.dag.hasNode(slug)) return [];
      return this.graph.dag
        .mapInEdges(slug, (_edge, { reason, strength }, source) => ({
          skill: this.graph.skill(source),
          reason,
          strength,
        }))
        .sort((a, b) => compareSlugs(a.skill.slug, b.skill.slug));
    });
  }

  async relatedOfSkills(skillSlugs: readonly string[]): Promise<readonly (readonly Skill[])[]> {
    return skillSlugs.map((slug) =>
      this.graph.relatedGraph.hasNode(slug)
        ? this.graph.skills(this.graph.relatedGraph.neighbors(slug).sort(compareSlugs))
        : [],
    );
  }

  async resourcesOfSkills(skillSlugs: readonly string[]): Promise<readonly (readonly Resource[])[]> {
    return skillSlugs.map((slug) => this.graph.resourcesBySkill.get(slug).map((r) => this.graph.resource(r)));
  }

  async responsibilitiesOfSkills(skillSlugs: readonly string[]): Promise<readonly (readonly Responsibility[])[]> {
    return skillSlugs.map((slug) => this.graph.inGuideOrder(this.graph.responsibilitiesBySkill.get(slug)));
  }

  async skillsOfResources(resourceSlugs: readonly string[]): Promise<readonly (readonly Skill[])[]> {
    return resourceSlugs.map((slug) => this.graph.skills(this.graph.skillsByResource.get(slug)));
  }

  async skillsOfResponsibilities(responsibilitySlugs: readonly string[]): Promise<readonly (readonly Skill[])[]> {
    return responsibilitySlugs.map((slug) => this.graph.skills(this.graph.skillsByResponsibility.get(slug)));
  }

  async responsibilitiesOfLevels(levelSlugs: readonly string[]): Promise<readonly (readonly Responsibility[])[]> {
    return levelSlugs.map((slug) => this.graph.inGuideOrder(this.graph.responsibilitiesByLevel.get(slug)));
  }

  async prerequisiteClosure(
    skillSlugs: readonly string[],
    maxDepth: number,
    scope: EdgeScope,
  ): Promise<PrerequisiteClosure> {
    return { edges: this.graph.closureEdges(this.graph.reachable(skillSlugs, maxDepth, 'out', scope), scope) };
  }

  async dependentClosure(
    skillSlugs: readonly string[],
    maxDepth: number,
    scope: EdgeScope,
  ): Promise<PrerequisiteClosure> {
    return { edges: this.graph.closureEdges(this.graph.reachable(skillSlugs, maxDepth, 'in', scope), scope) };
  }

  async rankedFoundations(first: number, scope: EdgeScope): Promise<readonly RankedSkill[]> {
    let ranked = this.foundations.get(scope);
    if (ranked === undefined) {
      const slugs = this.graph.skillSlugs.filter((slug) => !this.graph.requiresAnything(slug, scope));
      const counts = await this.unlockCounts(slugs, scope);
      ranked = slugs
        .map((slug, i) => ({ skill: this.graph.skill(slug), unlockCount: counts[i] }))
        .sort((a, b) => b.unlockCount - a.unlockCount || compareSlugs(a.skill.slug, b.skill.slug));
      this.foundations.set(scope, ranked);
    }
    return ranked.slice(0, first);
  }

  async unlockCounts(skillSlugs: readonly string[], scope: EdgeScope): Promise<readonly number[]> {
    return skillSlugs.map((slug) => {
      if (!this.graph.dag.hasNode(slug)) return 0;
      const key = `${scope}:${slug}`;
      let count = this.unlockCountCache.get(key);
      if (count === undefined) {
        count = this.graph.reachable([slug], MAX_CHAIN_DEPTH, 'in', scope).size - 1;
        this.unlockCountCache.set(key, count);
      }
      return count;
    });
  }

  async search(text: string, first: number): Promise<readonly SearchHit[]> {
    this.searchIndex ??= new SearchIndex(this.graph);
    return this.searchIndex.search(text, first);
  }

  async listChanges(page: SequencePage): Promise<Page<Change>> {
    const newestFirst = [...this.graph.changes].reverse();
    return sequencePage(newestFirst, page);
  }

  async listProblems(filter: { readonly status?: ProblemStatus }, page: SequencePage): Promise<Page<Problem>> {
    const matching = [...this.graph.problems.values()]
      .filter((p) => filter.status === undefined || p.status === filter.status)
      .sort((a, b) => b.sequence - a.sequence);
    return sequencePage(matching, page);
  }

  async findProblemsByIds(ids: readonly string[]): Promise<readonly (Problem | null)[]> {
    return ids.map((id) => this.graph.problems.get(id) ?? null);
  }

  async datasetInfo(): Promise<DatasetInfo> {
    const essentialPrerequisites = this.graph.dag.filterEdges((_edge, { strength }) => strength === 'ESSENTIAL').length;
    return {
      version: this.graph.version,
      revision: this.graph.changes.at(-1)?.sequence ?? 0,
      counts: {
        areas: this.graph.areas.size,
        skills: this.graph.dag.order,
        essentialPrerequisites,
        helpfulPrerequisites: this.graph.dag.size - essentialPrerequisites,
        relatedTopics: this.graph.relatedGraph.size,
        responsibilities: this.graph.responsibilities.size,
        resources: this.graph.resources.size,
        freeResources: [...this.graph.resources.values()].filter((r) => r.free).length,
      },
    };
  }

  async graphExtent(): Promise<GraphExtent> {
    let prerequisitesPerSkill = 0;
    let dependentsPerSkill = 0;
    let relatedPerSkill = 0;
    let hours = 0;
    this.graph.dag.forEachNode((slug, skill) => {
      prerequisitesPerSkill = Math.max(prerequisitesPerSkill, this.graph.dag.outDegree(slug));
      dependentsPerSkill = Math.max(dependentsPerSkill, this.graph.dag.inDegree(slug));
      relatedPerSkill = Math.max(relatedPerSkill, this.graph.relatedGraph.degree(slug));
      hours += skill.estimatedHours;
    });
    return {
      skills: this.graph.dag.order,
      resources: this.graph.resources.size,
      areas: this.graph.areas.size,
      levels: this.graph.levels.size,
      responsibilities: this.graph.responsibilities.size,
      prerequisites: this.graph.dag.size,
      hours,
      skillsPerArea: this.graph.skillsByArea.longest(),
      skillsPerLevel: this.graph.skillsByLevel.longest(),
      childrenPerSkill: this.graph.childrenByParent.longest(),
      prerequisitesPerSkill,
      dependentsPerSkill,
      relatedPerSkill,
      resourcesPerSkill: this.graph.resourcesBySkill.longest(),
      responsibilitiesPerSkill: this.graph.responsibilitiesBySkill.longest(),
      skillsPerResource: this.graph.skillsByResource.longest(),
      skillsPerResponsibility: this.graph.skillsByResponsibility.longest(),
      responsibilitiesPerLevel: this.graph.responsibilitiesByLevel.longest(),
    };
  }

  protected forgetDerived(): void {
    this.foundations = new Map();
    this.unlockCountCache = new Map();
    this.searchIndex = undefined;
  }
}

function matchesText(needle: string, ...fields: readonly string[]): boolean {
  return fields.some((field) => field.toLowerCase().includes(needle));
}
