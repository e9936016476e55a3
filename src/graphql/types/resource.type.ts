import { Field, ID, Int, ObjectType } from 'type-graphql';

import { ResourceKindEnum } from './enums';
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

  @Field({ description: 'True when the whole resource can be used at no cost.' })
  free!: boolean;

  @Field(() => Int)
  estimatedHours!: number;

  @Field(() => [SkillType], { description: 'Skills it teaches, by slug.' })
  skills!: SkillType[];
}

export const ResourceConnectionType = connectionType('Resource', ResourceType);
