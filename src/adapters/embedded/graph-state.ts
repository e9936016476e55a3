import { DirectedGraph, UndirectedGraph } from 'graphology';
import MiniSearch from 'minisearch';

import type { Dataset } from '../../dataset/dataset.types';
import type { Change, Problem, ProblemStatus } from '../../domain/model/editing.types';
import type {
  DatasetInfo,
  GraphExtent,
  DatasetVersion,
  GraphTransaction,
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
  PrerequisiteEdge,
  PrerequisiteStrength,
  RankedSkill,
  Resource,
  Responsibility,
  SeniorityLevel,
  Skill,
  SkillLink,
} from '../../domain/model/skill-graph.types';
import { inScope } from '../../domain/model/skill-graph.types';
import { MAX_CHAIN_DEPTH } from '../../domain/model/limits';
import { compareSlugs } from '../../domain/model/slug';
import type { JournalOp } from './journal-file';
import { SortedIndex, lowerBound, upperBound } from './sorted-index';

/** Everything the embedded store holds, as plain data: what it persists and what a draft copies. */
export interface Snapshot {
  readonly dataset: Dataset;
  readonly changes: readonly Change[];
  readonly problems: readonly Problem[];
  readonly sequence: number;
}

interface RequiresAttributes {
  readonly reason: string;
  readonly strength: PrerequisiteStrength;
}

/**
 * The whole graph in process memory: every read and every write primitive of the port. Skills
 * and their REQUIRES edges form a graphology DAG, so graph algorithms run on it directly; the
 * other relationships are sorted indexes, which is all their lookups need. It does no locking
 * and no persistence: EmbeddedGraphStore keeps readers out while a change is open, and journals
 * the operations a committed change returns.
 */
export class GraphState implements GraphTransaction {
  /** Skill nodes (attributes: the Skill) and REQUIRES edges, skill -> prerequisite. */
  private dag = new DirectedGraph<Skill, RequiresAttributes>({ allowSelfLoops: false });
  private relatedGraph = new UndirectedGraph({ allowSelfLoops: false });
  private areas = new Map<string, Area>();
  private levels = new Map<string, SeniorityLevel>();
  private resources = new Map<string, Resource>();
  private responsibilities = new Map<string, Responsibility>();

  private skillSlugs: string[] = [];
  private resourceSlugs: string[] = [];
  private skillsByArea = new SortedIndex();
  private skillsByLevel = new SortedIndex();
  private childrenByParent = new SortedIndex();
  private resourcesBySkill = new SortedIndex();
  private skillsByResource = new SortedIndex();
  private responsibilitiesBySkill = new SortedIndex();
  private skillsByResponsibility = new SortedIndex();
  private responsibilitiesByLevel = new SortedIndex();

  private version: DatasetVersion | null = null;
  private changes: Change[] = [];
  private problems = new Map<string, Problem>();
  private sequence = 0;

  /** While a change is open: how to undo each primitive, and the journal operations it made. */
  private undoLog: (() => unknown)[] | null = null;
  private operations: JournalOp[] | null = null;

  // Derived data, computed on first use and forgotten by every primitive that could change it.
  private foundations = new Map<EdgeScope, RankedSkill[]>();
  private unlockCountCache = new Map<string, number>();
  private searchIndex: MiniSearch | undefined;

  static fromSnapshot(snapshot: Snapshot): GraphState {
    const state = new GraphState();
    state.load(snapshot.dataset);
    state.changes = [...snapshot.changes].sort((a, b) => a.sequence - b.sequence);
    for (const problem of snapshot.problems) state.problems.set(problem.id, problem);
    state.sequence = snapshot.sequence;
    return state;
  }

  static fromDataset(dataset: Dataset): GraphState {
    return GraphState.fromSnapshot({ dataset, changes: [], problems: [], sequence: 0 });
  }

