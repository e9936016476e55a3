import { registerEnumType } from 'type-graphql';

import type {
  PrerequisiteStrength,
  ResourceAccess,
  ResourceDifficulty,
  ResourceKind,
  ResponsibilityCategory,
} from '../../domain/model/skill-graph.types';
import {
  PREREQUISITE_STRENGTHS,
  RESOURCE_ACCESS,
  RESOURCE_DIFFICULTIES,
  RESOURCE_KINDS,
  RESPONSIBILITY_CATEGORIES,
} from '../../domain/model/skill-graph.types';

// The domain keeps its enums as string unions; GraphQL needs enum objects. Built from the same
// lists so the two cannot drift apart.
export const ResourceKindEnum = Object.fromEntries(RESOURCE_KINDS.map((k) => [k, k])) as { [K in ResourceKind]: K };
export const ResourceAccessEnum = Object.fromEntries(RESOURCE_ACCESS.map((a) => [a, a])) as {
  [K in ResourceAccess]: K;
};
export const ResourceDifficultyEnum = Object.fromEntries(RESOURCE_DIFFICULTIES.map((d) => [d, d])) as {
  [K in ResourceDifficulty]: K;
};
export const ResponsibilityCategoryEnum = Object.fromEntries(RESPONSIBILITY_CATEGORIES.map((c) => [c, c])) as {
  [K in ResponsibilityCategory]: K;
};

export const PrerequisiteStrengthEnum = Object.fromEntries(PREREQUISITE_STRENGTHS.map((s) => [s, s])) as {
  [K in PrerequisiteStrength]: K;
};

registerEnumType(PrerequisiteStrengthEnum, {
  name: 'PrerequisiteStrength',
  description: 'How much a prerequisite matters.',
  valuesConfig: {
    ESSENTIAL: { description: 'The skill cannot be followed without it. Learning answers follow these.' },
    HELPFUL: { description: 'Background that deepens the skill; followed only with `includeHelpful: true`.' },
  },
});
registerEnumType(ResourceKindEnum, { name: 'ResourceKind', description: 'What form a learning resource takes.' });
registerEnumType(ResourceAccessEnum, {
  name: 'ResourceAccess',
  description: 'What using a resource asks of a learner.',
  valuesConfig: {
    FREE: { description: 'Open to anyone, without an account.' },
    FREE_WITH_REGISTRATION: { description: 'Costs nothing, but needs a free account (to enrol, download or submit).' },
    PAID: { description: 'Costs money to read or take in full.' },
  },
});
registerEnumType(ResourceDifficultyEnum, {
  name: 'ResourceDifficulty',
  description: 'How much a resource expects its reader to know already.',
  valuesConfig: {
    INTRODUCTORY: { description: 'Written for a newcomer to the topic.' },
    INTERMEDIATE: { description: 'Assumes the basics of the topic.' },
    ADVANCED: { description: 'A specification, paper or in-depth reference for someone fluent in the topic.' },
  },
});
registerEnumType(ResponsibilityCategoryEnum, {
  name: 'ResponsibilityCategory',
  description: 'The three kinds of responsibility the guide describes.',
});
