import { Field, Int, ObjectType } from 'type-graphql';

import type { PrerequisiteStrength } from '../../domain/model/skill-graph.types';
import { PrerequisiteStrengthEnum } from './enums';
import { SkillType } from './skill.type';

@ObjectType('ChainStep', {
  simpleResolvers: true,
  description: 'A transitive prerequisite and its distance from the chain’s skill.',
})
export class ChainStepType {
  @Field(() => SkillType)
  skill!: SkillType;

  @Field(() => Int, { description: 'Fewest REQUIRES hops from the chain’s skill (1 = direct prerequisite).' })
  depth!: number;
}

@ObjectType('PrerequisiteEdge', {
  simpleResolvers: true,
  description: '`from` requires `to`: learn `to` first.',
})
export class PrerequisiteEdgeType {
  @Field(() => SkillType)
  from!: SkillType;

  @Field(() => SkillType)
  to!: SkillType;

  @Field()
  reason!: string;

  @Field(() => PrerequisiteStrengthEnum)
  strength!: PrerequisiteStrength;
}

@ObjectType('PrerequisiteChain', {
  simpleResolvers: true,
  description: 'Everything to learn before a skill, and in which order.',
})
export class PrerequisiteChainType {
  @Field(() => SkillType)
  skill!: SkillType;

  @Field(() => [ChainStepType], { description: 'Every transitive prerequisite once, by depth then slug.' })
  steps!: ChainStepType[];

  @Field(() => [PrerequisiteEdgeType], { description: 'The REQUIRES edges among the chain’s skills.' })
  edges!: PrerequisiteEdgeType[];

  @Field(() => [SkillType], {
    description:
      'A learning order: foundations first, the skill last, each skill after all its prerequisites; ' +
      'among skills ready at the same time, the smallest slug first.',
  })
  order!: SkillType[];
}
