import { Args, Ctx, Query, Resolver } from 'type-graphql';

import type { Context } from '../request-context';
import { LearningPathArgs } from '../inputs/learning.args';
import { LearningPathType } from '../types/learning-path.type';

@Resolver(() => LearningPathType)
export class LearningPathResolver {
  @Query(() => LearningPathType, {
    nullable: true,
    description:
      'Every skill needed for the targets that is not known, in a learning order, with hours, reasons and resources. ' +
      'NOT_FOUND names unknown slugs; BAD_USER_INPUT for an empty `targets`.',
  })
  learningPath(@Args(() => LearningPathArgs) args: LearningPathArgs, @Ctx() { learning }: Context) {
    return learning.learningPath(args);
  }
}
