import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';

import { DEFAULT_CHAIN_DEPTH, MAX_CHAIN_DEPTH } from '../../domain/model/limits';
import { IncludeHelpfulArg } from '../inputs/include-helpful.arg';
import type { Context } from '../request-context';
import { PrerequisiteChainType } from '../types/prerequisite-chain.type';

@Resolver(() => PrerequisiteChainType)
export class PrerequisiteChainResolver {
  @Query(() => PrerequisiteChainType, {
    nullable: true,
    description: 'Everything to learn before a skill, with a learning order. NOT_FOUND when the skill does not exist.',
  })
  prerequisiteChain(
    @Arg('skill', () => String, { description: 'Slug of the skill to learn.' }) skill: string,
    @Arg('maxDepth', () => Int, {
      defaultValue: DEFAULT_CHAIN_DEPTH,
      description: `How many REQUIRES hops to follow, 0 to ${MAX_CHAIN_DEPTH}.`,
    })
    maxDepth: number,
    @IncludeHelpfulArg() includeHelpful: boolean,
    @Ctx() { skillGraph }: Context,
  ) {
    return skillGraph.prerequisiteChain(skill, maxDepth, includeHelpful);
  }
}
