import { Field, ID, Int, ObjectType } from 'type-graphql';

import { ResourceAccessEnum, ResourceDifficultyEnum, ResourceKindEnum } from './enums';
import { SkillType } from './skill.type';
import { connectionType } from './connection.type';

@ObjectType('Resource', {
  simpleResolvers: true,
  description: 'A real book, course, guide, article, paper or documentation set.',
})
export class ResourceType {
  @Field(() => ID, { description: 'Globally unique id: "Resource:<slug>".' })
  id!: string;

  @Field()
  slug!: string;

  @Field()
  title!: string;

  @Field(() => ResourceKindEnum)
  kind!: keyof typeof ResourceKindEnum;

  @Field({ description: 'Canonical https address.' })
  url!: string;

  @Field(() => [String], { description: 'Empty when the resource is published by an organisation.' })
  authors!: string[];

  @Field(() => Int, { nullable: true, description: 'Publication year of the linked edition.' })
  year?: number | null;

  @Field({ description: 'True when the whole resource can be used at no cost: exactly when `access` is not PAID.' })
  free!: boolean;

  @Field(() => ResourceAccessEnum, { description: 'Free, free with a (free) account, or paid.' })
  access!: keyof typeof ResourceAccessEnum;

  @Field(() => ResourceDifficultyEnum, {
    nullable: true,
    description: 'Null for a resource that serves every level (a whole curriculum or manual).',
  })
  difficulty?: keyof typeof ResourceDifficultyEnum | null;

  @Field(() => Int)
  estimatedHours!: number;

  @Field(() => [SkillType], { description: 'Skills it teaches, by slug.' })
  skills!: SkillType[];
}

export const ResourceConnectionType = connectionType('Resource', ResourceType);
