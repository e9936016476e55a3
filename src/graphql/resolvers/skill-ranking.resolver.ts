import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';

import { DEFAULT_CHAIN_DEPTH, MAX_CHAIN_DEPTH, MAX_RESULTS } from '../../domain/model/limits';
import { IncludeHelpfulArg } from '../inputs/include-helpful.arg';
import type { Context } from '../request-context';
import { RankedSkillType, UnlockedSkillType } from '../types/skill-ranking.type';

@Resolver(() => RankedSkillType)
export class SkillRankingResolver {
  @Query(() => [RankedSkillType], {
    nullable: true,
    description:
      'Skills not yet known whose prerequisites are all known, by how many skills they unlock, then slug. ' +
      'With `known: []`, the foundations.',
  })
  readyToLearn(
    @Arg('known', () => [String], { description: 'Slugs already known; each implies its prerequisites.' })
    known: string[],
    @Arg('first', () => Int, { defaultValue: 10, description: `1 to ${MAX_RESULTS}.` }) first: number,
    @IncludeHelpfulArg() includeHelpful: boolean,
    @Ctx() { learning }: Context,
  ) {
    return learning.readyToLearn(known, first, includeHelpful);
  }

  @Query(() => [UnlockedSkillType], {
    nullable: true,
    description: 'Skills that transitively require this one, by how many skills they unlock, then distance, then slug.',
  })
  unlocks(
    @Arg('skill', () => String) skill: string,
    @Arg('maxDepth', () => Int, { defaultValue: DEFAULT_CHAIN_DEPTH, description: `1 to ${MAX_CHAIN_DEPTH}.` })
    maxDepth: number,
    @IncludeHelpfulArg() includeHelpful: boolean,
    @Ctx() { learning }: Context,
  ) {
    return learning.unlocks(skill, maxDepth, includeHelpful);
  }
}
