import { Field, Float, ObjectType, createUnionType } from 'type-graphql';

import { AreaType } from './area.type';
import { ResourceType } from './resource.type';
import { SkillType } from './skill.type';

/** Marks a search result with its kind, which plain entities do not carry. */
export const SEARCH_KIND = Symbol('searchKind');

export const SearchResultUnion = createUnionType({
  name: 'SearchResult',
  description: 'Anything search can find.',
  types: () => [SkillType, ResourceType, AreaType] as const,
  resolveType: (value) => searchKindOf(value),
});

/** The GraphQL type name of a search hit's node, tagged by the search resolver. */
export function searchKindOf(value: unknown): 'Skill' | 'Resource' | 'Area' {
  return (value as Record<symbol, 'Skill' | 'Resource' | 'Area'>)[SEARCH_KIND];
}

@ObjectType('SearchHit', { simpleResolvers: true })
export class SearchHitType {
  @Field(() => Float, { description: 'Relevance; compare only within one answer.' })
  score!: number;

  @Field(() => SearchResultUnion)
  node!: typeof SearchResultUnion;
}
