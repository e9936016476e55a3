import 'reflect-metadata';

import type { GraphQLSchema, GraphQLUnionType } from 'graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';

import { AreaResolver } from './resolvers/area.resolver';
import { ChangeResolver } from './resolvers/change.resolver';
import { DatasetResolver } from './resolvers/dataset.resolver';
import { GapAnalysisResolver } from './resolvers/gap-analysis.resolver';
import { LearningPathResolver } from './resolvers/learning-path.resolver';
import { PrerequisiteChainResolver } from './resolvers/prerequisite-chain.resolver';
import { PrerequisitePathResolver } from './resolvers/prerequisite-path.resolver';
import { ProblemResolver } from './resolvers/problem.resolver';
import { ResourceEditingResolver } from './resolvers/resource-editing.resolver';
import { ResourceResolver } from './resolvers/resource.resolver';
import { ResponsibilityResolver } from './resolvers/responsibility.resolver';
import { SearchResolver } from './resolvers/search.resolver';
import { SeniorityLevelResolver } from './resolvers/seniority-level.resolver';
import { SkillEditingResolver } from './resolvers/skill-editing.resolver';
import { SkillRankingResolver } from './resolvers/skill-ranking.resolver';
import { SkillResolver } from './resolvers/skill.resolver';
import { searchKindOf } from './types/search-hit.type';

export async function buildSkillGraphSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [
      AreaResolver,
      SkillResolver,
      SeniorityLevelResolver,
      ResponsibilityResolver,
      ResourceResolver,
      PrerequisiteChainResolver,
      LearningPathResolver,
      GapAnalysisResolver,
      SkillRankingResolver,
      PrerequisitePathResolver,
      SearchResolver,
      SkillEditingResolver,
      ResourceEditingResolver,
      ProblemResolver,
      ChangeResolver,
      DatasetResolver,
    ],
    // Arguments are validated by the domain service, so both stores and every client get one rule set.
    validate: false,
  });
  // TypeGraphQL wraps every resolveType in an async function; graphql-jit, which executes our
  // operations, needs the type's name synchronously (graphql-js accepts both).
  (schema.getType('SearchResult') as GraphQLUnionType).resolveType = searchKindOf;
  return schema;
}

/** The SDL committed as schema.graphql: sorted, so reviews show real changes only. */
export function printSkillGraphSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
