// Architecture rules, checked by `npm run lint:deps` (part of `npm test`).
// Dependencies point inward: graphql/ and adapters/ use domain/; domain/ uses neither,
// and only the composition root (server.ts) knows which store is in use.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-has-no-frameworks',
      comment: 'The domain core must not import GraphQL, HTTP, store drivers or graph libraries.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: {
        path: 'node_modules/(graphql|type-graphql|@apollo|fastify|@as-integrations|neo4j-driver|graphology[^/]*|dataloader|zod)/',
      },
    },
    {
      name: 'domain-is-the-core',
      comment: 'The domain imports nothing from the outer layers.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/(adapters|graphql|dataset|config|server|main)' },
    },
    {
      name: 'graphql-does-not-know-stores',
      comment: 'Resolvers reach stores only through the GraphStore port.',
      severity: 'error',
      from: { path: '^src/graphql/' },
      to: { path: '^src/adapters/' },
    },
    {
      name: 'adapters-do-not-know-graphql',
      severity: 'error',
      from: { path: '^src/adapters/' },
      to: { path: '^src/graphql/|node_modules/(graphql|type-graphql|@apollo)/' },
    },
    {
      name: 'only-the-composition-root-picks-a-store',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(server\\.ts|adapters/)' },
      to: { path: '^src/adapters/' },
    },
    {
      name: 'no-circular-outside-graphql-types',
      comment: 'GraphQL object types refer to each other by nature (Skill.area, Area.skills); nothing else may.',
      severity: 'error',
      from: { pathNot: '^src/graphql/types/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['require', 'node', 'default'] },
  },
};
