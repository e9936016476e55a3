import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';

import { LIMITS } from '../../domain/editing/integrity/record-rules';
import type { Problem, ProblemStatus } from '../../domain/model/editing.types';
import { ClearLoadersAfterWrite } from '../clear-loaders.middleware';
import type { Context } from '../request-context';
import { ConnectionArgs } from '../inputs/connection.args';
import { ProblemConnectionType, ProblemStatusEnum, ProblemType } from '../types/editing.type';
import { SkillType } from '../types/skill.type';

@Resolver(() => ProblemType)
export class ProblemResolver {
  @Mutation(() => ProblemType, {
    nullable: true,
    description:
      'Reports a wrong or missing prerequisite, resource or description. Open to everyone, limited per client (RATE_LIMITED).',
  })
  @UseMiddleware(ClearLoadersAfterWrite)
  reportProblem(
    @Arg('skill', () => String) skill: string,
    @Arg('message', () => String, {
      description: `${LIMITS.problemMessageMin} to ${LIMITS.problemMessageMax} characters.`,
    })
    message: string,
    @Ctx() { problems, client }: Context,
  ) {
    return problems.reportProblem(client, skill, message);
  }

  @Mutation(() => ProblemType, { nullable: true, description: 'Closes a problem with a note. Needs an editor token.' })
  @UseMiddleware(ClearLoadersAfterWrite)
  resolveProblem(
    @Arg('id', () => String) id: string,
    @Arg('resolution', () => String) resolution: string,
    @Ctx() { problems, editor }: Context,
  ) {
    return problems.resolveProblem(editor, id, resolution);
  }

  @Query(() => ProblemConnectionType, {
    nullable: true,
    description: 'Reported problems, newest first. Needs an editor token.',
  })
  problems(
    @Args(() => ConnectionArgs) { first, after }: ConnectionArgs,
    @Arg('status', () => ProblemStatusEnum, { nullable: true }) status: ProblemStatus | null,
    @Ctx() { problems, editor }: Context,
  ) {
    return problems.listProblems(editor, status, { first, after });
  }

  @FieldResolver(() => String)
  skillSlug(@Root() problem: Problem) {
    return problem.skill;
  }

  @FieldResolver(() => SkillType, { nullable: true })
  skill(@Root() problem: Problem, @Ctx() { loaders }: Context) {
    return loaders.skill.load(problem.skill);
  }
}
