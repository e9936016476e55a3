import type { Driver, QueryResult } from 'neo4j-driver';
import neo4j from 'neo4j-driver';

import type { Dataset } from '../../dataset/dataset.types';
import { MAX_CHAIN_DEPTH } from '../../domain/model/limits';
import { allUnlockCounts } from '../../domain/graph/prerequisite-graph';
import type { ImportStatement, Statements } from './cypher-statements';
import { IMPORT_STATEMENTS, loadSchemaStatements, loadStatements } from './cypher-statements';
import { type ImportRow, resourceRow, skillParentRow, skillRow } from './neo4j-record.mapper';

export interface ImportBatch {
  readonly statement: ImportStatement;
  readonly rows: readonly ImportRow[];
}

/**
 * The dataset as the `$rows` of each import statement, in IMPORT_STATEMENTS order. Whole numbers
 * are sent as Neo4j Integers: a JS number would be stored as a float (5.0, not 5).
 */
export function importBatches(dataset: Dataset): ImportBatch[] {
  const int = (value: number) => neo4j.int(value);
  // Kept on each node so ranking the foundations costs a sort, not a traversal per skill.
  const essential = allUnlockCounts(
    dataset.prerequisites.filter((e) => e.strength === 'ESSENTIAL'),
    MAX_CHAIN_DEPTH,
  );
  const all = allUnlockCounts(dataset.prerequisites, MAX_CHAIN_DEPTH);
  const rows: Record<ImportStatement, ImportRow[]> = {
    'import-dataset-version': dataset.version === undefined ? [] : [{ ...dataset.version }],
    'import-areas': dataset.areas.map((a) => ({
      slug: a.slug,
      name: a.name,
      description: a.description,
      position: int(a.position),
    })),
    'import-levels': dataset.levels.map((l) => ({
      slug: l.slug,
      name: l.name,
      rank: int(l.rank),
      description: l.description,
    })),
    'import-skills': dataset.skills.map((skill) =>
      skillRow(skill, { essential: essential.get(skill.slug) ?? 0, all: all.get(skill.slug) ?? 0 }),
    ),
    'import-skill-parents': dataset.skills.map(skillParentRow),
    'import-prerequisites': dataset.prerequisites.map((e) => ({
      skill: e.skill,
      requires: e.requires,
      reason: e.reason,
      strength: e.strength,
    })),
    'import-related': dataset.related.map((e) => ({ skill: e.skill, related: e.related })),
    'import-responsibilities': dataset.responsibilities.map((r) => ({
      slug: r.slug,
      name: r.name,
      description: r.description,
      category: r.category,
      position: int(r.position),
      level: r.level,
    })),
    'import-responsibility-skills': dataset.responsibilitySkills.map((l) => ({ from: l.from, skill: l.skill })),
    'import-resources': dataset.resources.map(resourceRow),
    'import-resource-skills': dataset.resourceSkills.map((l) => ({ from: l.from, skill: l.skill })),
  };
  return IMPORT_STATEMENTS.map((statement) => ({ statement, rows: rows[statement] }));
}

const key = (from: string, to: string) => `${from}>${to}`;

/** What the dataset holds, as the keys prune-graph keeps. */
function pruneParameters(dataset: Dataset): Record<string, string[]> {
  return {
    areas: dataset.areas.map((a) => a.slug),
    levels: dataset.levels.map((l) => l.slug),
    skills: dataset.skills.map((s) => s.slug),
    responsibilities: dataset.responsibilities.map((r) => r.slug),
    resources: dataset.resources.map((r) => r.slug),
    prerequisites: dataset.prerequisites.map((e) => key(e.skill, e.requires)),
    related: dataset.related.map((e) => key(e.skill, e.related)),
    responsibilitySkills: dataset.responsibilitySkills.map((l) => key(l.from, l.skill)),
    resourceSkills: dataset.resourceSkills.map((l) => key(l.from, l.skill)),
  };
}

export interface SeedOptions {
  readonly database: string;
  /**
   * Delete what the dataset does not hold (and all history), so the database holds exactly the
   * dataset. Records the dataset keeps are updated in place, never deleted and recreated.
   */
  readonly reset?: boolean;
  readonly statements?: Statements;
  readonly schemaStatements?: readonly string[];
}

/** What a seed changed, from the driver's update counters. */
export interface SeedChanges {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
}

/**
 * Applies cypher/schema.cypher, then imports the dataset in one write transaction. MERGE makes
 * it idempotent: a second run creates and deletes nothing (but the write lock, on a fresh database).
 */
export async function seedNeo4j(driver: Driver, dataset: Dataset, options: SeedOptions): Promise<SeedChanges> {
  const changes: SeedChanges = { nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0 };
  const count = (result: QueryResult) => {
    const updates = result.summary.counters.updates();
    for (const key of Object.keys(changes) as (keyof SeedChanges)[]) changes[key] += updates[key];
  };
  const statements = options.statements ?? loadStatements();
  const session = driver.session({ database: options.database, defaultAccessMode: neo4j.session.WRITE });
  try {
    // Schema changes cannot share a transaction with data writes, so each runs in its own.
    for (const statement of options.schemaStatements ?? loadSchemaStatements()) {
      await session.executeWrite((tx) => tx.run(statement));
    }
    // One transaction, after the API's write lock: readers see the old graph or the new one,
    // never a half-written one, and API writes wait rather than interleave.
    await session.executeWrite(async (tx) => {
      await tx.run(statements['lock-graph']);
      if (options.reset) count(await tx.run(statements['prune-graph'], pruneParameters(dataset)));
      for (const batch of importBatches(dataset)) {
        count(await tx.run(statements[batch.statement], { rows: batch.rows }));
      }
    });
    await session.executeWrite((tx) => tx.run(statements['await-indexes']));
    return changes;
  } finally {
    await session.close();
  }
}
