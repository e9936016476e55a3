import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { GRAPH_READS } from '../../domain/ports/graph-store.port';
import { CYPHER_DIR } from '../../project-paths';

// Every statement the Neo4j store runs, read once from cypher/ at start-up. Naming them here
// makes a missing or misnamed file fail at start, not on the first request that needs it.

/**
 * The statements each read of the port runs (a read may choose between two), keyed by the port's
 * own names: a read added to the port does not compile until its statements are named here.
 */
const STATEMENTS_OF_READS = {
  findAreasBySlugs: ['find-areas-by-slugs'],
  findLevelsBySlugs: ['find-levels-by-slugs'],
  findSkillsBySlugs: ['find-skills-by-slugs'],
  findResourcesBySlugs: ['find-resources-by-slugs'],
  findResponsibilitiesBySlugs: ['find-responsibilities-by-slugs'],
  findProblemsByIds: ['find-problems-by-ids'],
  skillsOfAreas: ['skills-of-areas'],
  countSkillsOfAreas: ['count-skills-of-areas'],
  skillsOfLevels: ['skills-of-levels'],
  childrenOfSkills: ['children-of-skills'],
  prerequisitesOfSkills: ['prerequisites-of-skills'],
  dependentsOfSkills: ['dependents-of-skills'],
  relatedOfSkills: ['related-of-skills'],
  resourcesOfSkills: ['resources-of-skills'],
  responsibilitiesOfSkills: ['responsibilities-of-skills'],
  skillsOfResources: ['skills-of-resources'],
  skillsOfResponsibilities: ['skills-of-responsibilities'],
  responsibilitiesOfLevels: ['responsibilities-of-levels'],
  listAreas: ['list-areas'],
  listLevels: ['list-levels'],
  listSkills: ['list-skills'],
  listResources: ['list-resources'],
  listResponsibilities: ['list-responsibilities'],
  listChanges: ['list-changes'],
  listProblems: ['list-problems', 'list-problems-with-status'],
  datasetInfo: ['dataset-info'],
  graphExtent: ['graph-extent'],
  prerequisiteClosure: ['prerequisite-closure'],
  dependentClosure: ['dependent-closure'],
  rankedFoundations: ['ranked-foundations', 'ranked-foundations-all'],
  unlockCounts: ['unlock-counts'],
  search: ['search'],
} as const satisfies Record<(typeof GRAPH_READS)[number], readonly string[]>;

/** Run in a read transaction: the port's reads, and the health check's ping. */
export type ReadStatement = (typeof STATEMENTS_OF_READS)[keyof typeof STATEMENTS_OF_READS][number] | 'ping';

export const READ_STATEMENTS: readonly ReadStatement[] = [
  ...GRAPH_READS.flatMap((read): readonly ReadStatement[] => STATEMENTS_OF_READS[read]),
  'ping',
];

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