  /** Everything, in a deterministic order, as plain data. */
  toSnapshot(): Snapshot {
    const byPosition = <T extends { position: number }>(items: Iterable<T>) =>
      [...items].sort((a, b) => a.position - b.position);
    const links = (index: SortedIndex, keys: readonly string[]) =>
      keys.flatMap((from) => index.get(from).map((skill) => ({ from, skill })));
    const responsibilities = byPosition(this.responsibilities.values());
    return {
      dataset: {
        ...(this.version === null ? {} : { version: this.version }),
        areas: byPosition(this.areas.values()),
        levels: [...this.levels.values()].sort((a, b) => a.rank - b.rank),
        skills: this.skills(this.skillSlugs),
        prerequisites: this.skillSlugs.flatMap((slug) =>
          this.dag
            .mapOutEdges(slug, (_edge, { reason, strength }, _source, target) => ({
              skill: slug,
              requires: target,
              reason,
              strength,
            }))
            .sort((a, b) => compareSlugs(a.requires, b.requires)),
        ),
        related: this.relatedGraph
          .mapEdges((_edge, _attributes, a, b) =>
            compareSlugs(a, b) < 0 ? { skill: a, related: b } : { skill: b, related: a },
          )
          .sort((x, y) => compareSlugs(x.skill, y.skill) || compareSlugs(x.related, y.related)),
        responsibilities,
        responsibilitySkills: links(
          this.skillsByResponsibility,
          responsibilities.map((r) => r.slug),
        ),
        resources: this.resourceSlugs.map((slug) => this.resources.get(slug) as Resource),
        resourceSkills: links(this.skillsByResource, this.resourceSlugs),
      },
      changes: [...this.changes],
      problems: [...this.problems.values()].sort((a, b) => a.sequence - b.sequence),
      sequence: this.sequence,
    };
  }

  private load(dataset: Dataset): void {
    this.version = dataset.version ?? null;
    for (const area of dataset.areas) this.areas.set(area.slug, area);
    for (const level of dataset.levels) this.levels.set(level.slug, level);
    for (const skill of dataset.skills) {
      this.dag.addNode(skill.slug, skill);
      this.relatedGraph.addNode(skill.slug);
      this.skillsByArea.add(skill.area, skill.slug);
      this.skillsByLevel.add(skill.level, skill.slug);
      if (skill.parent !== null) this.childrenByParent.add(skill.parent, skill.slug);
    }
    this.skillSlugs.push(...dataset.skills.map((s) => s.slug).sort(compareSlugs));
    for (const edge of dataset.prerequisites) {
      this.dag.addEdge(edge.skill, edge.requires, { reason: edge.reason, strength: edge.strength });
    }
    for (const edge of dataset.related) this.relatedGraph.addEdge(edge.skill, edge.related);
    for (const r of dataset.responsibilities) {
      this.responsibilities.set(r.slug, r);
      this.responsibilitiesByLevel.add(r.level, r.slug);
    }
    for (const link of dataset.responsibilitySkills) {
      this.skillsByResponsibility.add(link.from, link.skill);
      this.responsibilitiesBySkill.add(link.skill, link.from);
    }
    for (const resource of dataset.resources) this.resources.set(resource.slug, resource);
    this.resourceSlugs.push(...dataset.resources.map((r) => r.slug).sort(compareSlugs));
    for (const link of dataset.resourceSkills) {
      this.resourcesBySkill.add(link.skill, link.from);
      this.skillsByResource.add(link.from, link.skill);
    }
  }

  async listAreas(): Promise<readonly Area[]> {
    return [...this.areas.values()].sort((a, b) => a.position - b.position);
  }

  async listLevels(): Promise<readonly SeniorityLevel[]> {
    return [...this.levels.values()].sort((a, b) => a.rank - b.rank);
  }

  async listSkills(filter: SkillListFilter, page: PageRequest): Promise<Page<Skill>> {
    const needle = filter.search?.toLowerCase();
    return pageOf(
      this.skillSlugs,
      page,
      (slug) => {
        const skill = this.skill(slug);
        return (
          (filter.area === undefined || skill.area === filter.area) &&
          (filter.level === undefined || skill.level === filter.level) &&
          (needle === undefined || matchesText(needle, skill.slug, skill.name, skill.description))
        );
      },
      (slug) => this.skill(slug),
    );
  }

  async listResources(filter: ResourceListFilter, page: PageRequest): Promise<Page<Resource>> {
    const slugs = filter.skill === undefined ? this.resourceSlugs : this.resourcesBySkill.get(filter.skill);
    return pageOf(
      slugs,
      page,
      (slug) => {
        const resource = this.resources.get(slug) as Resource;
        return (
          (filter.kind === undefined || resource.kind === filter.kind) &&
          (filter.free === undefined || resource.free === filter.free)
        );
      },
      (slug) => this.resources.get(slug) as Resource,
    );
  }

