import { Arg, Ctx, Query, Resolver } from 'type-graphql';

import { IncludeHelpfulArg } from '../inputs/include-helpful.arg';
import type { Context } from '../request-context';
import { GapAnalysisType } from '../types/gap-analysis.type';

@Resolver(() => GapAnalysisType)
export class GapAnalysisResolver {
  @Query(() => GapAnalysisType, {
    nullable: true,
    description: 'For a level, the responsibilities of that level and below with the skills still missing, and a plan.',
  })
  gapAnalysis(
    @Arg('level', () => String, { description: 'junior, senior or principal.' }) level: string,
    @Arg('known', () => [String], { description: 'Slugs already known; may be empty.' }) known: string[],
    @IncludeHelpfulArg() includeHelpful: boolean,
    @Ctx() { learning }: Context,
  ) {
    return learning.gapAnalysis(level, known, includeHelpful);
  }
}
