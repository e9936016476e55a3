import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CYPHER_DIR } from '../../project-paths';

// Every statement the Neo4j store runs, read once from cypher/ at start-up. Naming them here
// makes a missing or misnamed file fail at start, not on the first request that needs it.

export const READ_STATEMENTS = [
  'list-areas',
  'list-levels',
  'list-skills',
  'list-resources',
  'list-responsibilities',
  'find-areas-by-slugs',
  'find-levels-by-slugs',
  'find-skills-by-slugs',
  'find-resources-by-slugs',
  'find-responsibilities-by-slugs',
  'skills-of-areas',
  'count-skills-of-areas',
  'skills-of-levels',
  'children-of-skills',
  'prerequisites-of-skills',
  'dependents-of-skills',
  'related-of-skills',
  'resources-of-skills',
  'responsibilities-of-skills',
  'skills-of-resources',
  'skills-of-responsibilities',
  'responsibilities-of-levels',
  'prerequisite-closure',
  'dependent-closure',
  'ranked-foundations',
  'ranked-foundations-all',
  'unlock-counts',
  'search',
  'list-changes',
  'list-problems',
  'list-problems-with-status',
  'find-problems-by-ids',
  'dataset-info',
  'graph-extent',
  'ping',
] as const;

/** Run inside a write transaction, after lock-graph. */
export const WRITE_STATEMENTS = [
  'lock-graph',
  'next-sequence',
  'delete-skill',
  'refresh-unlock-counts',
  'delete-resource',
  'unlink-resource',
  'delete-prerequisite',
  'delete-related',
  'put-problem',
  'record-change',
] as const;

/** In the order the import runs them: nodes before the edges that join them. */
export const IMPORT_STATEMENTS = [
  'import-dataset-version',
  'import-areas',
  'import-levels',
  'import-skills',
  'import-skill-parents',
  'import-prerequisites',
  'import-related',
  'import-responsibilities',
  'import-responsibility-skills',
  'import-resources',
  'import-resource-skills',
] as const;

export const ADMIN_STATEMENTS = ['prune-graph', 'await-indexes'] as const;

export type ReadStatement = (typeof READ_STATEMENTS)[number];
export type ImportStatement = (typeof IMPORT_STATEMENTS)[number];
export type WriteStatement = (typeof WRITE_STATEMENTS)[number];
export type StatementName = ReadStatement | WriteStatement | ImportStatement | (typeof ADMIN_STATEMENTS)[number];

export type Statements = Readonly<Record<StatementName, string>>;

export function loadStatements(dir: string = CYPHER_DIR): Statements {
  const names = [...READ_STATEMENTS, ...WRITE_STATEMENTS, ...IMPORT_STATEMENTS, ...ADMIN_STATEMENTS];
  return Object.fromEntries(
    names.map((name) => [name, readFileSync(join(dir, `${name}.cypher`), 'utf8')]),
  ) as Statements;
}

/** The statements of cypher/schema.cypher, which holds several, each ending with `;`. */
export function loadSchemaStatements(dir: string = CYPHER_DIR): string[] {
  return splitStatements(readFileSync(join(dir, 'schema.cypher'), 'utf8'));
}

/** Splits a script on `;` at line ends, dropping comment-only lines. Statements never contain `;` inside. */
export function splitStatements(script: string): string[] {
  return script
    .split(/;\s*$/m)
    .map((statement) =>
      statement
        .split('\n')
        .filter((line) => !line.trim().startsWith('//'))
        .join('\n')
        .trim(),
    )
    .filter((statement) => statement.length > 0);
}
