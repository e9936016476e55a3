import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

import type { DiagramFormat } from '../../domain/reading/diagram';
import { PrerequisiteEdgeType } from './prerequisite-chain.type';
import { SkillType } from './skill.type';

export const DiagramFormatEnum: { [K in DiagramFormat]: K } = { MERMAID: 'MERMAID', DOT: 'DOT', JSON: 'JSON' };
registerEnumType(DiagramFormatEnum, {
  name: 'DiagramFormat',
  description: 'MERMAID and DOT draw arrows from what to learn first to what it enables; JSON lists nodes and edges.',
});

@ObjectType('PrerequisitePath', {
  simpleResolvers: true,
  description: 'Why one skill needs another: the shortest chain between them.',
})
export class PrerequisitePathType {
  @Field(() => SkillType)
  skill!: SkillType;

  @Field(() => SkillType)
  requires!: SkillType;

  @Field(() => Int, { description: 'Number of REQUIRES edges.' })
  length!: number;

  @Field(() => [PrerequisiteEdgeType], {
    description:
      'From `skill` down to `requires`, each with its reason. Among equally short chains, the one with the smallest slugs.',
  })
  edges!: PrerequisiteEdgeType[];
}

@ObjectType('PrerequisiteDiagram', {
  simpleResolvers: true,
  description: 'A prerequisite chain as diagram source.',
})
export class PrerequisiteDiagramType {
  @Field(() => SkillType)
  skill!: SkillType;

  @Field(() => DiagramFormatEnum)
  format!: DiagramFormat;

  @Field({ description: 'Mermaid, Graphviz DOT, or a JSON document, ready to render or parse.' })
  source!: string;
}
