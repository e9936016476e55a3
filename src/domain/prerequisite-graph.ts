import { Heap } from 'mnemonist';

import type { PrerequisiteEdge } from './skill-graph.types';

/** What the algorithms need of an edge: which skill requires which. */
export type Requirement = Pick<PrerequisiteEdge, 'skill' | 'requires'>;

// Pure algorithms over REQUIRES edges. They live in the domain, not in a store, so every store
// gives the same depths, orders and cycles for the same edges.

interface Adjacency {
  /** skill -> what it requires */
  readonly requires: ReadonlyMap<string, readonly string[]>;
  /** skill -> what requires it */
  readonly requiredBy: ReadonlyMap<string, readonly string[]>;
}

function adjacency(edges: readonly Requirement[]): Adjacency {
  const requires = new Map<string, string[]>();
  const requiredBy = new Map<string, string[]>();
  for (const { skill, requires: prerequisite } of edges) {
    push(requires, skill, prerequisite);
    push(requiredBy, prerequisite, skill);
  }
  // Sorted neighbour lists make every traversal below deterministic.
  for (const list of requires.values()) list.sort();
  for (const list of requiredBy.values()) list.sort();
  return { requires, requiredBy };
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * A cycle of REQUIRES edges as slugs in edge direction, first slug repeated at the end
 * (`[a, b, a]` means a requires b requires a), or `null` when the edges form a DAG.
 */
export function findCycle(edges: readonly Requirement[]): string[] | null {
  const { requires } = adjacency(edges);
  const state = new Map<string, 'open' | 'done'>();
  const starts = [...requires.keys()].sort();

  for (const start of starts) {
    if (state.has(start)) continue;
    // Iterative DFS: recursion would overflow on the long chains of generated graphs.
    const path: string[] = [start];
    const cursors: number[] = [0];
    state.set(start, 'open');
    while (path.length > 0) {
      const node = path[path.length - 1];
      const next = requires.get(node) ?? [];
      const index = cursors[cursors.length - 1];
      if (index === next.length) {
        state.set(node, 'done');
        path.pop();
        cursors.pop();
        continue;
      }
      cursors[cursors.length - 1] = index + 1;
      const child = next[index];
      const seen = state.get(child);
      if (seen === 'open') return [...path.slice(path.indexOf(child)), child];
      if (seen === undefined) {
        state.set(child, 'open');
        path.push(child);
        cursors.push(0);
      }
    }
  }
  return null;
}

/**
 * A learning order of `skills`: each skill after every prerequisite of it that is also in
 * `skills`; among the skills ready at any moment, the smallest slug goes first. That rule makes
 * the order unique, so every store and every run gives the same answer.
 * Edges with an end outside `skills` are ignored.
 */
export function learningOrder(skills: Iterable<string>, edges: readonly Requirement[]): string[] {
  const members = new Set(skills);
  const inside = edges.filter((edge) => members.has(edge.skill) && members.has(edge.requires));
  const { requires, requiredBy } = adjacency(inside);

  const missing = new Map<string, number>();
  const ready = new Heap<string>(compareSlugs);
  for (const skill of members) {
    const count = requires.get(skill)?.length ?? 0;
    missing.set(skill, count);
    if (count === 0) ready.push(skill);
  }

  const order: string[] = [];
  while (ready.size > 0) {
    const skill = ready.pop() as string;
    order.push(skill);
    for (const dependent of requiredBy.get(skill) ?? []) {
      const left = (missing.get(dependent) as number) - 1;
      missing.set(dependent, left);
      if (left === 0) ready.push(dependent);
    }
  }
  if (order.length !== members.size) {
    // Stores refuse cycles on load and on write, so reaching this is a bug, not bad input.
    throw new Error(`learningOrder: cycle among ${[...members].filter((s) => !order.includes(s)).join(', ')}`);
  }
  return order;
}

/** Shortest number of REQUIRES hops from `start` to each skill it transitively requires. */
export function prerequisiteDepths(start: string, edges: readonly Requirement[]): Map<string, number> {
  return depthsFrom([start], edges, 'prerequisites');
}

/**
 * Fewest hops from the nearest of `starts` to every skill reachable over `edges`, following
 * REQUIRES forwards ('prerequisites': what the starts need) or backwards ('dependents': what
 * needs them). Starts have depth 0.
 */
export function depthsFrom(
  starts: Iterable<string>,
  edges: readonly Requirement[],
  direction: 'prerequisites' | 'dependents',
): Map<string, number> {
  const { requires, requiredBy } = adjacency(edges);
  const next = direction === 'prerequisites' ? requires : requiredBy;
  const depths = new Map<string, number>();
  let frontier: string[] = [];
  for (const start of starts) {
    if (depths.has(start)) continue;
    depths.set(start, 0);
    frontier.push(start);
  }
  for (let depth = 1; frontier.length > 0; depth++) {
    const following: string[] = [];
    for (const skill of frontier) {
      for (const neighbour of next.get(skill) ?? []) {
        if (depths.has(neighbour)) continue;
        depths.set(neighbour, depth);
        following.push(neighbour);
      }
    }
    frontier = following;
  }
  return depths;
}

/**
 * The shortest chain of REQUIRES edges from `from` to `to` as slugs (`from` first), or null when
 * `from` does not transitively require `to`. Among equally short chains, the one whose slugs
 * compare smallest, step by step: a rule every store can follow, so all give the same chain.
 */
export function shortestPrerequisitePath(from: string, to: string, edges: readonly Requirement[]): string[] | null {
  const { requires } = adjacency(edges);
  const toTarget = depthsFrom([to], edges, 'dependents'); // hops from each skill down to `to`
  let remaining = toTarget.get(from);
  if (remaining === undefined) return null;
  const path = [from];
  let current = from;
  while (current !== to) {
    // Neighbour lists are sorted, so the first one a hop closer is the smallest slug.
    const step = (requires.get(current) ?? []).find((next) => toTarget.get(next) === (remaining as number) - 1);
    if (step === undefined) throw new Error(`shortestPrerequisitePath: no step from ${current}`);
    path.push(step);
    current = step;
    remaining -= 1;
  }
  return path;
}

/** The longest chain of REQUIRES edges, as slugs from the most advanced skill down (empty for no edges). */
export function longestChain(edges: readonly Requirement[]): string[] {
  const { requires } = adjacency(edges);
  const skills = new Set([...edges.map((e) => e.skill), ...edges.map((e) => e.requires)]);
  // In learning order every prerequisite comes first, so its longest chain is known when needed.
  const longest = new Map<string, { length: number; next: string | null }>();
  for (const skill of learningOrder(skills, edges)) {
    let best = { length: 0, next: null as string | null };
    for (const prerequisite of requires.get(skill) ?? []) {
      const length = (longest.get(prerequisite) as { length: number }).length + 1;
      if (length > best.length) best = { length, next: prerequisite };
    }
    longest.set(skill, best);
  }
  let head: string | null = null;
  for (const [skill, { length }] of longest) {
    if (head === null || length > (longest.get(head) as { length: number }).length) head = skill;
  }
  const chain: string[] = [];
  for (let at = head; at !== null; at = (longest.get(at) as { next: string | null }).next) chain.push(at);
  return chain.length > 1 ? chain : [];
}

/**
 * The longest chain starting at `start` and following REQUIRES forwards ('prerequisites': down
 * to foundations) or backwards ('dependents': up to advanced skills), as slugs from `start`.
 */
export function longestPathFrom(
  start: string,
  edges: readonly Requirement[],
  direction: 'prerequisites' | 'dependents',
): string[] {
  const { requires, requiredBy } = adjacency(edges);
  const next = direction === 'prerequisites' ? requires : requiredBy;
  const memo = new Map<string, string[]>();
  // Depth is bounded by the longest chain the graph may hold, so recursion stays shallow.
  const longest = (skill: string): string[] => {
    let best = memo.get(skill);
    if (best !== undefined) return best;
    best = [skill];
    for (const neighbour of next.get(skill) ?? []) {
      const path = longest(neighbour);
      if (path.length + 1 > best.length) best = [skill, ...path];
    }
    memo.set(skill, best);
    return best;
  };
  return longest(start);
}

/** Code-unit order, the same order Neo4j's ORDER BY gives strings. */
export function compareSlugs(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * For every skill that appears in `edges`, how many distinct skills require it transitively
 * within `maxDepth` hops: what `unlockCounts` answers, for the whole graph at once (a store that
 * keeps the counts precomputes them with this). Skills in no edge unlock nothing and are absent.
 */
export function allUnlockCounts(edges: readonly Requirement[], maxDepth: number): Map<string, number> {
  // Integer ids and flat arrays: at 100,000 skills this is a few million visits.
  const ids = new Map<string, number>();
  const id = (slug: string) => {
    let value = ids.get(slug);
    if (value === undefined) ids.set(slug, (value = ids.size));
    return value;
  };
  const dependents: number[][] = [];
  for (const { skill, requires } of edges) {
    const from = id(requires);
    const to = id(skill);
    (dependents[from] ??= []).push(to);
  }
  const seenAt = new Int32Array(ids.size).fill(-1);
  const counts = new Map<string, number>();
  for (const [slug, start] of ids) {
    let frontier = [start];
    let count = 0;
    seenAt[start] = start;
    for (let depth = 0; depth < maxDepth && frontier.length > 0; depth++) {
      const next: number[] = [];
      for (const node of frontier) {
        for (const dependent of dependents[node] ?? []) {
          if (seenAt[dependent] === start) continue;
          seenAt[dependent] = start;
          count += 1;
          next.push(dependent);
        }
      }
      frontier = next;
    }
    counts.set(slug, count);
  }
  return counts;
}