  async listResponsibilities(filter: ResponsibilityListFilter): Promise<readonly Responsibility[]> {
    const levels = filter.levels === undefined ? undefined : new Set(filter.levels);
    return [...this.responsibilities.values()]
      .filter(
        (r) =>
          (filter.category === undefined || r.category === filter.category) &&
          (levels === undefined || levels.has(r.level)),
      )
      .sort((a, b) => a.position - b.position);
  }

  async findAreasBySlugs(slugs: readonly string[]): Promise<readonly (Area | null)[]> {
    return slugs.map((slug) => this.areas.get(slug) ?? null);
  }

  async findLevelsBySlugs(slugs: readonly string[]): Promise<readonly (SeniorityLevel | null)[]> {
    return slugs.map((slug) => this.levels.get(slug) ?? null);
  }

  async findSkillsBySlugs(slugs: readonly string[]): Promise<readonly (Skill | null)[]> {
    return slugs.map((slug) => (this.dag.hasNode(slug) ? this.skill(slug) : null));
  }

  async findResourcesBySlugs(slugs: readonly string[]): Promise<readonly (Resource | null)[]> {
    return slugs.map((slug) => this.resources.get(slug) ?? null);
  }

  async findResponsibilitiesBySlugs(slugs: readonly string[]): Promise<readonly (Responsibility | null)[]> {
    return slugs.map((slug) => this.responsibilities.get(slug) ?? null);
  }

  async skillsOfAreas(areaSlugs: readonly string[]): Promise<readonly (readonly Skill[])[]> {
    return areaSlugs.map((area) => this.skills(this.skillsByArea.get(area)));
  }

  async countSkillsOfAreas(areaSlugs: readonly string[]): Promise<readonly number[]> {
    return areaSlugs.map((area) => this.skillsByArea.get(area).length);
  }

  async skillsOfLevels(levelSlugs: readonly string[]): Promise<readonly (readonly Skill[])[]> {
    return levelSlugs.map((level) => this.skills(this.skillsByLevel.get(level)));
  }

  async childrenOfSkills(skillSlugs: readonly string[]): Promise<readonly (readonly Skill[])[]> {
    return skillSlugs.map((slug) => this.skills(this.childrenByParent.get(slug)));
  }

  async prerequisitesOfSkills(skillSlugs: readonly string[]): Promise<readonly (readonly SkillLink[])[]> {
    return skillSlugs.map((slug) => {
      if (!this.dag.hasNode(slug)) return [];
      return this.dag
        .mapOutEdges(slug, (_edge, { reason, strength }, _source, target) => ({
          skill: this.skill(target),
          reason,
          strength,
        }))
        .sort((a, b) => compareSlugs(a.skill.slug, b.skill.slug));
    });
  }

  async dependentsOfSkills(skillSlugs: readonly string[]): Promise<readonly (readonly SkillLink[])[]> {
    return skillSlugs.map((slug) => {
      if (!this.dag.hasNode(slug)) return [];
      return this.dag
        .mapInEdges(slug, (_edge, { reason, strength }, source) => ({ skill: this.skill(source), reason, strength }))
        .sort((a, b) => compareSlugs(a.skill.slug, b.skill.slug));
    });
  }

  async relatedOfSkills(skillSlugs: readonly string[]): Promise<readonly (readonly Skill[])[]> {
    return skillSlugs.map((slug) =>
      this.relatedGraph.hasNode(slug) ? this.skills(this.relatedGraph.neighbors(slug).sort(compareSlugs)) : [],
    );
  }

  async resourcesOfSkills(skillSlugs: readonly string[]): Promise<readonly (readonly Resource[])[]> {
    return skillSlugs.map((slug) => this.resourcesBySkill.get(slug).map((r) => this.resources.get(r) as Resource));
  }

  async responsibilitiesOfSkills(skillSlugs: readonly string[]): Promise<readonly (readonly Responsibility[])[]> {
    return skillSlugs.map((slug) => this.inGuideOrder(this.responsibilitiesBySkill.get(slug)));
  }

  async skillsOfResources(resourceSlugs: readonly string[]): Promise<readonly (readonly Skill[])[]> {
    return resourceSlugs.map((slug) => this.skills(this.skillsByResource.get(slug)));
  }

