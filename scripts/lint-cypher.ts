import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import type * as LanguageSupport from '@neo4j-cypher/language-support' with { 'resolution-mode': 'import' };

import { IMPORT_ROW_KEYS, NODE_LABELS, PROPERTY_KEYS, RELATIONSHIP_TYPES } from '../src/adapters/neo4j/graph-model';
import { CYPHER_DIR, PROJECT_ROOT } from '../src/project-paths';

// Checks every .cypher file with Neo4j's own parser and semantic analysis (the language support
// behind Neo4j's VS Code extension), against this project's labels, relationship types and
// property keys and Neo4j's built-in functions and procedures. Every diagnostic fails, warnings
// included: a misspelt label is only a warning to Neo4j, and would silently match nothing.

// The package ships CommonJS code but only ESM type declarations.
const { lintCypherQuery, isNotParamError, testData } =
  require('@neo4j-cypher/language-support') as typeof LanguageSupport;

type DbSchema = LanguageSupport.DbSchema;

export interface CypherProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/**
 * The schema the linter checks against. Built-in functions and procedures come from the registry
 * the package ships (the signatures of a Neo4j server), without plugins: APOC and GDS are absent
 * from a plain Neo4j Community server, so calling them is reported as unknown.
 */
export function projectDbSchema(): DbSchema {
  const { functions, procedures } = testData.mockSchema;
  return {
    labels: [...NODE_LABELS],
    relationshipTypes: [...RELATIONSHIP_TYPES],
    propertyKeys: [...PROPERTY_KEYS, ...IMPORT_ROW_KEYS],
    functions: only(functions, (_name, fn) => fn.isBuiltIn),
    // Procedures carry no built-in flag; the plugin ones live in their own namespaces.
    procedures: only(procedures, (name) => !/^(apoc|gds)\./.test(name)),
  };
}

function only<T>(
  registry: LanguageSupport.ScopedRegistry<T> | undefined,
  keep: (name: string, entry: T) => boolean,
): LanguageSupport.ScopedRegistry<T> {
  return Object.fromEntries(
    Object.entries(registry ?? {}).map(([version, entries]) => [
      version,
      Object.fromEntries(Object.entries(entries ?? {}).filter(([name, entry]) => keep(name, entry as T))),
    ]),
  );
}

/** Problems in one piece of Cypher (one or more statements separated by `;`). */
export function lintCypher(text: string, file = '<text>', schema: DbSchema = projectDbSchema()): CypherProblem[] {
  const { diagnostics } = lintCypherQuery(text, schema);
  return (
    diagnostics
      .map((d) => ({
        file,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        message: typeof d.message === 'string' ? d.message : d.message.value,
      }))
      // Parameters are bound at run time; the linter cannot know them.
      .filter((problem) => isNotParamError(problem))
  );
}

/** The .cypher files under dir, the generated ones in its subfolders included, sorted by path. */
export function cypherFiles(dir: string = CYPHER_DIR): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.cypher'))
    .map((name) => join(dir, name))
    .sort();
}

function main(): void {
  const schema = projectDbSchema();
  const files = cypherFiles();
  const problems = files.flatMap((path) =>
    lintCypher(readFileSync(path, 'utf8'), relative(PROJECT_ROOT, path), schema),
  );
  for (const p of problems) process.stderr.write(`${p.file}:${p.line}:${p.column} ${p.message}\n`);
  process.stdout.write(`lint:cypher: ${files.length} files, ${problems.length} problems\n`);
  if (problems.length > 0) process.exitCode = 1;
}

if (require.main === module) main();
