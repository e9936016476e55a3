import type { PrerequisiteStrength, Skill } from './skill-graph.types';

// A skill's prerequisites as the API answers them: the reading use cases build it, the diagram
// draws it, and an explained prerequisite is a path of its edges.

interface ChainStep {
  readonly skill: Skill;
  /** Fewest REQUIRES hops from the chain's skill. */
  readonly depth: number;
}

export interface ChainEdge {
  readonly from: Skill;
  readonly to: Skill;
  readonly reason: string;
  readonly strength: PrerequisiteStrength;
}

export interface PrerequisiteChain {
  readonly skill: Skill;
  readonly steps: readonly ChainStep[];
  readonly edges: readonly ChainEdge[];
  readonly order: readonly Skill[];
}
