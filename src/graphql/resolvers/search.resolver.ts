import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';

import type { SearchHit } from '../../domain/ports/graph-store.port';
import { MAX_SEARCH_RESULTS } from '../../domain/model/limits';
import type { Context } from '../request-context';
import { SEARCH_KIND, SearchHitType, SearchResultUnion } from '../types/search-hit.type';

@Resolver(() => SearchHitType)
export class SearchResolver {
  @Query(() => [SearchHitType], {
    nullable: true,
    description: 'Skills, resources and areas matching the text, best first; tolerant of case and small typos.',
  })
  search(
    @Arg('text', () => String) text: string,
    @Arg('first', () => Int, { defaultValue: 10, description: `1 to ${MAX_SEARCH_RESULTS}.` }) first: number,
    @Ctx() { skillGraph }: Context,
  ) {
    return skillGraph.search(text, first);
  }

  @FieldResolver(() => SearchResultUnion)
  node(@Root() hit: SearchHit) {
    return { ...hit.node, [SEARCH_KIND]: hit.kind };
  }
}