  async skillsOfResponsibilities(responsibilitySlugs: readonly string[]): Promise<readonly (readonly Skill[])[]> {
    return responsibilitySlugs.map((slug) => this.skills(this.skillsByResponsibility.get(slug)));
  }

  async responsibilitiesOfLevels(levelSlugs: readonly string[]): Promise<readonly (readonly Responsibility[])[]> {
    return levelSlugs.map((slug) => this.inGuideOrder(this.responsibilitiesByLevel.get(slug)));
  }

  async prerequisiteClosure(
    skillSlugs: readonly string[],
    maxDepth: number,
    scope: EdgeScope,
  ): Promise<PrerequisiteClosure> {
    return { edges: this.closureEdges(this.reachable(skillSlugs, maxDepth, 'out', scope), scope) };
  }

  async dependentClosure(
    skillSlugs: readonly string[],
    maxDepth: number,
    scope: EdgeScope,
  ): Promise<PrerequisiteClosure> {
    return { edges: this.closureEdges(this.reachable(skillSlugs, maxDepth, 'in', scope), scope) };
  }

  async rankedFoundations(first: number, scope: EdgeScope): Promise<readonly RankedSkill[]> {
    let ranked = this.foundations.get(scope);
    if (ranked === undefined) {
      const slugs = this.skillSlugs.filter((slug) => !this.requiresAnything(slug, scope));
      const counts = await this.unlockCounts(slugs, scope);
      ranked = slugs
        .map((slug, i) => ({ skill: this.skill(slug), unlockCount: counts[i] }))
        .sort((a, b) => b.unlockCount - a.unlockCount || compareSlugs(a.skill.slug, b.skill.slug));
      this.foundations.set(scope, ranked);
    }
    return ranked.slice(0, first);
  }

  async unlockCounts(skillSlugs: readonly string[], scope: EdgeScope): Promise<readonly number[]> {
    return skillSlugs.map((slug) => {
      if (!this.dag.hasNode(slug)) return 0;
      const key = `${scope}:${slug}`;
      let count = this.unlockCountCache.get(key);
      if (count === undefined) {
        count = this.reachable([slug], MAX_CHAIN_DEPTH, 'in', scope).size - 1;
        this.unlockCountCache.set(key, count);
      }
      return count;
    });
  }

  async search(text: string, first: number): Promise<readonly SearchHit[]> {
    this.searchIndex ??= this.buildSearchIndex();
    return this.searchIndex
      .search(text)
      .sort((a, b) => b.score - a.score || compareSlugs(String(a.id), String(b.id)))
      .slice(0, first)
      .map((result): SearchHit => {
        const [kind, slug] = splitSearchId(String(result.id));
        if (kind === 'Skill') return { kind, score: result.score, node: this.skill(slug) };
        if (kind === 'Resource') return { kind, score: result.score, node: this.resources.get(slug) as Resource };
        return { kind: 'Area', score: result.score, node: this.areas.get(slug) as Area };
      });
  }

  async listChanges(page: SequencePage): Promise<Page<Change>> {
    const newestFirst = [...this.changes].reverse();
    return sequencePage(newestFirst, page);
  }

  async listProblems(filter: { readonly status?: ProblemStatus }, page: SequencePage): Promise<Page<Problem>> {
    const matching = [...this.problems.values()]
      .filter((p) => filter.status === undefined || p.status === filter.status)
      .sort((a, b) => b.sequence - a.sequence);
    return sequencePage(matching, page);
  }

  async findProblemsByIds(ids: readonly string[]): Promise<readonly (Problem | null)[]> {
    return ids.map((id) => this.problems.get(id) ?? null);
  }

  async datasetInfo(): Promise<DatasetInfo> {
    const essentialPrerequisites = this.dag.filterEdges((_edge, { strength }) => strength === 'ESSENTIAL').length;
    return {
      version: this.version,
      revision: this.changes.at(-1)?.sequence ?? 0,
      counts: {
        areas: this.areas.size,
        skills: this.dag.order,
        essentialPrerequisites,
        helpfulPrerequisites: this.dag.size - essentialPrerequisites,
        relatedTopics: this.relatedGraph.size,
        responsibilities: this.responsibilities.size,
        resources: this.resources.size,
        freeResources: [...this.resources.values()].filter((r) => r.free).length,
      },
    };
  }

