import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';

import type { Area } from '../../domain/model/skill-graph.types';
import { slugOf } from '../../domain/model/slug';
import type { Context } from '../request-context';
import { globalId } from '../global-id';
import { AreaType } from '../types/area.type';
import { SkillType } from '../types/skill.type';

@Resolver(() => AreaType)
export class AreaResolver {
  @Query(() => [AreaType], {
    description: 'The five areas, in the guide’s order.',
  })
  areas(@Ctx() { skillGraph }: Context) {
    return skillGraph.listAreas();
  }

  @Query(() => AreaType, { nullable: true, description: 'An area by slug, or null when there is none.' })
  area(@Arg('slug', () => String) slug: string, @Ctx() { loaders }: Context) {
    return loaders.area.load(slugOf(slug));
  }

  @FieldResolver(() => ID)
  id(@Root() area: Area) {
    return globalId('Area', area.slug);
  }

  @FieldResolver(() => [SkillType])
  skills(@Root() area: Area, @Ctx() { loaders }: Context) {
    return loaders.skillsOfArea.load(area.slug);
  }

  @FieldResolver(() => Int)
  skillCount(@Root() area: Area, @Ctx() { loaders }: Context) {
    return loaders.skillCountOfArea.load(area.slug);
  }
}
