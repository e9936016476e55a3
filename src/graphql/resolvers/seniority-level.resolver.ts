import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';

import type { SeniorityLevel } from '../../domain/model/skill-graph.types';
import { slugOf } from '../../domain/model/slug';
import type { Context } from '../request-context';
import { globalId } from '../global-id';
import { ResponsibilityType } from '../types/responsibility.type';
import { SeniorityLevelType } from '../types/seniority-level.type';
import { SkillType } from '../types/skill.type';

const INCLUDE_LOWER_LEVELS = {
  defaultValue: false,
  description: 'Also those of lower levels: everything expected at this level, not only what it adds.',
};

@Resolver(() => SeniorityLevelType)
export class SeniorityLevelResolver {
  @Query(() => [SeniorityLevelType], {
    description: 'Junior, senior and principal, by rank.',
  })
  levels(@Ctx() { skillGraph }: Context) {
    return skillGraph.listLevels();
  }

  @Query(() => SeniorityLevelType, { nullable: true, description: 'A level by slug, or null when there is none.' })
  level(@Arg('slug', () => String) slug: string, @Ctx() { loaders }: Context) {
    return loaders.level.load(slugOf(slug));
  }

  @FieldResolver(() => ID)
  id(@Root() level: SeniorityLevel) {
    return globalId('SeniorityLevel', level.slug);
  }

  @FieldResolver(() => [ResponsibilityType])
  responsibilities(
    @Root() level: SeniorityLevel,
    @Arg('includeLowerLevels', () => Boolean, INCLUDE_LOWER_LEVELS) includeLowerLevels: boolean,
    @Ctx() { loaders }: Context,
  ) {
    const loader = includeLowerLevels ? loaders.responsibilitiesUpToLevel : loaders.responsibilitiesOfLevel;
    return loader.load(level.slug);
  }

  @FieldResolver(() => [SkillType])
  skills(
    @Root() level: SeniorityLevel,
    @Arg('includeLowerLevels', () => Boolean, INCLUDE_LOWER_LEVELS) includeLowerLevels: boolean,
    @Ctx() { loaders }: Context,
  ) {
    const loader = includeLowerLevels ? loaders.skillsUpToLevel : loaders.skillsOfLevel;
    return loader.load(level.slug);
  }
}
