import { registerEnumType } from 'type-graphql';

import type { PrerequisiteStrength, ResourceKind, ResponsibilityCategory } from '../../domain/model/skill-graph.types';
import {
  PREREQUISITE_STRENGTHS,
  RESOURCE_KINDS,
  RESPONSIBILITY_CATEGORIES,
} from '../../domain/model/skill-graph.types';

// The domain keeps its enums as string unions; GraphQL needs enum objects. Built from the same
// lists so the two cannot drift apart.
export const ResourceKindEnum = Object.fromEntries(RESOURCE_KINDS.map((k) => [k, k])) as { [K in ResourceKind]: K };
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
registerEnumType(ResponsibilityCategoryEnum, {
  name: 'ResponsibilityCategory',
  description: 'The three kinds of responsibility the guide describes.',
});
