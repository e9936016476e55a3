import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';

import type { Skill } from '../../domain/model/skill-graph.types';
import { slugOf } from '../../domain/model/slug';
import type { Context } from '../request-context';
import { globalId } from '../global-id';
import { SkillsArgs } from '../inputs/skills.args';
import { AreaType } from '../types/area.type';
import { ResourceType } from '../types/resource.type';
import { ResponsibilityType } from '../types/responsibility.type';
import { SeniorityLevelType } from '../types/seniority-level.type';
import { PrerequisiteType, SkillConnectionType, SkillType } from '../types/skill.type';

@Resolver(() => SkillType)
export class SkillResolver {
  @Query(() => SkillType, { nullable: true, description: 'A skill by slug, or null when there is none.' })
  skill(@Arg('slug', () => String) slug: string, @Ctx() { loaders }: Context) {
    return loaders.skill.load(slugOf(slug));
  }

  @Query(() => SkillConnectionType, {
    nullable: true,
    description: 'Skills in slug order, filtered and paginated.',
  })
  skills(@Args(() => SkillsArgs) { filter, first, after }: SkillsArgs, @Ctx() { skillGraph }: Context) {
    return skillGraph.listSkills(filter ?? {}, { first, after });
  }

  @FieldResolver(() => ID)
  id(@Root() skill: Skill) {
    return globalId('Skill', skill.slug);
  }

  @FieldResolver(() => AreaType)
  area(@Root() skill: Skill, @Ctx() { loaders }: Context) {
    return loaders.area.load(skill.area);
  }

  @FieldResolver(() => SeniorityLevelType)
  level(@Root() skill: Skill, @Ctx() { loaders }: Context) {
    return loaders.level.load(skill.level);
  }

  @FieldResolver(() => SkillType, { nullable: true })
  parent(@Root() skill: Skill, @Ctx() { loaders }: Context) {
    return skill.parent === null ? null : loaders.skill.load(skill.parent);
  }

  @FieldResolver(() => [SkillType])
  children(@Root() skill: Skill, @Ctx() { loaders }: Context) {
    return loaders.childrenOfSkill.load(skill.slug);
  }

  @FieldResolver(() => [PrerequisiteType])
  prerequisites(@Root() skill: Skill, @Ctx() { loaders }: Context) {
    return loaders.prerequisitesOfSkill.load(skill.slug);
  }

  @FieldResolver(() => [SkillType])
  async dependents(@Root() skill: Skill, @Ctx() { loaders }: Context) {
    return (await loaders.dependentsOfSkill.load(skill.slug)).map((link) => link.skill);
  }

  @FieldResolver(() => [SkillType])
  related(@Root() skill: Skill, @Ctx() { loaders }: Context) {
    return loaders.relatedOfSkill.load(skill.slug);
  }

  @FieldResolver(() => [ResourceType])
  resources(@Root() skill: Skill, @Ctx() { loaders }: Context) {
    return loaders.resourcesOfSkill.load(skill.slug);
  }

  @FieldResolver(() => [ResponsibilityType])
  responsibilities(@Root() skill: Skill, @Ctx() { loaders }: Context) {
    return loaders.responsibilitiesOfSkill.load(skill.slug);
  }
}
