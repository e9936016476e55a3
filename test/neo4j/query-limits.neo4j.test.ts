import { defineQueryBombSuite } from '../process/query-bombs-suite';
import { describeOnNeo4j, reseed } from '../support/neo4j';

// The query bombs of the attack report against the production process on Neo4j: the same
// refusals and the same budget, with lists read through Cypher.
describeOnNeo4j('query bombs (neo4j store)', (config) => {
  beforeAll(() => reseed(config));
  defineQueryBombSuite('neo4j store', {
    NEO4J_URI: config.uri,
    NEO4J_USER: config.user,
    NEO4J_PASSWORD: config.password,
    NEO4J_DATABASE: config.database,
  });
});
