import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';

import type { Responsibility } from '../../domain/model/skill-graph.types';
import type { Context } from '../request-context';
import { globalId } from '../global-id';
import { ResponsibilityFilterInput } from '../inputs/responsibility-filter.input';
import { ResponsibilityType } from '../types/responsibility.type';
import { SeniorityLevelType } from '../types/seniority-level.type';
import { SkillType } from '../types/skill.type';

@Resolver(() => ResponsibilityType)
export class ResponsibilityResolver {
  @Query(() => [ResponsibilityType], {
    description: 'Responsibilities in the guide’s order.',
  })
  responsibilities(
    @Arg('filter', () => ResponsibilityFilterInput, { nullable: true }) filter: ResponsibilityFilterInput | undefined,
    @Ctx() { skillGraph }: Context,
  ) {
    return skillGraph.listResponsibilities(filter ?? {});
  }

  @FieldResolver(() => ID)
  id(@Root() responsibility: Responsibility) {
    return globalId('Responsibility', responsibility.slug);
  }

  @FieldResolver(() => SeniorityLevelType)
  level(@Root() responsibility: Responsibility, @Ctx() { loaders }: Context) {
    return loaders.level.load(responsibility.level);
  }

  @FieldResolver(() => [SkillType])
  skills(@Root() responsibility: Responsibility, @Ctx() { loaders }: Context) {
    return loaders.skillsOfResponsibility.load(responsibility.slug);
  }
}