  async graphExtent(): Promise<GraphExtent> {
    let prerequisitesPerSkill = 0;
    let dependentsPerSkill = 0;
    let relatedPerSkill = 0;
    let hours = 0;
    this.dag.forEachNode((slug, skill) => {
      prerequisitesPerSkill = Math.max(prerequisitesPerSkill, this.dag.outDegree(slug));
      dependentsPerSkill = Math.max(dependentsPerSkill, this.dag.inDegree(slug));
      relatedPerSkill = Math.max(relatedPerSkill, this.relatedGraph.degree(slug));
      hours += skill.estimatedHours;
    });
    return {
      skills: this.dag.order,
      resources: this.resources.size,
      areas: this.areas.size,
      levels: this.levels.size,
      responsibilities: this.responsibilities.size,
      prerequisites: this.dag.size,
      hours,
      skillsPerArea: this.skillsByArea.longest(),
      skillsPerLevel: this.skillsByLevel.longest(),
      childrenPerSkill: this.childrenByParent.longest(),
      prerequisitesPerSkill,
      dependentsPerSkill,
      relatedPerSkill,
      resourcesPerSkill: this.resourcesBySkill.longest(),
      responsibilitiesPerSkill: this.responsibilitiesBySkill.longest(),
      skillsPerResource: this.skillsByResource.longest(),
      skillsPerResponsibility: this.skillsByResponsibility.longest(),
      responsibilitiesPerLevel: this.responsibilitiesByLevel.longest(),
    };
  }

  // Write primitives. No checks beyond what the data structures need: the rules are the domain's.
  // Inside a change (begin … commit or rollback) each one records how to undo itself and the
  // journal operation that repeats it, so a write edits the graph in place instead of a copy.

  /** Starts recording: the primitives from here on are one change, kept or undone as a whole. */
  begin(): void {
    this.undoLog = [];
    this.operations = [];
  }

  /** What a journal needs to repeat the open change. */
  pending(): readonly JournalOp[] {
    return this.operations ?? [];
  }

  /** Ends the change, keeping it. */
  commit(): void {
    this.undoLog = null;
    this.operations = null;
  }

  /** Ends the change, undoing every primitive since begin(), newest first. */
  rollback(): void {
    const undo = this.undoLog ?? [];
    this.undoLog = null;
    this.operations = null;
    for (let i = undo.length - 1; i >= 0; i--) undo[i]();
    this.forgetDerived();
  }

  /** Repeats one operation of a journal (outside of recording, or inside a change being replayed). */
  async apply(op: JournalOp): Promise<void> {
    switch (op[0]) {
      case 'putSkill':
        return this.putSkill(op[1]);
      case 'deleteSkill':
        return this.deleteSkill(op[1]);
      case 'putResource':
        return this.putResource(op[1]);
      case 'deleteResource':
        return this.deleteResource(op[1]);
      case 'linkResource':
        return this.linkResource(op[1], op[2]);
      case 'unlinkResource':
        return this.unlinkResource(op[1], op[2]);
      case 'putPrerequisite':
        return this.putPrerequisite(op[1]);
      case 'deletePrerequisite':
        return this.deletePrerequisite(op[1], op[2]);
      case 'putRelated':
        return this.putRelated(op[1], op[2]);
      case 'deleteRelated':
        return this.deleteRelated(op[1], op[2]);
      case 'putProblem':
        return this.putProblem(op[1]);
      case 'setSequence':
        return this.setSequence(op[1]);
      case 'recordChange':
        return this.recordChange(op[1]);
      default:
        return unknownOperation(op);
    }
  }

  async putSkill(skill: Skill): Promise<void> {
    const previous = this.dag.hasNode(skill.slug) ? this.skill(skill.slug) : null;
    this.record(['putSkill', skill], () =>
      previous === null ? this.removeSkill(skill.slug) : this.replaceSkill(previous),
    );
    this.replaceSkill(skill);
  }

