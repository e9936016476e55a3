import { Field, ID, Int, ObjectType } from 'type-graphql';

import { SkillType } from './skill.type';

@ObjectType('Area', {
  simpleResolvers: true,
  description: 'One of the five areas of backend engineering.',
})
export class AreaType {
  @Field(() => ID, { description: 'Globally unique id: "Area:<slug>".' })
  id!: string;

  @Field({ description: 'Stable, URL-safe identifier, for example "system-design".' })
  slug!: string;

  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field(() => [SkillType], { description: 'Every skill in the area, by slug.' })
  skills!: SkillType[];

  @Field(() => Int)
  skillCount!: number;
}
