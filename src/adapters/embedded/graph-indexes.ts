import { DirectedGraph, UndirectedGraph } from 'graphology';

import type { Change, Problem } from '../../domain/model/editing.types';
import type { DatasetVersion } from '../../domain/ports/graph-store.port';
import type {
  Area,
  EdgeScope,
  PrerequisiteEdge,
  PrerequisiteStrength,
  Resource,
  Responsibility,
  SeniorityLevel,
  Skill,
} from '../../domain/model/skill-graph.types';
import { inScope } from '../../domain/model/skill-graph.types';
import { SortedIndex, insertSorted, removeSorted } from './sorted-index';

interface RequiresAttributes {
  readonly reason: string;
  readonly strength: PrerequisiteStrength;
}

/**
 * The data structures the embedded store keeps, and the upkeep that keeps them in step with each
 * other. Skills and their REQUIRES edges form a graphology DAG, so graph algorithms run on it
 * directly; the other relationships are sorted indexes, which is all their lookups need. Nothing
 * here records or undoes: GraphState does, around these.
 */
export class GraphIndexes {
  /** Skill nodes (attributes: the Skill) and REQUIRES edges, skill -> prerequisite. */
  readonly dag = new DirectedGraph<Skill, RequiresAttributes>({ allowSelfLoops: false });
  readonly relatedGraph = new UndirectedGraph({ allowSelfLoops: false });
  readonly areas = new Map<string, Area>();
  readonly levels = new Map<string, SeniorityLevel>();
  readonly resources = new Map<string, Resource>();
  readonly responsibilities = new Map<string, Responsibility>();

  readonly skillSlugs: string[] = [];
  readonly resourceSlugs: string[] = [];
  readonly skillsByArea = new SortedIndex();
  readonly skillsByLevel = new SortedIndex();
  readonly childrenByParent = new SortedIndex();
  readonly resourcesBySkill = new SortedIndex();
  readonly skillsByResource = new SortedIndex();
  readonly responsibilitiesBySkill = new SortedIndex();
  readonly skillsByResponsibility = new SortedIndex();
  readonly responsibilitiesByLevel = new SortedIndex();

  version: DatasetVersion | null = null;
  /** Oldest first. */
  changes: Change[] = [];
  readonly problems = new Map<string, Problem>();
  sequence = 0;

  skill(slug: string): Skill {
    return this.dag.getNodeAttributes(slug);
  }

  skills(slugs: readonly string[]): Skill[] {
    return slugs.map((slug) => this.skill(slug));
  }

  resource(slug: string): Resource {
    return this.resources.get(slug) as Resource;
  }

  inGuideOrder(slugs: readonly string[]): Responsibility[] {
    return slugs
      .map((slug) => this.responsibilities.get(slug) as Responsibility)
      .sort((a, b) => a.position - b.position);
  }

  /** Adds the skill or replaces its fields, keeping its edges and the indexes in step. */
  replaceSkill(skill: Skill): void {
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

  removeSkill(slug: string): void {
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

  putResource(resource: Resource): void {
    if (!this.resources.has(resource.slug)) insertSorted(this.resourceSlugs, resource.slug);
    this.resources.set(resource.slug, resource);
  }

  removeResource(slug: string): void {
    for (const skill of this.skillsByResource.get(slug)) this.resourcesBySkill.remove(skill, slug);
    this.skillsByResource.removeKey(slug);
    this.resources.delete(slug);
    removeSorted(this.resourceSlugs, slug);
  }

  link(resource: string, skill: string): void {
    this.resourcesBySkill.add(skill, resource);
    this.skillsByResource.add(resource, skill);
  }

  unlink(resource: string, skill: string): void {
    this.resourcesBySkill.remove(skill, resource);
    this.skillsByResource.remove(resource, skill);
  }

  linkResponsibility(responsibility: string, skill: string): void {
    this.skillsByResponsibility.add(responsibility, skill);
    this.responsibilitiesBySkill.add(skill, responsibility);
  }

  /**
   * The starts (that exist) and every skill within `maxDepth` hops of one, following REQUIRES
   * out (prerequisites) or in (dependents). A plain multi-source BFS: its cost is the size of the
   * answer, whatever the size of the graph.
   */
  reachable(starts: readonly string[], maxDepth: number, direction: 'out' | 'in', scope: EdgeScope): Set<string> {
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
  closureEdges(members: ReadonlySet<string>, scope: EdgeScope): PrerequisiteEdge[] {
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
  requiresAnything(slug: string, scope: EdgeScope): boolean {
    return this.dag.someOutEdge(slug, (_edge, { strength }) => inScope(strength, scope));
  }
}
