import { Field, InputType } from 'type-graphql';

import type { ResponsibilityCategory } from '../../domain/model/skill-graph.types';
import { ResponsibilityCategoryEnum } from '../types/enums';

@InputType('ResponsibilityFilter')
export class ResponsibilityFilterInput {
  @Field(() => ResponsibilityCategoryEnum, { nullable: true })
  category?: ResponsibilityCategory;

  @Field({ nullable: true, description: 'Level slug: responsibilities tagged with exactly this level.' })
  level?: string;

  @Field({
    nullable: true,
    defaultValue: false,
    description: 'With `level`: also those of lower levels, i.e. everything expected at that level.',
  })
  includeLowerLevels?: boolean;
}
