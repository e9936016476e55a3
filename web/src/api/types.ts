// The shapes of the answers to operations.ts, as the explorer reads them.

export type Strength = 'ESSENTIAL' | 'HELPFUL';
export interface SkillRef {
  slug: string;
  name: string;
}
export interface ResourceView {
  slug: string;
  title: string;
  kind: string;
  free: boolean;
  estimatedHours: number;
  url: string;
  authors?: string[];
  year?: number | null;
}

export type SearchNode =
  | {
      __typename: 'Skill';
      slug: string;
      name: string;
      estimatedHours: number;
      area: { name: string };
      level: { name: string };
    }
  | { __typename: 'Area'; slug: string; name: string; skillCount: number }
  | { __typename: 'Resource'; slug: string; title: string; url: string; kind: string; free: boolean };
export interface SearchData {
  search: { score: number; node: SearchNode }[] | null;
}

export interface LevelRef {
  slug: string;
  name: string;
}
export interface HomeData {
  areas: { slug: string; name: string; description: string; skillCount: number }[];
  levels: LevelRef[];
  dataset: {
    version: string | null;
    date: string | null;
    counts: { skills: number; resources: number; essentialPrerequisites: number; helpfulPrerequisites: number };
  } | null;
}

export interface AreaData {
  area: {
    slug: string;
    name: string;
    description: string;
    skills: {
      slug: string;
      name: string;
      estimatedHours: number;
      level: { slug: string; name: string; rank: number };
      parent: { slug: string } | null;
    }[];
  } | null;
  levels: LevelRef[];
}

export interface ChainEdge {
  from: { slug: string };
  to: { slug: string };
  reason: string;
  strength: Strength;
}
export interface SkillData {
  skill: {
    slug: string;
    name: string;
    description: string;
    estimatedHours: number;
    area: SkillRef;
    level: LevelRef;
    parent: SkillRef | null;
    children: SkillRef[];
    prerequisites: { strength: Strength; reason: string; skill: SkillRef }[];
    related: SkillRef[];
    responsibilities: SkillRef[];
    resources: ResourceView[];
  } | null;
  unlocks: { distance: number; unlockCount: number; skill: SkillRef }[] | null;
  prerequisiteChain: {
    steps: { depth: number; skill: SkillRef & { estimatedHours: number } }[];
    edges: ChainEdge[];
    order: SkillRef[];
  } | null;
}

export interface SkillNamesData {
  skills: {
    edges: { node: SkillRef }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  } | null;
}

export interface LearningStepView {
  position: number;
  hours: number;
  isTarget: boolean;
  skill: SkillRef;
  neededFor: { reason: string; strength: Strength; skill: SkillRef }[];
  resources: ResourceView[];
}
export interface LearningPlanData {
  learningPath: {
    totalHours: number;
    weeks: number | null;
    hoursPerWeek: number | null;
    targets: SkillRef[];
    steps: LearningStepView[];
    schedule: { week: number; hours: number; sessions: { hours: number; skill: SkillRef }[] }[] | null;
  } | null;
}

export interface GapAnalysisData {
  gapAnalysis: {
    level: LevelRef;
    missingSkills: SkillRef[];
    responsibilities: {
      covered: boolean;
      responsibility: { slug: string; name: string; category: string; level: { name: string } };
      missingSkills: SkillRef[];
    }[];
    learningPath: { totalHours: number; steps: { position: number; hours: number; skill: SkillRef }[] };
  } | null;
  levels: LevelRef[];
}

export interface ReadyToLearnData {
  readyToLearn:
    | {
        unlockCount: number;
        skill: SkillRef & { estimatedHours: number; level: { name: string }; area: { name: string } };
      }[]
    | null;
}
