import { Field, ID, ObjectType } from 'type-graphql';

import { ResponsibilityCategoryEnum } from './enums';
import { SeniorityLevelType } from './seniority-level.type';
import { SkillType } from './skill.type';

@ObjectType('Responsibility', {
  simpleResolvers: true,
  description: 'Something a backend engineer is expected to do.',
})
export class ResponsibilityType {
  @Field(() => ID, { description: 'Globally unique id: "Responsibility:<slug>".' })
  id!: string;

  @Field()
  slug!: string;

  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field(() => ResponsibilityCategoryEnum)
  category!: keyof typeof ResponsibilityCategoryEnum;

  @Field(() => SeniorityLevelType, { description: 'The level the guide tags it with: "Senior+" means senior.' })
  level!: SeniorityLevelType;

  @Field(() => [SkillType], { description: 'Skills it needs, by slug.' })
  skills!: SkillType[];
}