  async deleteSkill(slug: string): Promise<void> {
    if (!this.dag.hasNode(slug)) return;
    const skill = this.skill(slug);
    const requires = this.dag.mapOutEdges(slug, (_e, attributes, _s, target) => ({
      skill: slug,
      requires: target,
      attributes,
    }));
    const requiredBy = this.dag.mapInEdges(slug, (_e, attributes, source) => ({
      skill: source,
      requires: slug,
      attributes,
    }));
    const related = this.relatedGraph.neighbors(slug);
    const resources = [...this.resourcesBySkill.get(slug)];
    const responsibilities = [...this.responsibilitiesBySkill.get(slug)];
    const children = [...this.childrenByParent.get(slug)];
    this.record(['deleteSkill', slug], () => {
      this.replaceSkill(skill);
      for (const child of children) this.replaceSkill({ ...this.skill(child), parent: slug });
      for (const edge of [...requires, ...requiredBy]) this.dag.mergeEdge(edge.skill, edge.requires, edge.attributes);
      for (const other of related) this.relatedGraph.mergeEdge(slug, other);
      for (const resource of resources) this.link(resource, slug);
      for (const responsibility of responsibilities) {
        this.skillsByResponsibility.add(responsibility, slug);
        this.responsibilitiesBySkill.add(slug, responsibility);
      }
    });
    this.removeSkill(slug);
  }

  async putResource(resource: Resource): Promise<void> {
    const previous = this.resources.get(resource.slug) ?? null;
    this.record(['putResource', resource], () =>
      previous === null ? this.removeResource(resource.slug) : this.resources.set(previous.slug, previous),
    );
    if (previous === null) insertSorted(this.resourceSlugs, resource.slug);
    this.resources.set(resource.slug, resource);
  }

  async deleteResource(slug: string): Promise<void> {
    const resource = this.resources.get(slug);
    if (resource === undefined) return;
    const skills = [...this.skillsByResource.get(slug)];
    this.record(['deleteResource', slug], () => {
      insertSorted(this.resourceSlugs, slug);
      this.resources.set(slug, resource);
      for (const skill of skills) this.link(slug, skill);
    });
    this.removeResource(slug);
  }

  async linkResource(resource: string, skill: string): Promise<void> {
    const linked = this.skillsByResource.get(resource).includes(skill);
    this.record(['linkResource', resource, skill], () => linked || this.unlink(resource, skill));
    this.link(resource, skill);
  }

  async unlinkResource(resource: string, skill: string): Promise<void> {
    const linked = this.skillsByResource.get(resource).includes(skill);
    this.record(['unlinkResource', resource, skill], () => linked && this.link(resource, skill));
    this.unlink(resource, skill);
  }

  async putPrerequisite(edge: PrerequisiteEdge): Promise<void> {
    const previous = this.dag.hasEdge(edge.skill, edge.requires)
      ? this.dag.getEdgeAttributes(edge.skill, edge.requires)
      : null;
    this.record(['putPrerequisite', edge], () =>
      previous === null
        ? this.dag.dropEdge(edge.skill, edge.requires)
        : this.dag.mergeEdge(edge.skill, edge.requires, previous),
    );
    this.dag.mergeEdge(edge.skill, edge.requires, { reason: edge.reason, strength: edge.strength });
  }

  async deletePrerequisite(skill: string, requires: string): Promise<void> {
    if (!this.dag.hasEdge(skill, requires)) return;
    const attributes = this.dag.getEdgeAttributes(skill, requires);
    this.record(['deletePrerequisite', skill, requires], () => this.dag.mergeEdge(skill, requires, attributes));
    this.dag.dropEdge(skill, requires);
  }

  async putRelated(skill: string, related: string): Promise<void> {
    const existed = this.relatedGraph.hasEdge(skill, related);
    this.record(['putRelated', skill, related], () => existed || this.relatedGraph.dropEdge(skill, related));
    this.relatedGraph.mergeEdge(skill, related);
  }

  async deleteRelated(skill: string, related: string): Promise<void> {
    if (!this.relatedGraph.hasEdge(skill, related)) return;
    this.record(['deleteRelated', skill, related], () => this.relatedGraph.mergeEdge(skill, related));
    this.relatedGraph.dropEdge(skill, related);
  }

  async putProblem(problem: Problem): Promise<void> {
    const previous = this.problems.get(problem.id) ?? null;
    this.record(['putProblem', problem], () =>
      previous === null ? this.problems.delete(problem.id) : this.problems.set(previous.id, previous),
    );
    this.problems.set(problem.id, problem);
  }

  async nextSequence(): Promise<number> {
    await this.setSequence(this.sequence + 1);
    return this.sequence;
  }

  /** Journals the number itself, so a replay gives every change and problem its original number. */
  async setSequence(sequence: number): Promise<void> {
    const previous = this.sequence;
    this.record(['setSequence', sequence], () => (this.sequence = previous));
    this.sequence = Math.max(previous, sequence);
  }

