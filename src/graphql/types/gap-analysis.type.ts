import { Field, ObjectType } from 'type-graphql';

import { LearningPathType } from './learning-path.type';
import { ResponsibilityType } from './responsibility.type';
import { SeniorityLevelType } from './seniority-level.type';
import { SkillType } from './skill.type';

@ObjectType('ResponsibilityGap', { simpleResolvers: true })
export class ResponsibilityGapType {
  @Field(() => ResponsibilityType)
  responsibility!: ResponsibilityType;

  @Field(() => [SkillType], { description: 'Skills it needs that are not known yet, by slug.' })
  missingSkills!: SkillType[];

  @Field({ description: 'True when nothing is missing.' })
  covered!: boolean;
}

@ObjectType('GapAnalysis', {
  simpleResolvers: true,
  description: 'What someone lacks for a level, and one plan that closes the gap.',
})
export class GapAnalysisType {
  @Field(() => SeniorityLevelType)
  level!: SeniorityLevelType;

  @Field(() => [ResponsibilityGapType], { description: 'The responsibilities of the level and below, in guide order.' })
  responsibilities!: ResponsibilityGapType[];

  @Field(() => [SkillType], { description: 'Every missing skill, once, by slug.' })
  missingSkills!: SkillType[];

  @Field(() => LearningPathType, { description: 'One learning path to all missing skills.' })
  learningPath!: LearningPathType;
}
