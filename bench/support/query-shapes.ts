// The exponential query shapes of the attack report, generated: every pair of list fields that
// leads from a skill back to skills, alternated and nested as deep as the depth limit allows,
// under a single skill and under a page of a hundred. Used by the process test (each is refused
// or answered within the budget) and by the benchmark (a normal query stays fast alongside).

interface Hop {
  readonly name: string;
  readonly wrap: (inner: string) => string;
  /** Levels of nesting the hop adds. */
  readonly depth: number;
}

const HOPS: readonly Hop[] = [
  { name: 'children', wrap: (x) => `children { ${x} }`, depth: 1 },
  { name: 'dependents', wrap: (x) => `dependents { ${x} }`, depth: 1 },
  { name: 'related', wrap: (x) => `related { ${x} }`, depth: 1 },
  { name: 'prerequisites', wrap: (x) => `prerequisites { skill { ${x} } }`, depth: 2 },
  { name: 'resources', wrap: (x) => `resources { skills { ${x} } }`, depth: 2 },
  { name: 'responsibilities', wrap: (x) => `responsibilities { skills { ${x} } }`, depth: 2 },
  { name: 'level', wrap: (x) => `level { skills { ${x} } }`, depth: 2 },
  { name: 'level-all', wrap: (x) => `level { skills(includeLowerLevels: true) { ${x} } }`, depth: 2 },
  { name: 'area', wrap: (x) => `area { skills { ${x} } }`, depth: 2 },
  { name: 'level-duties', wrap: (x) => `level { responsibilities { skills { ${x} } } }`, depth: 3 },
  { name: 'duty-level', wrap: (x) => `responsibilities { level { skills { ${x} } } }`, depth: 3 },
];

const ROOTS = [
  { name: 'skill', wrap: (x: string) => `{ skill(slug: "http") { ${x} } }`, depth: 1 },
  { name: 'page', wrap: (x: string) => `{ skills(first: 100) { edges { node { ${x} } } } }`, depth: 3 },
];

export interface QueryShape {
  readonly name: string;
  readonly query: string;
}

/**
 * Every root with every ordered pair of hops alternated, two hops deep, three, and so on down to
 * `maxDepth` (the leaf included).
 */
export function exponentialShapes(maxDepth: number): QueryShape[] {
  const shapes: QueryShape[] = [];
  for (const root of ROOTS) {
    for (const a of HOPS) {
      for (const b of HOPS) {
        const hops: Hop[] = [];
        let depth = root.depth + 1; // the leaf, slug
        for (let i = 0; depth + [a, b][i % 2]!.depth <= maxDepth; i++) {
          hops.push([a, b][i % 2]!);
          depth += hops.at(-1)!.depth;
          if (hops.length < 2) continue;
          const selection = hops.reduceRight((inner, hop) => hop.wrap(inner), 'slug');
          shapes.push({ name: `${root.name}: ${a.name} / ${b.name} × ${hops.length}`, query: root.wrap(selection) });
        }
      }
    }
  }
  return shapes;
}
