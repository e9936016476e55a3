import { ArgsType, Field, InputType, Int } from 'type-graphql';

import { MAX_HOURS_PER_WEEK, MAX_KNOWN, MAX_TARGETS } from '../../domain/model/limits';
import type { ResourceKind } from '../../domain/model/skill-graph.types';
import { ResourceKindEnum } from '../types/enums';

@InputType('LearningResourceFilter', { description: 'Which resources a learning path recommends.' })
export class LearningResourceFilterInput {
  @Field({ nullable: true, description: 'Only free (true) or only paid (false) resources.' })
  free?: boolean;

  @Field(() => [ResourceKindEnum], { nullable: true })
  kinds?: ResourceKind[];

  @Field(() => Int, { nullable: true, description: 'Only resources of at most this many hours.' })
  maxHours?: number;
}

@ArgsType()
export class LearningPathArgs {
  @Field(() => [String], { description: `Slugs of the skills to reach (1 to ${MAX_TARGETS}).` })
  targets!: string[];

  @Field(() => [String], {
    defaultValue: [],
    description: `Slugs already known (up to ${MAX_KNOWN}); each also counts its own prerequisites as known.`,
  })
  known!: string[];

  @Field(() => Int, {
    nullable: true,
    description: `Study hours per week (1 to ${MAX_HOURS_PER_WEEK}); adds weeks and a schedule.`,
  })
  hoursPerWeek?: number | null;

  @Field(() => LearningResourceFilterInput, { nullable: true })
  resourceFilter?: LearningResourceFilterInput | null;

  @Field({ defaultValue: false, description: 'Plan helpful prerequisites too, not only essential ones.' })
  includeHelpful!: boolean;
}
