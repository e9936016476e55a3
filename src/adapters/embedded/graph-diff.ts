import type { Snapshot } from './graph-snapshot';
import type { JournalOp } from './journal-file';

/**
 * The journal operations that turn `from` into `to`: the net effect of any number of changes,
 * as one entry. Edges and links go before the records they touch are deleted, and after the
 * records they need are put. History (changes, problems, the sequence) is carried over whole.
 * Responsibilities and their links are data/'s alone (no operation edits them), so they are not
 * compared, except that deleting a skill drops the links to it, as in the API.
 */
export function diffOperations(from: Snapshot, to: Snapshot): JournalOp[] {
  const a = from.dataset;
  const b = to.dataset;
  const ops: JournalOp[] = [];
  const bySlug = <T extends { slug: string }>(items: readonly T[]) => new Map(items.map((item) => [item.slug, item]));
  const keyed = <T>(items: readonly T[], key: (item: T) => string) => new Map(items.map((item) => [key(item), item]));
  const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);

  const requires = (e: { skill: string; requires: string }) => `${e.skill}>${e.requires}`;
  const related = (e: { skill: string; related: string }) => [e.skill, e.related].sort().join('~');
  const taught = (l: { from: string; skill: string }) => `${l.from}>${l.skill}`;
  const [prerequisitesA, prerequisitesB] = [keyed(a.prerequisites, requires), keyed(b.prerequisites, requires)];
  const [relatedA, relatedB] = [keyed(a.related, related), keyed(b.related, related)];
  const [linksA, linksB] = [keyed(a.resourceSkills, taught), keyed(b.resourceSkills, taught)];
  const [skillsA, skillsB] = [bySlug(a.skills), bySlug(b.skills)];
  const [resourcesA, resourcesB] = [bySlug(a.resources), bySlug(b.resources)];

  // Removals first, edges before nodes.
  for (const [key, edge] of prerequisitesA)
    if (!prerequisitesB.has(key)) ops.push(['deletePrerequisite', edge.skill, edge.requires]);
  for (const [key, edge] of relatedA) if (!relatedB.has(key)) ops.push(['deleteRelated', edge.skill, edge.related]);
  for (const [key, link] of linksA) if (!linksB.has(key)) ops.push(['unlinkResource', link.from, link.skill]);
  for (const slug of resourcesA.keys()) if (!resourcesB.has(slug)) ops.push(['deleteResource', slug]);
  for (const slug of skillsA.keys()) if (!skillsB.has(slug)) ops.push(['deleteSkill', slug]);
  // Then what is new or different, nodes before edges; parents are put before their children.
  const changedSkills = b.skills.filter((skill) => !same(skillsA.get(skill.slug), skill));
  for (const skill of changedSkills) ops.push(['putSkill', { ...skill, parent: null }]);
  for (const skill of changedSkills) if (skill.parent !== null) ops.push(['putSkill', skill]);
  for (const resource of b.resources)
    if (!same(resourcesA.get(resource.slug), resource)) ops.push(['putResource', resource]);
  for (const [key, edge] of prerequisitesB)
    if (!same(prerequisitesA.get(key), edge)) ops.push(['putPrerequisite', edge]);
  for (const [key, edge] of relatedB) if (!relatedA.has(key)) ops.push(['putRelated', edge.skill, edge.related]);
  for (const [key, link] of linksB) if (!linksA.has(key)) ops.push(['linkResource', link.from, link.skill]);
  ops.push(...historyOperations(to));
  return ops;
}

/** The change history, the problem reports and the sequence of `snapshot`, as operations. */
export function historyOperations(snapshot: Snapshot): JournalOp[] {
  return [
    ...snapshot.changes.map((change): JournalOp => ['recordChange', change]),
    ...snapshot.problems.map((problem): JournalOp => ['putProblem', problem]),
    ['setSequence', snapshot.sequence],
  ];
}
