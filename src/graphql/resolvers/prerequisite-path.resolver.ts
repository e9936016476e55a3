import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';

import type { DiagramFormat } from '../../domain/reading/diagram';
import { DEFAULT_CHAIN_DEPTH, MAX_CHAIN_DEPTH } from '../../domain/model/limits';
import { IncludeHelpfulArg } from '../inputs/include-helpful.arg';
import type { Context } from '../request-context';
import { DiagramFormatEnum, PrerequisiteDiagramType, PrerequisitePathType } from '../types/prerequisite-path.type';

@Resolver(() => PrerequisitePathType)
export class PrerequisitePathResolver {
  @Query(() => PrerequisitePathType, {
    nullable: true,
    description:
      'The shortest prerequisite chain from `skill` down to `requires`, or null when `skill` does not need it.',
  })
  explainPrerequisite(
    @Arg('skill', () => String) skill: string,
    @Arg('requires', () => String) requires: string,
    @IncludeHelpfulArg() includeHelpful: boolean,
    @Ctx() { learning }: Context,
  ) {
    return learning.explainPrerequisite(skill, requires, includeHelpful);
  }

  @Query(() => PrerequisiteDiagramType, {
    nullable: true,
    description: 'The prerequisite chain of a skill as Mermaid, Graphviz DOT or JSON source.',
  })
  prerequisiteGraph(
    @Arg('skill', () => String) skill: string,
    @Arg('format', () => DiagramFormatEnum, { defaultValue: 'MERMAID' }) format: DiagramFormat,
    @Arg('maxDepth', () => Int, { defaultValue: DEFAULT_CHAIN_DEPTH, description: `0 to ${MAX_CHAIN_DEPTH}.` })
    maxDepth: number,
    @IncludeHelpfulArg() includeHelpful: boolean,
    @Ctx() { skillGraph }: Context,
  ) {
    return skillGraph.prerequisiteDiagram(skill, format, maxDepth, includeHelpful);
  }
}
