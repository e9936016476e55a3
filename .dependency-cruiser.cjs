// Architecture rules, checked by `npm run lint:deps` (part of `npm test`).
// Dependencies point inward: graphql/ and adapters/ use domain/; domain/ uses only itself,
// and only the composition root (server.ts) knows which store is in use.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-the-core',
      comment:
        'The domain imports only the domain, and of libraries only those declared here (mnemonist, for its heap): ' +
        'no GraphQL, HTTP, store driver, graph library or outer layer.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: ['^src/domain/', '^node_modules/mnemonist/'] },
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
