import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

import type { ProblemStatus } from '../../domain/model/editing.types';
import { SkillType } from './skill.type';
import { connectionType } from './connection.type';

export const ProblemStatusEnum: { [K in ProblemStatus]: K } = { OPEN: 'OPEN', RESOLVED: 'RESOLVED' };
registerEnumType(ProblemStatusEnum, { name: 'ProblemStatus' });

@ObjectType('Change', {
  simpleResolvers: true,
  description: 'One accepted change to the graph. Editors only.',
})
export class ChangeType {
  @Field(() => ID, { description: 'Globally unique id: "Change:<sequence>".' })
  id!: string;

  @Field(() => Int, { description: 'Position in the graph-wide sequence of writes.' })
  sequence!: number;

  @Field({ description: 'When it was accepted, ISO 8601 in UTC.' })
  at!: string;

  @Field({ description: 'The editor’s name from EDITOR_TOKENS.' })
  editor!: string;

  @Field({ description: 'The mutation, for example "addPrerequisite".' })
  operation!: string;

  @Field({ description: 'What it changed: a slug, "a -> b" for a prerequisite, "a <-> b" for related topics.' })
  subject!: string;

  @Field({ description: 'The accepted input, as JSON.' })
  details!: string;
}

@ObjectType('Problem', {
  simpleResolvers: true,
  description: 'A report that something about a skill is wrong or missing.',
})
export class ProblemType {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Slug of the skill reported about; kept if the skill is deleted.' })
  skillSlug!: string;

  @Field(() => SkillType, { nullable: true, description: 'Null once the skill has been deleted.' })
  skill?: SkillType | null;

  @Field()
  message!: string;

  @Field(() => ProblemStatusEnum)
  status!: ProblemStatus;

  @Field({ description: 'ISO 8601 in UTC.' })
  reportedAt!: string;

  @Field(() => String, { nullable: true })
  resolvedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'The editor who resolved it.' })
  resolvedBy!: string | null;

  @Field(() => String, { nullable: true })
  resolution!: string | null;
}

@ObjectType('DeletedSkill', { simpleResolvers: true })
export class DeletedSkillType {
  @Field()
  slug!: string;

  @Field(() => [String], { description: 'Skills that required it and lost that prerequisite (with force).' })
  requiredBy!: string[];

  @Field(() => [String], { description: 'Sub-topics that lost their parent (with force).' })
  children!: string[];
}

@ObjectType('DeletedResource', { simpleResolvers: true })
export class DeletedResourceType {
  @Field()
  slug!: string;
}

export const ChangeConnectionType = connectionType('Change', ChangeType, 'newest first');

export const ProblemConnectionType = connectionType('Problem', ProblemType, 'newest first');
