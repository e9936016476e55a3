import {
  depthsFrom,
  findCycle,
  learningOrder,
  prerequisiteDepths,
  prerequisiteStructure,
  shortestPrerequisitePath,
} from '../../src/domain/graph/prerequisite-graph';
import { requires } from '../support/factories';

describe('findCycle', () => {
  it('returns null for a DAG, including diamonds and disconnected parts', () => {
    expect(
      findCycle([requires('d', 'b'), requires('d', 'c'), requires('b', 'a'), requires('c', 'a'), requires('x', 'y')]),
    ).toBeNull();
    expect(findCycle([])).toBeNull();
  });

  it('returns the cycle in edge direction, closing on its first slug', () => {
    const cycle = findCycle([requires('a', 'b'), requires('b', 'c'), requires('c', 'a'), requires('c', 'z')]);
    expect(cycle).toEqual(['a', 'b', 'c', 'a']);
  });

  it('finds a cycle that does not include the first node visited', () => {
    expect(findCycle([requires('a', 'b'), requires('b', 'c'), requires('c', 'b')])).toEqual(['b', 'c', 'b']);
  });

  it('handles chains far longer than the call stack would allow recursively', () => {
    const chain = Array.from({ length: 50_000 }, (_, i) => requires(`s${i + 1}`, `s${i}`));
    expect(findCycle(chain)).toBeNull();
    expect(findCycle([...chain, requires('s0', 's50000')])).toHaveLength(50_002);
  });
});

describe('learningOrder', () => {
  it('puts every skill after its prerequisites and breaks ties by slug', () => {
    // c needs a and b; b needs a; d is free-standing and sorts before c only when ready first.
    const order = learningOrder(['c', 'b', 'a', 'd'], [requires('c', 'a'), requires('c', 'b'), requires('b', 'a')]);
    expect(order).toEqual(['a', 'b', 'c', 'd']);
  });

  it('prefers the smallest ready slug, not the smallest slug overall', () => {
    // "a-late" needs "z", so "z" (ready) must come before it despite sorting after it.
    expect(learningOrder(['a-late', 'z', 'm'], [requires('a-late', 'z')])).toEqual(['m', 'z', 'a-late']);
  });

  it('ignores edges leaving the given skills', () => {
    expect(learningOrder(['b', 'a'], [requires('b', 'outside'), requires('a', 'b')])).toEqual(['b', 'a']);
  });

  it('refuses a cycle rather than returning an order that breaks it', () => {
    expect(() => learningOrder(['a', 'b'], [requires('a', 'b'), requires('b', 'a')])).toThrow(/cycle/);
  });
});

describe('prerequisiteDepths', () => {
  it('gives each reachable skill its fewest hops from the start', () => {
    const depths = prerequisiteDepths('top', [
      requires('top', 'mid'),
      requires('mid', 'base'),
      requires('top', 'base'),
      requires('base', 'root'),
      requires('unrelated', 'root'),
    ]);
    expect(Object.fromEntries(depths)).toEqual({ top: 0, mid: 1, base: 1, root: 2 });
  });
});

describe('depthsFrom', () => {
  it('measures from the nearest of several starts, in either direction', () => {
    const edges = [requires('c', 'b'), requires('b', 'a'), requires('d', 'a')];
    expect(Object.fromEntries(depthsFrom(['c', 'd'], edges, 'prerequisites'))).toEqual({ c: 0, d: 0, b: 1, a: 1 });
    expect(Object.fromEntries(depthsFrom(['a'], edges, 'dependents'))).toEqual({ a: 0, b: 1, d: 1, c: 2 });
  });
});

describe('shortestPrerequisitePath', () => {
  // top needs z-mid and a-mid, both of which need base; top also has a long way round.
  const edges = [
    requires('top', 'z-mid'),
    requires('top', 'a-mid'),
    requires('z-mid', 'base'),
    requires('a-mid', 'base'),
    requires('top', 'long'),
    requires('long', 'longer'),
    requires('longer', 'base'),
  ];

  it('takes the fewest hops, and among those the smallest slugs', () => {
    expect(shortestPrerequisitePath('top', 'base', edges)).toEqual(['top', 'a-mid', 'base']);
  });

  it('is null when there is no chain, including against the direction of the edges', () => {
    expect(shortestPrerequisitePath('base', 'top', edges)).toBeNull();
    expect(shortestPrerequisitePath('a-mid', 'z-mid', edges)).toBeNull();
  });
});

describe('prerequisiteStructure: the longest chain', () => {
  const longestChain = (edges: Parameters<typeof prerequisiteStructure>[0]) =>
    prerequisiteStructure(edges).longestChain;

  it('finds the longest chain of REQUIRES edges, most advanced skill first', () => {
    expect(longestChain([requires('c', 'b'), requires('b', 'a'), requires('c', 'a'), requires('x', 'a')])).toEqual([
      'c',
      'b',
      'a',
    ]);
    expect(longestChain([])).toEqual([]);
  });

  it('breaks ties by the smallest slug, at the head and at every step, whatever the order of the edges', () => {
    // Two chains of two steps from different heads, and two equally long ways down from "m".
    const edges = [
      requires('z', 'y'),
      requires('y', 'x'),
      requires('m', 'p'),
      requires('m', 'k'),
      requires('p', 'a'),
      requires('k', 'a'),
    ];
    expect(longestChain(edges)).toEqual(['m', 'k', 'a']);
    expect(longestChain([...edges].reverse())).toEqual(['m', 'k', 'a']);
  });

  it('has none for a graph with a cycle, which no store ever holds, and names the cycle instead', () => {
    expect(prerequisiteStructure([requires('a', 'b'), requires('b', 'a')])).toEqual({
      cycle: ['a', 'b', 'a'],
      longestChain: [],
    });
  });
});

describe('prerequisiteStructure', () => {
  it('gives the cycle and no chain for a cyclic graph, the chain and no cycle for a DAG', () => {
    expect(prerequisiteStructure([requires('a', 'b'), requires('b', 'c'), requires('c', 'a')])).toEqual({
      cycle: ['a', 'b', 'c', 'a'],
      longestChain: [],
    });
    expect(prerequisiteStructure([requires('c', 'b'), requires('b', 'a'), requires('c', 'a')])).toEqual({
      cycle: null,
      longestChain: ['c', 'b', 'a'],
    });
  });

  it('follows a chain of 50,000 steps without overflowing the stack', () => {
    const chain = Array.from({ length: 50_000 }, (_, n) => requires(`s${n + 1}`, `s${n}`));
    expect(prerequisiteStructure(chain).longestChain).toHaveLength(50_001);
  });
});
