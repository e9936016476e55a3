import type { Dataset } from '../../dataset/dataset.types';
import type { Change, Problem } from '../../domain/model/editing.types';
import type { Resource } from '../../domain/model/skill-graph.types';
import { compareSlugs } from '../../domain/model/slug';
import { GraphIndexes } from './graph-indexes';
import type { SortedIndex } from './sorted-index';

/** Everything the embedded store holds, as plain data: what data/ and the journal rebuild it from. */
export interface Snapshot {
  readonly dataset: Dataset;
  readonly changes: readonly Change[];
  readonly problems: readonly Problem[];
  readonly sequence: number;
}

export function indexesFromSnapshot(snapshot: Snapshot): GraphIndexes {
  const graph = new GraphIndexes();
  loadDataset(graph, snapshot.dataset);
  graph.changes = [...snapshot.changes].sort((a, b) => a.sequence - b.sequence);
  for (const problem of snapshot.problems) graph.problems.set(problem.id, problem);
  graph.sequence = snapshot.sequence;
  return graph;
}

/** Everything, in a deterministic order, as plain data. */
export function snapshotOf(graph: GraphIndexes): Snapshot {
  const byPosition = <T extends { position: number }>(items: Iterable<T>) =>
    [...items].sort((a, b) => a.position - b.position);
  const links = (index: SortedIndex, keys: readonly string[]) =>
    keys.flatMap((from) => index.get(from).map((skill) => ({ from, skill })));
  const responsibilities = byPosition(graph.responsibilities.values());
  return {
    dataset: {
      ...(graph.version === null ? {} : { version: graph.version }),
      areas: byPosition(graph.areas.values()),
      levels: [...graph.levels.values()].sort((a, b) => a.rank - b.rank),
      skills: graph.skills(graph.skillSlugs),
      prerequisites: graph.skillSlugs.flatMap((slug) =>
        graph.dag
          .mapOutEdges(slug, (_edge, { reason, strength }, _source, target) => ({
            skill: slug,
            requires: target,
            reason,
            strength,
          }))
          .sort((a, b) => compareSlugs(a.requires, b.requires)),
      ),
      related: graph.relatedGraph
        .mapEdges((_edge, _attributes, a, b) =>
          compareSlugs(a, b) < 0 ? { skill: a, related: b } : { skill: b, related: a },
        )
        .sort((x, y) => compareSlugs(x.skill, y.skill) || compareSlugs(x.related, y.related)),
      responsibilities,
      responsibilitySkills: links(
        graph.skillsByResponsibility,
        responsibilities.map((r) => r.slug),
      ),
      resources: graph.resourceSlugs.map((slug) => graph.resources.get(slug) as Resource),
      resourceSkills: links(graph.skillsByResource, graph.resourceSlugs),
    },
    changes: [...graph.changes],
    problems: [...graph.problems.values()].sort((a, b) => a.sequence - b.sequence),
    sequence: graph.sequence,
  };
}

function loadDataset(graph: GraphIndexes, dataset: Dataset): void {
  graph.version = dataset.version ?? null;
  for (const area of dataset.areas) graph.areas.set(area.slug, area);
  for (const level of dataset.levels) graph.levels.set(level.slug, level);
  for (const skill of dataset.skills) {
    graph.dag.addNode(skill.slug, skill);
    graph.relatedGraph.addNode(skill.slug);
    graph.skillsByArea.add(skill.area, skill.slug);
    graph.skillsByLevel.add(skill.level, skill.slug);
    if (skill.parent !== null) graph.childrenByParent.add(skill.parent, skill.slug);
  }
  graph.skillSlugs.push(...dataset.skills.map((s) => s.slug).sort(compareSlugs));
  for (const edge of dataset.prerequisites) {
    graph.dag.addEdge(edge.skill, edge.requires, { reason: edge.reason, strength: edge.strength });
  }
  for (const edge of dataset.related) graph.relatedGraph.addEdge(edge.skill, edge.related);
  for (const r of dataset.responsibilities) {
    graph.responsibilities.set(r.slug, r);
    graph.responsibilitiesByLevel.add(r.level, r.slug);
  }
  for (const link of dataset.responsibilitySkills) graph.linkResponsibility(link.from, link.skill);
  for (const resource of dataset.resources) graph.resources.set(resource.slug, resource);
  graph.resourceSlugs.push(...dataset.resources.map((r) => r.slug).sort(compareSlugs));
  for (const link of dataset.resourceSkills) graph.link(link.from, link.skill);
}