  async recordChange(change: Change): Promise<void> {
    this.record(['recordChange', change], () => this.changes.pop());
    this.changes.push(change);
  }

  /** Inside a change: remembers the undo and the journal operation. Derived data goes stale either way. */
  private record(op: JournalOp, undo: () => unknown): void {
    this.forgetDerived();
    if (this.undoLog === null) return;
    this.undoLog.push(undo);
    this.operations?.push(op);
  }

  private forgetDerived(): void {
    this.foundations = new Map();
    this.unlockCountCache = new Map();
    this.searchIndex = undefined;
  }

  /** Adds the skill or replaces its fields, keeping its edges and the indexes in step. */
  private replaceSkill(skill: Skill): void {
    if (this.dag.hasNode(skill.slug)) {
      const old = this.skill(skill.slug);
      this.skillsByArea.remove(old.area, old.slug);
      this.skillsByLevel.remove(old.level, old.slug);
      if (old.parent !== null) this.childrenByParent.remove(old.parent, old.slug);
      this.dag.replaceNodeAttributes(skill.slug, skill);
    } else {
      this.dag.addNode(skill.slug, skill);
      this.relatedGraph.addNode(skill.slug);
      insertSorted(this.skillSlugs, skill.slug);
    }
    this.skillsByArea.add(skill.area, skill.slug);
    this.skillsByLevel.add(skill.level, skill.slug);
    if (skill.parent !== null) this.childrenByParent.add(skill.parent, skill.slug);
  }

  private removeSkill(slug: string): void {
    const skill = this.skill(slug);
    for (const child of this.childrenByParent.get(slug)) {
      this.dag.replaceNodeAttributes(child, { ...this.skill(child), parent: null });
    }
    this.childrenByParent.removeKey(slug);
    if (skill.parent !== null) this.childrenByParent.remove(skill.parent, slug);
    this.skillsByArea.remove(skill.area, slug);
    this.skillsByLevel.remove(skill.level, slug);
    for (const resource of this.resourcesBySkill.get(slug)) this.skillsByResource.remove(resource, slug);
    this.resourcesBySkill.removeKey(slug);
    for (const responsibility of this.responsibilitiesBySkill.get(slug))
      this.skillsByResponsibility.remove(responsibility, slug);
    this.responsibilitiesBySkill.removeKey(slug);
    this.dag.dropNode(slug);
    this.relatedGraph.dropNode(slug);
    removeSorted(this.skillSlugs, slug);
  }

  private removeResource(slug: string): void {
    for (const skill of this.skillsByResource.get(slug)) this.resourcesBySkill.remove(skill, slug);
    this.skillsByResource.removeKey(slug);
    this.resources.delete(slug);
    removeSorted(this.resourceSlugs, slug);
  }

  private link(resource: string, skill: string): void {
    this.resourcesBySkill.add(skill, resource);
    this.skillsByResource.add(resource, skill);
  }

  private unlink(resource: string, skill: string): void {
    this.resourcesBySkill.remove(skill, resource);
    this.skillsByResource.remove(resource, skill);
  }

  /**
   * The starts (that exist) and every skill within `maxDepth` hops of one, following REQUIRES
   * out (prerequisites) or in (dependents). A plain multi-source BFS: its cost is the size of the
   * answer, whatever the size of the graph.
   */
  private reachable(
    starts: readonly string[],
    maxDepth: number,
    direction: 'out' | 'in',
    scope: EdgeScope,
  ): Set<string> {
    const members = new Set(starts.filter((slug) => this.dag.hasNode(slug)));
    let frontier = [...members];
    for (let depth = 0; depth < maxDepth && frontier.length > 0; depth++) {
      const next: string[] = [];
      const visit = (_edge: string, { strength }: RequiresAttributes, source: string, target: string) => {
        const neighbour = direction === 'out' ? target : source;
        if (!inScope(strength, scope) || members.has(neighbour)) return;
        members.add(neighbour);
        next.push(neighbour);
      };
      for (const slug of frontier) {
        if (direction === 'out') this.dag.forEachOutEdge(slug, visit);
        else this.dag.forEachInEdge(slug, visit);
      }
      frontier = next;
    }
    return members;
  }

