import { Field, ID, Int, ObjectType } from 'type-graphql';

import type { PrerequisiteStrength } from '../../domain/model/skill-graph.types';
import { PrerequisiteStrengthEnum } from './enums';
import { AreaType } from './area.type';
import { ResourceType } from './resource.type';
import { ResponsibilityType } from './responsibility.type';
import { SeniorityLevelType } from './seniority-level.type';
import { connectionType } from './connection.type';

// Plain fields use graphql-js's default resolver: TypeGraphQL would otherwise wrap every one
// to run middlewares, and this schema has none on plain fields (measured in BENCHMARKS.md).
@ObjectType('Skill', {
  simpleResolvers: true,
  description: 'A topic or knowledge point a backend engineer learns.',
})
export class SkillType {
  @Field(() => ID, { description: 'Globally unique id: "Skill:<slug>".' })
  id!: string;

  @Field({ description: 'Stable, URL-safe identifier, for example "distributed-transactions".' })
  slug!: string;

  @Field()
  name!: string;

  @Field(() => [String], {
    description:
      'Other names people type for it: synonyms and abbreviations ("K8s", "SSO"), which `search` matches as strongly as the name. Two skills may share one.',
  })
  aliases!: string[];

  @Field({ description: 'One paragraph for a learner: what it is, why it matters, where to start.' })
  description!: string;

  @Field(() => Int, { description: 'Rough hours of study to get working knowledge.' })
  estimatedHours!: number;

  @Field(() => AreaType)
  area!: AreaType;

  @Field(() => SeniorityLevelType, { description: 'The lowest seniority level expected to know it.' })
  level!: SeniorityLevelType;

  @Field(() => SkillType, { nullable: true, description: 'The broader skill this is a sub-topic of.' })
  parent?: SkillType | null;

  @Field(() => [SkillType], { description: 'Sub-topics, by slug.' })
  children!: SkillType[];

  @Field(() => [PrerequisiteType], { description: 'What to learn first, each with the reason.' })
  prerequisites!: PrerequisiteType[];

  @Field(() => [SkillType], { description: 'Skills that directly require this one.' })
  dependents!: SkillType[];

  @Field(() => [SkillType], { description: 'Topics that belong together with this one (no order implied).' })
  related!: SkillType[];

  @Field(() => [ResourceType], { description: 'Books, courses and articles that teach it.' })
  resources!: ResourceType[];

  @Field(() => [ResponsibilityType], { description: 'Responsibilities that need this skill.' })
  responsibilities!: ResponsibilityType[];
}

@ObjectType('Prerequisite', {
  simpleResolvers: true,
  description: 'A skill to learn first, and why.',
})
export class PrerequisiteType {
  @Field(() => SkillType)
  skill!: SkillType;

  @Field({ description: 'One line a learner can read, for example why transactions come before sagas.' })
  reason!: string;

  @Field(() => PrerequisiteStrengthEnum)
  strength!: PrerequisiteStrength;
}

export const SkillConnectionType = connectionType('Skill', SkillType);
