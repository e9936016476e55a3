import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { GraphQLFieldResolver, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { buildSchema } from 'graphql';

import type { Skill } from '../src/domain/model/skill-graph.types';
import type { Context } from '../src/graphql/request-context';
import { PROJECT_ROOT } from '../src/project-paths';

// The API's own schema (schema.graphql) served by plain graphql-js resolvers over the same
// services and loaders: the reference that measures what TypeGraphQL costs. Only the fields the
// benchmark queries reach have resolvers here; the rest use graphql-js's default resolver.

type Resolver = GraphQLFieldResolver<any, Context, any>;

export function buildPlainSchema(): GraphQLSchema {
  const schema = buildSchema(readFileSync(join(PROJECT_ROOT, 'schema.graphql'), 'utf8'));
  const resolvers: Record<string, Record<string, Resolver>> = {
    Query: {
      skill: (_root, { slug }, { loaders }) => loaders.skill.load(slug),
      skills: (_root, { filter, first, after }, { skillGraph }) =>
        skillGraph.listSkills(filter ?? {}, { first, after }),
      prerequisiteChain: (_root, { skill, maxDepth }, { skillGraph }) => skillGraph.prerequisiteChain(skill, maxDepth),
      learningPath: (_root, args, { learning }) => learning.learningPath(args),
    },
    Skill: {
      id: (skill: Skill) => `Skill:${skill.slug}`,
      area: (skill: Skill, _args, { loaders }) => loaders.area.load(skill.area),
      level: (skill: Skill, _args, { loaders }) => loaders.level.load(skill.level),
      prerequisites: (skill: Skill, _args, { loaders }) => loaders.prerequisitesOfSkill.load(skill.slug),
      resources: (skill: Skill, _args, { loaders }) => loaders.resourcesOfSkill.load(skill.slug),
    },
  };
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName) as GraphQLObjectType;
    for (const [fieldName, resolve] of Object.entries(fields)) type.getFields()[fieldName].resolve = resolve;
  }
  return schema;
}
