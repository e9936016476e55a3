import type { Dataset } from '../../dataset/dataset.types';
import type { Change, Problem } from '../../domain/model/editing.types';
import type { GraphTransaction } from '../../domain/ports/graph-store.port';
import type { PrerequisiteEdge, Resource, Skill } from '../../domain/model/skill-graph.types';
import { ChangeRecorder } from './change-recorder';
import { GraphReads } from './graph-reads';
import type { Snapshot } from './graph-snapshot';
import { indexesFromSnapshot, snapshotOf } from './graph-snapshot';
import type { JournalOp } from './journal-file';
import { applyJournalOp } from './journal-file';

/**
 * The whole graph in process memory: every read (GraphReads) and every write primitive of the
 * port. It does no locking and no persistence: EmbeddedGraphStore keeps readers out while a
 * change is open, and journals the operations a committed change returns.
 */
export class GraphState extends GraphReads implements GraphTransaction {
  private readonly recorder = new ChangeRecorder();

  static fromSnapshot(snapshot: Snapshot): GraphState {
    return new GraphState(indexesFromSnapshot(snapshot));
  }

  static fromDataset(dataset: Dataset): GraphState {
    return GraphState.fromSnapshot({ dataset, changes: [], problems: [], sequence: 0 });
  }

  /** Everything, in a deterministic order, as plain data. */
  toSnapshot(): Snapshot {
    return snapshotOf(this.graph);
  }

  // Write primitives. No checks beyond what the data structures need: the rules are the domain's.
  // Inside a change (begin … commit or rollback) each records how to undo itself and the journal
  // operation that repeats it.

  begin(): void {
    this.recorder.begin();
  }

  pending(): readonly JournalOp[] {
    return this.recorder.pending();
  }

  commit(): void {
    this.recorder.commit();
  }

  rollback(): void {
    this.recorder.rollback();
    this.forgetDerived();
  }

  /** Repeats one operation of a journal (outside of recording, or inside a change being replayed). */
  apply(op: JournalOp): Promise<void> {
    return applyJournalOp(this, op);
  }

  async putSkill(skill: Skill): Promise<void> {
    const previous = this.graph.dag.hasNode(skill.slug) ? this.graph.skill(skill.slug) : null;
    this.record(['putSkill', skill], () =>
      previous === null ? this.graph.removeSkill(skill.slug) : this.graph.replaceSkill(previous),
    );
    this.graph.replaceSkill(skill);
  }

  async deleteSkill(slug: string): Promise<void> {
    if (!this.graph.dag.hasNode(slug)) return;
    const skill = this.graph.skill(slug);
    const requires = this.graph.dag.mapOutEdges(slug, (_e, attributes, _s, target) => ({
      skill: slug,
      requires: target,
      attributes,
    }));
    const requiredBy = this.graph.dag.mapInEdges(slug, (_e, attributes, source) => ({
      skill: source,
      requires: slug,
      attributes,
    }));
    const related = this.graph.relatedGraph.neighbors(slug);
    const resources = [...this.graph.resourcesBySkill.get(slug)];
    const responsibilities = [...this.graph.responsibilitiesBySkill.get(slug)];
    const children = [...this.graph.childrenByParent.get(slug)];
    this.record(['deleteSkill', slug], () => {
      this.graph.replaceSkill(skill);
      for (const child of children) this.graph.replaceSkill({ ...this.graph.skill(child), parent: slug });
      for (const edge of [...requires, ...requiredBy])
        this.graph.dag.mergeEdge(edge.skill, edge.requires, edge.attributes);
      for (const other of related) this.graph.relatedGraph.mergeEdge(slug, other);
      for (const resource of resources) this.graph.link(resource, slug);
      for (const responsibility of responsibilities) this.graph.linkResponsibility(responsibility, slug);
    });
    this.graph.removeSkill(slug);
  }

