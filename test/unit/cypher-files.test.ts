import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import neo4j from 'neo4j-driver';

import { toCypherLiteral } from '../../src/adapters/neo4j/cypher-literal';
import {
  ADMIN_STATEMENTS,
  IMPORT_STATEMENTS,
  READ_STATEMENTS,
  WRITE_STATEMENTS,
  loadStatements,
  splitStatements,
} from '../../src/adapters/neo4j/cypher-statements';
import { renderSeedScript } from '../../src/adapters/neo4j/seed-script';
import { loadDataset } from '../../src/dataset/load-dataset';
import { MAX_CHAIN_DEPTH } from '../../src/domain/model/limits';
import { CYPHER_DIR, SEED_SCRIPT_FILE } from '../../src/project-paths';
import { cypherFiles, lintCypher } from '../../scripts/lint-cypher';

describe('the Cypher lint (npm run lint:cypher)', () => {
  const messages = (cypher: string) => lintCypher(cypher).map((p) => p.message);

  it('passes a correct statement that uses parameters, built-in functions and the project’s names', () => {
    expect(
      messages('MATCH (s:Skill)-[:REQUIRES*1..3]->(p:Skill) WHERE toLower(s.name) CONTAINS $q RETURN DISTINCT p.slug'),
    ).toEqual([]);
  });

  it('catches a misspelt label', () => {
    expect(messages('MATCH (s:Skil) RETURN s.slug')).toEqual([expect.stringContaining('Label Skil is not present')]);
  });

  it('catches an undefined variable', () => {
    expect(messages('MATCH (s:Skill) RETURN t.slug')).toEqual(['Variable `t` not defined']);
  });

  it('catches a syntax error', () => {
    expect(messages('MATCH (s:Skill RETURN s')).toContainEqual(expect.stringContaining("Invalid input 'RETURN'"));
  });

  it('catches a misspelt relationship type, a misspelt property and a plugin function Community lacks', () => {
    expect(messages('MATCH (s:Skill)-[:REQUIRE]->(p:Skill) RETURN p')).toEqual([
      expect.stringContaining('REQUIRE is not present'),
    ]);
    expect(messages('MATCH (s:Skill) RETURN s.nmae')).toEqual([expect.stringContaining('nmae is not present')]);
    expect(messages('RETURN apoc.coll.sum([1, 2])')).toEqual([expect.stringContaining('apoc.coll.sum is not present')]);
  });

  it('reports the file, line and column of a problem', () => {
    expect(lintCypher('MATCH (s:Skill)\nRETURN t', 'x.cypher')).toEqual([
      { file: 'x.cypher', line: 2, column: 8, message: 'Variable `t` not defined' },
    ]);
  });
});

describe('cypher/', () => {
  it('holds exactly the statements the adapter names, plus the schema and the seed script', () => {
    const named = [...READ_STATEMENTS, ...WRITE_STATEMENTS, ...IMPORT_STATEMENTS, ...ADMIN_STATEMENTS].map(
      (n) => `${n}.cypher`,
    );
    expect(
      cypherFiles()
        .map((path) => basename(path))
        .sort(),
    ).toEqual([...named, 'schema.cypher', 'seed.cypher'].sort());
    expect(() => loadStatements()).not.toThrow();
  });

  it('starts every statement file with a comment saying what it returns or does', () => {
    for (const path of cypherFiles()) expect(readFileSync(path, 'utf8')).toMatch(/^\/\/ \S/);
  });

  it('bounds the closure at the domain’s maximum chain depth and asks for DISTINCT nodes', () => {
    const closure = loadStatements()['prerequisite-closure'];
    expect(closure).toContain(`]->()){1,${MAX_CHAIN_DEPTH}}(prerequisite:Skill)`);
    expect(closure).toContain('collect(DISTINCT prerequisite)');
  });

  it('never builds statements from input: every value is a $parameter', () => {
    for (const [name, text] of Object.entries(loadStatements())) {
      expect({ name, interpolation: /\$\{|\+\s*\$/.test(text) }).toEqual({ name, interpolation: false });
    }
  });

  it('splits schema.cypher into its statements', () => {
    const statements = splitStatements(readFileSync(join(CYPHER_DIR, 'schema.cypher'), 'utf8'));
    expect(statements.length).toBeGreaterThanOrEqual(10);
    // Every seed applies them all again, so each must be idempotent.
    expect(statements.filter((s) => !/^(CREATE .* IF NOT EXISTS |DROP .* IF EXISTS$)/s.test(s))).toEqual([]);
  });
});

describe('cypher/generated/seed.cypher', () => {
  it('agrees with the dataset (run `npm run generate` after editing data/)', () => {
    expect(readFileSync(SEED_SCRIPT_FILE, 'utf8')).toBe(renderSeedScript(loadDataset()));
  });

  it('writes values as Cypher literals, escaping quotes and backslashes and keeping integers whole', () => {
    expect(
      toCypherLiteral({
        slug: "o'neil",
        path: 'a\\b',
        n: neo4j.int(5),
        f: 2,
        none: null,
        list: ['x'],
        'odd key': true,
      }),
    ).toBe("{slug: 'o\\'neil', path: 'a\\\\b', n: 5, f: 2.0, none: null, list: ['x'], `odd key`: true}");
  });
});
