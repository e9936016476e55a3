// The entities of the skill graph, as plain data. Every store returns exactly these shapes,
// so resolvers and services never see a store's own types.

export const RESOURCE_KINDS = ['BOOK', 'COURSE', 'GUIDE', 'ARTICLE', 'DOCUMENTATION', 'VIDEO', 'PAPER'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** What using a resource asks of a learner (learndb's and Metacademy's access levels). */
export const RESOURCE_ACCESS = ['FREE', 'FREE_WITH_REGISTRATION', 'PAID'] as const;
export type ResourceAccess = (typeof RESOURCE_ACCESS)[number];

export const RESOURCE_DIFFICULTIES = ['INTRODUCTORY', 'INTERMEDIATE', 'ADVANCED'] as const;
export type ResourceDifficulty = (typeof RESOURCE_DIFFICULTIES)[number];

/** `free` means "costs nothing": a free account still costs nothing, so only PAID is not free. */
export const isFreeAccess = (access: ResourceAccess): boolean => access !== 'PAID';

/** The access a bare `free` flag implies, for inputs and journal lines written before access existed. */
export const accessOfFree = (free: boolean): ResourceAccess => (free ? 'FREE' : 'PAID');

export const RESPONSIBILITY_CATEGORIES = ['TECHNICAL', 'LEADERSHIP', 'BUSINESS'] as const;
export type ResponsibilityCategory = (typeof RESPONSIBILITY_CATEGORIES)[number];

export interface Area {
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  /** Order in the guide; areas and responsibilities are listed in it. */
  readonly position: number;
}

export interface SeniorityLevel {
  readonly slug: string;
  readonly name: string;
  readonly rank: number;
  readonly description: string;
}

export interface Skill {
  readonly slug: string;
  readonly name: string;
  /** What people type for it besides its name: synonyms, abbreviations ("K8s", "SSO"); search matches them as strongly. */
  readonly aliases: readonly string[];
  readonly description: string;
  readonly estimatedHours: number;
  readonly area: string;
  readonly level: string;
  readonly parent: string | null;
}

export interface Responsibility {
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  readonly category: ResponsibilityCategory;
  /** The lowest level the guide tags it with ("Senior+" means senior). */
  readonly level: string;
  readonly position: number;
}

export interface Resource {
  readonly slug: string;
  readonly title: string;
  readonly kind: ResourceKind;
  readonly url: string;
  readonly authors: readonly string[];
  readonly year: number | null;
  /** Always equal to isFreeAccess(access); kept because clients filter and sort on it. */
  readonly free: boolean;
  readonly access: ResourceAccess;
  /** Null where one level would mislead (a curriculum for every level, a whole manual). */
  readonly difficulty: ResourceDifficulty | null;
  readonly estimatedHours: number;
}

/**
 * How much a prerequisite matters: ESSENTIAL, the skill cannot be followed without it; HELPFUL,
 * background that deepens it (Metacademy's core and supplementary, ESCO's essential and optional).
 */
export const PREREQUISITE_STRENGTHS = ['ESSENTIAL', 'HELPFUL'] as const;
export type PrerequisiteStrength = (typeof PREREQUISITE_STRENGTHS)[number];

/**
 * Which prerequisites a traversal follows: the essential ones (what learning answers use unless
 * asked otherwise), or all of them (what the cycle and chain-length rules look at).
 */
export type EdgeScope = 'essential' | 'all';

export const inScope = (strength: PrerequisiteStrength, scope: EdgeScope): boolean =>
  scope === 'all' || strength === 'ESSENTIAL';

/** The scope a learner's question follows: essential prerequisites unless helpful ones are asked for. */
export const scopeOf = (includeHelpful: boolean | null | undefined): EdgeScope =>
  includeHelpful ? 'all' : 'essential';

/** `skill` REQUIRES `requires`: learn `requires` first. */
export interface PrerequisiteEdge {
  readonly skill: string;
  readonly requires: string;
  readonly reason: string;
  readonly strength: PrerequisiteStrength;
}

/** A skill seen from another across a REQUIRES edge, with the edge's reason and strength. */
export interface SkillLink {
  readonly skill: Skill;
  readonly reason: string;
  readonly strength: PrerequisiteStrength;
}

/** A skill with how many distinct skills require it, directly or transitively. */
export interface RankedSkill {
  readonly skill: Skill;
  readonly unlockCount: number;
}