  async putResource(resource: Resource): Promise<void> {
    const previous = this.graph.resources.get(resource.slug) ?? null;
    this.record(['putResource', resource], () =>
      previous === null ? this.graph.removeResource(resource.slug) : this.graph.resources.set(previous.slug, previous),
    );
    this.graph.putResource(resource);
  }

  async deleteResource(slug: string): Promise<void> {
    const resource = this.graph.resources.get(slug);
    if (resource === undefined) return;
    const skills = [...this.graph.skillsByResource.get(slug)];
    this.record(['deleteResource', slug], () => {
      this.graph.putResource(resource);
      for (const skill of skills) this.graph.link(slug, skill);
    });
    this.graph.removeResource(slug);
  }

  async linkResource(resource: string, skill: string): Promise<void> {
    const linked = this.graph.skillsByResource.get(resource).includes(skill);
    this.record(['linkResource', resource, skill], () => linked || this.graph.unlink(resource, skill));
    this.graph.link(resource, skill);
  }

  async unlinkResource(resource: string, skill: string): Promise<void> {
    const linked = this.graph.skillsByResource.get(resource).includes(skill);
    this.record(['unlinkResource', resource, skill], () => linked && this.graph.link(resource, skill));
    this.graph.unlink(resource, skill);
  }

  async putPrerequisite(edge: PrerequisiteEdge): Promise<void> {
    const previous = this.graph.dag.hasEdge(edge.skill, edge.requires)
      ? this.graph.dag.getEdgeAttributes(edge.skill, edge.requires)
      : null;
    this.record(['putPrerequisite', edge], () =>
      previous === null
        ? this.graph.dag.dropEdge(edge.skill, edge.requires)
        : this.graph.dag.mergeEdge(edge.skill, edge.requires, previous),
    );
    this.graph.dag.mergeEdge(edge.skill, edge.requires, { reason: edge.reason, strength: edge.strength });
  }

  async deletePrerequisite(skill: string, requires: string): Promise<void> {
    if (!this.graph.dag.hasEdge(skill, requires)) return;
    const attributes = this.graph.dag.getEdgeAttributes(skill, requires);
    this.record(['deletePrerequisite', skill, requires], () => this.graph.dag.mergeEdge(skill, requires, attributes));
    this.graph.dag.dropEdge(skill, requires);
  }

  async putRelated(skill: string, related: string): Promise<void> {
    const existed = this.graph.relatedGraph.hasEdge(skill, related);
    this.record(['putRelated', skill, related], () => existed || this.graph.relatedGraph.dropEdge(skill, related));
    this.graph.relatedGraph.mergeEdge(skill, related);
  }

  async deleteRelated(skill: string, related: string): Promise<void> {
    if (!this.graph.relatedGraph.hasEdge(skill, related)) return;
    this.record(['deleteRelated', skill, related], () => this.graph.relatedGraph.mergeEdge(skill, related));
    this.graph.relatedGraph.dropEdge(skill, related);
  }

  async putProblem(problem: Problem): Promise<void> {
    const previous = this.graph.problems.get(problem.id) ?? null;
    this.record(['putProblem', problem], () =>
      previous === null ? this.graph.problems.delete(problem.id) : this.graph.problems.set(previous.id, previous),
    );
    this.graph.problems.set(problem.id, problem);
  }

  async nextSequence(): Promise<number> {
    await this.setSequence(this.graph.sequence + 1);
    return this.graph.sequence;
  }

  /** Journals the number itself, so a replay gives every change and problem its original number. */
  async setSequence(sequence: number): Promise<void> {
    const previous = this.graph.sequence;
    this.record(['setSequence', sequence], () => (this.graph.sequence = previous));
    this.graph.sequence = Math.max(previous, sequence);
  }

  async recordChange(change: Change): Promise<void> {
    this.record(['recordChange', change], () => this.graph.changes.pop());
    this.graph.changes.push(change);
  }

  /** Inside a change, recorded; derived data goes stale either way. */
  private record(op: JournalOp, undo: () => unknown): void {
    this.forgetDerived();
    this.recorder.record(op, undo);
  }
}
