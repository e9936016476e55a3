import { Field, Int, ObjectType } from 'type-graphql';

import { SkillType } from './skill.type';

@ObjectType('RankedSkill', {
  simpleResolvers: true,
  description: 'A skill and how many skills it unlocks.',
})
export class RankedSkillType {
  @Field(() => SkillType)
  skill!: SkillType;

  @Field(() => Int, { description: 'How many distinct skills require it, directly or not.' })
  unlockCount!: number;
}

@ObjectType('UnlockedSkill', {
  simpleResolvers: true,
  description: 'A skill that transitively requires the one asked about.',
})
export class UnlockedSkillType extends RankedSkillType {
  @Field(() => Int, { description: 'Fewest REQUIRES hops from the skill asked about.' })
  distance!: number;
}
