import { registerEnumType } from 'type-graphql';

import type { ResourceKind, ResponsibilityCategory } from '../../domain/skill-graph.types';
import { RESOURCE_KINDS, RESPONSIBILITY_CATEGORIES } from '../../domain/skill-graph.types';

// The domain keeps its enums as string unions; GraphQL needs enum objects. Built from the same
// lists so the two cannot drift apart.
export const ResourceKindEnum = Object.fromEntries(RESOURCE_KINDS.map((k) => [k, k])) as { [K in ResourceKind]: K };
export const ResponsibilityCategoryEnum = Object.fromEntries(RESPONSIBILITY_CATEGORIES.map((c) => [c, c])) as {
  [K in ResponsibilityCategory]: K;
};

registerEnumType(ResourceKindEnum, { name: 'ResourceKind', description: 'What form a learning resource takes.' });
registerEnumType(ResponsibilityCategoryEnum, {
  name: 'ResponsibilityCategory',
  description: 'The three kinds of responsibility the guide describes.',
});
