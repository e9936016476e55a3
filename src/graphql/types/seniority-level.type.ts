import { Field, ID, Int, ObjectType } from 'type-graphql';

import { ResponsibilityType } from './responsibility.type';
import { SkillType } from './skill.type';

@ObjectType('SeniorityLevel', {
  simpleResolvers: true,
  description: 'Junior, senior or principal.',
})
export class SeniorityLevelType {
  @Field(() => ID, { description: 'Globally unique id: "SeniorityLevel:<slug>".' })
  id!: string;

  @Field()
  slug!: string;

  @Field()
  name!: string;

  @Field(() => Int, { description: '1 for junior, 2 for senior, 3 for principal.' })
  rank!: number;

  @Field()
  description!: string;

  @Field(() => [ResponsibilityType], { description: 'Responsibilities tagged with this level, in guide order.' })
  responsibilities!: ResponsibilityType[];

  @Field(() => [SkillType], { description: 'Skills expected from this level on, by slug.' })
  skills!: SkillType[];
}
