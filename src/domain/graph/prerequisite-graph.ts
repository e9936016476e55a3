import { Heap } from 'mnemonist';

import type { PrerequisiteEdge } from '../model/skill-graph.types';
import { compareSlugs } from '../model/slug';

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
 * The edges as integer ids and flat arrays, for the passes that visit the whole graph (a
 * dataset's checks at every start: at 100,000 skills, maps of strings cost seconds). Ids follow
 * slug order and each skill's prerequisites are sorted, so id order is slug order everywhere.
 */
interface CompactGraph {
  readonly slugs: readonly string[];
  /** The prerequisites of skill `i` are `targets[offsets[i]]` up to `targets[offsets[i + 1]]`. */
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
}

function compact(edges: readonly Requirement[]): CompactGraph {
  const unique = new Set<string>();
  for (const { skill, requires } of edges) unique.add(skill).add(requires);
  const slugs = [...unique].sort(compareSlugs);
  const ids = new Map<string, number>();
  slugs.forEach((slug, index) => ids.set(slug, index));
  const offsets = new Int32Array(slugs.length + 1);
  for (const { skill } of edges) offsets[(ids.get(skill) as number) + 1] += 1;
  for (let i = 0; i < slugs.length; i++) offsets[i + 1] += offsets[i];
  const targets = new Int32Array(edges.length);
  const filled = offsets.slice(0, slugs.length);
  for (const { skill, requires } of edges) targets[filled[ids.get(skill) as number]++] = ids.get(requires) as number;
  for (let i = 0; i < slugs.length; i++) targets.subarray(offsets[i], offsets[i + 1]).sort();
  return { slugs, offsets, targets };
}

export interface PrerequisiteStructure {
  /** A cycle as slugs in edge direction, first slug repeated at the end, or null for a DAG. */
  readonly cycle: string[] | null;
  /**
   * The longest chain, most advanced skill first (empty without edges or with a cycle). Among
   * equally long chains: the one starting at the smallest slug, then the smallest slug per step.
   */
  readonly longestChain: string[];
}

/**
 * Cycle and longest chain in one depth-first pass: a skill's longest chain is known once all
 * its prerequisites are finished, which is exactly when the search leaves it.
 */
export function prerequisiteStructure(edges: readonly Requirement[]): PrerequisiteStructure {
  const { slugs, offsets, targets } = compact(edges);
  const OPEN = 1;
  const DONE = 2;
  const state = new Uint8Array(slugs.length);
  const length = new Int32Array(slugs.length);
  const next = new Int32Array(slugs.length).fill(-1);
  // Iterative: recursion would overflow on the long chains of generated graphs.
  const path: number[] = [];
  const cursors: number[] = [];
  for (let start = 0; start < slugs.length; start++) {
    if (state[start] !== 0) continue;
    state[start] = OPEN;
    path.push(start);
    cursors.push(offsets[start]);
    while (path.length > 0) {
      const node = path[path.length - 1];
      const at = cursors[cursors.length - 1];
      if (at === offsets[node + 1]) {
        // Finished: every prerequisite's longest chain is known; the first longest (smallest slug) wins.
        for (let i = offsets[node]; i < offsets[node + 1]; i++) {
          if (length[targets[i]] + 1 > length[node]) {
            length[node] = length[targets[i]] + 1;
            next[node] = targets[i];
          }
        }
        state[node] = DONE;
        path.pop();
        cursors.pop();
        continue;
      }
      cursors[cursors.length - 1] = at + 1;
      const child = targets[at];
      if (state[child] === OPEN) {
        const cycle = path.slice(path.indexOf(child)).map((id) => slugs[id]);
        return { cycle: [...cycle, slugs[child]], longestChain: [] };
      }
      if (state[child] === 0) {
        state[child] = OPEN;
        path.push(child);
        cursors.push(offsets[child]);
      }
    }
  }
  let head = -1;
  for (let id = 0; id < slugs.length; id++) if (head === -1 || length[id] > length[head]) head = id;
  const chain: string[] = [];
  for (let at = head; at !== -1; at = next[at]) chain.push(slugs[at]);
  return { cycle: null, longestChain: chain.length > 1 ? chain : [] };
}

/**
 * A cycle of REQUIRES edges as slugs in edge direction, first slug repeated at the end
 * (`[a, b, a]` means a requires b requires a), or `null` when the edges form a DAG.
 */
export function findCycle(edges: readonly Requirement[]): string[] | null {
  return prerequisiteStructure(edges).cycle;
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
