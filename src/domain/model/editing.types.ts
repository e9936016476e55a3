import type { ResourceAccess, ResourceDifficulty, ResourceKind, Skill } from './skill-graph.types';

/** Someone allowed to change the graph, known by the name in EDITOR_TOKENS. */
export interface Editor {
  readonly name: string;
}

/** One accepted change, kept forever and readable by editors. */
export interface Change {
  /** Increases by one with each accepted write, across the whole graph. */
  readonly sequence: number;
  /** ISO 8601, UTC. */
  readonly at: string;
  readonly editor: string;
  readonly operation: string;
  /** What it changed: a slug, or "a -> b" for an edge. */
  readonly subject: string;
  /** The accepted input, as JSON. */
  readonly details: string;
}

export const PROBLEM_STATUSES = ['OPEN', 'RESOLVED'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

/** A report from anyone that something about a skill is wrong or missing. */
export interface Problem {
  /** The problem's write sequence number, as a string. */
  readonly id: string;
  readonly sequence: number;
  /** Kept even if the skill is deleted later. */
  readonly skill: string;
  readonly message: string;
  readonly status: ProblemStatus;
  readonly reportedAt: string;
  readonly resolvedAt: string | null;
  readonly resolvedBy: string | null;
  readonly resolution: string | null;
}

/** A skill as an editor gives it: the parent and the aliases may be left out. */
export type SkillInput = Omit<Skill, 'parent' | 'aliases'> & {
  readonly parent?: string | null;
  readonly aliases?: readonly string[] | null;
};

/** Absent fields keep their value; `parent: null` removes the parent. */
export type SkillPatch = Partial<Omit<SkillInput, 'slug'>>;

export interface ResourceInput {
  readonly slug: string;
  readonly title: string;
  readonly kind: ResourceKind;
  readonly url: string;
  readonly authors?: readonly string[] | null;
  readonly year?: number | null;
  /** One of `free` and `access` is enough: the other is derived; both must agree. */
  readonly free?: boolean;
  readonly access?: ResourceAccess;
  readonly difficulty?: ResourceDifficulty | null;
  readonly estimatedHours: number;
  /** Skills it teaches; at least one. */
  readonly skills: readonly string[];
}

export type ResourcePatch = Partial<Omit<ResourceInput, 'slug'>>;
