import { Field, InputType, Int } from 'type-graphql';

import type { ResourceAccess, ResourceDifficulty, ResourceKind } from '../../domain/model/skill-graph.types';
import { ResourceAccessEnum, ResourceDifficultyEnum, ResourceKindEnum } from '../types/enums';

@InputType('CreateSkillInput')
export class CreateSkillInput {
  @Field({ description: 'Kebab-case, unique, at most 80 characters.' })
  slug!: string;

  @Field()
  name!: string;

  @Field(() => [String], {
    nullable: true,
    description:
      "Synonyms and abbreviations people type, at most 12, each 1 to 60 characters, distinct ignoring case and not the skill's name. Default: none.",
  })
  aliases?: string[] | null;

  @Field({ description: 'A paragraph for learners, 80 to 2000 characters.' })
  description!: string;

  @Field(() => Int, { description: '1 to 1000.' })
  estimatedHours!: number;

  @Field({ description: 'Area slug.' })
  area!: string;

  @Field({ description: 'Level slug: the lowest level expected to know it.' })
  level!: string;

  @Field(() => String, { nullable: true, description: 'Slug of the broader skill this is a sub-topic of.' })
  parent?: string | null;
}

@InputType('UpdateSkillInput', {
  description:
    'Fields left out keep their value; `parent: null` removes the parent, `aliases: []` (or null) the aliases. No other field may be null.',
})
export class UpdateSkillInput {
  @Field({ nullable: true })
  name?: string;

  @Field(() => [String], { nullable: true, description: 'Replaces the aliases.' })
  aliases?: string[] | null;

  @Field({ nullable: true })
  description?: string;

  @Field(() => Int, { nullable: true })
  estimatedHours?: number;

  @Field({ nullable: true })
  area?: string;

  @Field({ nullable: true })
  level?: string;

  @Field(() => String, { nullable: true })
  parent?: string | null;
}

@InputType('CreateResourceInput')
export class CreateResourceInput {
  @Field()
  slug!: string;

  @Field()
  title!: string;

  @Field(() => ResourceKindEnum)
  kind!: ResourceKind;

  @Field({ description: 'Canonical https address.' })
  url!: string;

  @Field(() => [String], { nullable: true, description: 'Required for books.' })
  authors?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Required for books: the year of the linked edition.' })
  year?: number | null;

  @Field({ nullable: true, description: 'Give this or `access` (or both, agreeing): `free` alone means FREE or PAID.' })
  free?: boolean;

  @Field(() => ResourceAccessEnum, { nullable: true, description: 'Implies `free` (true unless PAID).' })
  access?: ResourceAccess;

  @Field(() => ResourceDifficultyEnum, { nullable: true })
  difficulty?: ResourceDifficulty | null;

  @Field(() => Int)
  estimatedHours!: number;

  @Field(() => [String], { description: 'Slugs of the skills it teaches; at least one.' })
  skills!: string[];
}

@InputType('UpdateResourceInput', {
  description:
    'Fields left out keep their value; `authors: null`, `year: null` and `difficulty: null` clear them; `skills` replaces the links. No other field may be null.',
})
export class UpdateResourceInput {
  @Field({ nullable: true })
  title?: string;

  @Field(() => ResourceKindEnum, { nullable: true })
  kind?: ResourceKind;

  @Field({ nullable: true })
  url?: string;

  @Field(() => [String], { nullable: true })
  authors?: string[] | null;

  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field({
    nullable: true,
    description: 'Alone, a changed value sets `access` to FREE or PAID; an unchanged one keeps it.',
  })
  free?: boolean;

  @Field(() => ResourceAccessEnum, { nullable: true, description: 'Sets `free` too (true unless PAID).' })
  access?: ResourceAccess;

  @Field(() => ResourceDifficultyEnum, { nullable: true, description: '`null` clears it.' })
  difficulty?: ResourceDifficulty | null;

  @Field(() => Int, { nullable: true })
  estimatedHours?: number;

  @Field(() => [String], { nullable: true })
  skills?: string[];
}