  /** The REQUIRES edges of `scope` with both ends in `members`. */
  private closureEdges(members: ReadonlySet<string>, scope: EdgeScope): PrerequisiteEdge[] {
    const edges: PrerequisiteEdge[] = [];
    for (const slug of members) {
      this.dag.forEachOutEdge(slug, (_edge, { reason, strength }, _source, target) => {
        if (members.has(target) && inScope(strength, scope))
          edges.push({ skill: slug, requires: target, reason, strength });
      });
    }
    return edges;
  }

  /** Whether the skill has a prerequisite within `scope`: a foundation has none. */
  private requiresAnything(slug: string, scope: EdgeScope): boolean {
    return this.dag.someOutEdge(slug, (_edge, { strength }) => inScope(strength, scope));
  }

  /**
   * Built on first use: most processes never search, and building it costs start-up time.
   * Names and titles weigh most; fuzzy matching allows about one typo per five letters.
   */
  private buildSearchIndex(): MiniSearch {
    const index = new MiniSearch({
      fields: ['title', 'slug', 'text'],
      tokenize: (text) => text.split(/[^\p{L}\p{N}]+/u).filter((token) => token.length > 0),
      searchOptions: { boost: { title: 3, slug: 2 }, fuzzy: 0.2, prefix: true },
    });
    index.addAll([
      ...[...this.dag.nodeEntries()].map(({ attributes: s }) => ({
        id: `Skill:${s.slug}`,
        title: s.name,
        slug: s.slug,
        text: s.description,
      })),
      ...[...this.resources.values()].map((r) => ({
        id: `Resource:${r.slug}`,
        title: r.title,
        slug: r.slug,
        text: '',
      })),
      ...[...this.areas.values()].map((a) => ({
        id: `Area:${a.slug}`,
        title: a.name,
        slug: a.slug,
        text: a.description,
      })),
    ]);
    return index;
  }

  private skill(slug: string): Skill {
    return this.dag.getNodeAttributes(slug);
  }

  private skills(slugs: readonly string[]): Skill[] {
    return slugs.map((slug) => this.skill(slug));
  }

  private inGuideOrder(slugs: readonly string[]): Responsibility[] {
    return slugs
      .map((slug) => this.responsibilities.get(slug) as Responsibility)
      .sort((a, b) => a.position - b.position);
  }
}

/** Items already ordered newest first, from below `beforeSequence`, at most `first`. */
function sequencePage<T extends { sequence: number }>(newestFirst: readonly T[], page: SequencePage): Page<T> {
  const from =
    page.beforeSequence === undefined
      ? newestFirst
      : newestFirst.filter((item) => item.sequence < (page.beforeSequence as number));
  return { items: from.slice(0, page.first), hasNextPage: from.length > page.first, totalCount: newestFirst.length };
}

function unknownOperation(op: never): never {
  throw new Error(`unknown journal operation ${JSON.stringify(op)}`);
}

function insertSorted(sorted: string[], slug: string): void {
  sorted.splice(lowerBound(sorted, slug), 0, slug);
}

function removeSorted(sorted: string[], slug: string): void {
  const at = lowerBound(sorted, slug);
  if (sorted[at] === slug) sorted.splice(at, 1);
}

/** One keyset page over slugs in sorted order, counting every match for `totalCount`. */
function pageOf<T>(
  sortedSlugs: readonly string[],
  page: PageRequest,
  matches: (slug: string) => boolean,
  load: (slug: string) => T,
): Page<T> {
  const start = page.afterSlug === undefined ? 0 : upperBound(sortedSlugs, page.afterSlug);
  let totalCount = 0;
  const items: T[] = [];
  let hasNextPage = false;
  for (let i = 0; i < sortedSlugs.length; i++) {
    const slug = sortedSlugs[i];
    if (!matches(slug)) continue;
    totalCount++;
    if (i < start) continue;
    if (items.length < page.first) items.push(load(slug));
    else hasNextPage = true;
  }
  return { items, hasNextPage, totalCount };
}

function matchesText(needle: string, ...fields: readonly string[]): boolean {
  return fields.some((field) => field.toLowerCase().includes(needle));
}

function splitSearchId(id: string): ['Skill' | 'Resource' | 'Area', string] {
  const colon = id.indexOf(':');
  return [id.slice(0, colon) as 'Skill' | 'Resource' | 'Area', id.slice(colon + 1)];
}
