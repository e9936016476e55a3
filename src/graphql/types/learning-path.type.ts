import { Field, Int, ObjectType } from 'type-graphql';

import type { PrerequisiteStrength } from '../../domain/model/skill-graph.types';
import { PrerequisiteStrengthEnum } from './enums';
import { ResourceType } from './resource.type';
import { SkillType } from './skill.type';

@ObjectType('NeededFor', {
  simpleResolvers: true,
  description: 'A target or later step that requires this step, and why.',
})
export class NeededForType {
  @Field(() => SkillType)
  skill!: SkillType;

  @Field()
  reason!: string;

  @Field(() => PrerequisiteStrengthEnum)
  strength!: PrerequisiteStrength;
}

@ObjectType('LearningStep', {
  simpleResolvers: true,
  description: 'One skill to learn, in plan order.',
})
export class LearningStepType {
  @Field(() => Int, { description: '1 for the first skill to learn.' })
  position!: number;

  @Field(() => SkillType)
  skill!: SkillType;

  @Field(() => Int, { description: 'The skill’s estimated study hours.' })
  hours!: number;

  @Field({ description: 'True for a skill asked for in `targets`.' })
  isTarget!: boolean;

  @Field(() => [NeededForType], { description: 'Targets and later steps that require this one.' })
  neededFor!: NeededForType[];

  @Field(() => [ResourceType], {
    description: 'Resources for this skill that pass the filter: free first, then shorter, then by slug.',
  })
  resources!: ResourceType[];
}

@ObjectType('StudySession', {
  simpleResolvers: true,
  description: 'Hours spent on one skill in one week.',
})
export class StudySessionType {
  @Field(() => SkillType)
  skill!: SkillType;

  @Field(() => Int)
  hours!: number;
}

@ObjectType('StudyWeek', {
  simpleResolvers: true,
  description: 'One week of the schedule; a long step continues into the next week.',
})
export class StudyWeekType {
  @Field(() => Int, { description: '1 for the first week.' })
  week!: number;

  @Field(() => Int)
  hours!: number;

  @Field(() => [StudySessionType])
  sessions!: StudySessionType[];
}

@ObjectType('LearningPath', {
  simpleResolvers: true,
  description: 'An ordered plan to reach the targets, skipping what is known.',
})
export class LearningPathType {
  @Field(() => [SkillType])
  targets!: SkillType[];

  @Field(() => [LearningStepType], {
    description: 'Every skill still to learn, each after all its prerequisites; ties by slug.',
  })
  steps!: LearningStepType[];

  @Field(() => Int)
  totalHours!: number;

  @Field(() => Int, { nullable: true })
  hoursPerWeek!: number | null;

  @Field(() => Int, { nullable: true, description: 'Weeks at `hoursPerWeek`; null without it.' })
  weeks!: number | null;

  @Field(() => [StudyWeekType], { nullable: true, description: 'Week-by-week plan; null without `hoursPerWeek`.' })
  schedule!: StudyWeekType[] | null;
}
