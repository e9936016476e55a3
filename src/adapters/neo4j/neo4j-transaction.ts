import type { ManagedTransaction, Record as Neo4jRecord } from 'neo4j-driver';
import neo4j from 'neo4j-driver';

import type { Change, Problem } from '../../domain/model/editing.types';
import type { GraphTransaction } from '../../domain/ports/graph-store.port';
import type { PrerequisiteEdge, Resource, Skill } from '../../domain/model/skill-graph.types';
import type { ImportStatement, ReadStatement, Statements, WriteStatement } from './cypher-statements';
import { resourceRow, skillParentRow, skillRow } from './neo4j-record.mapper';
import type { Params } from './neo4j-reads';
import { Neo4jReads } from './neo4j-reads';
import { toNumber } from './neo4j-record.mapper';

/**
 * One write transaction, opened by Neo4jGraphStore.transaction after it took the write lock.
 * Reads run in the same transaction, so they see its writes. Creating and replacing records
 * reuse the import statements with a single row, so the import and the API write the same way.
 */
export class Neo4jTransaction extends Neo4jReads implements GraphTransaction {
  constructor(
    private readonly tx: ManagedTransaction,
    private readonly statements: Statements,
    /** Throws once the transaction's deadline has passed, so nothing more is sent. */
    private readonly assertLive: () => void = () => undefined,
  ) {
    super();
  }

  protected run(statement: ReadStatement, params: Params = {}): Promise<Neo4jRecord[]> {
    return this.execute(statement, params);
  }

  async putSkill(skill: Skill): Promise<void> {
    await this.execute('import-skills', { rows: [skillRow(skill, null)] });
    await this.execute('import-skill-parents', { rows: [skillParentRow(skill)] });
  }

  async deleteSkill(slug: string): Promise<void> {
    const [record] = await this.execute('delete-skill', { slug });
    if (record !== undefined) await this.refreshUnlockCounts(record.get('prerequisites') as string[]);
  }

  async putResource(resource: Resource): Promise<void> {
    await this.execute('import-resources', { rows: [resourceRow(resource)] });
  }

  async deleteResource(slug: string): Promise<void> {
    await this.execute('delete-resource', { slug });
  }

  async linkResource(resource: string, skill: string): Promise<void> {
    await this.execute('import-resource-skills', { rows: [{ from: resource, skill }] });
  }

  async unlinkResource(resource: string, skill: string): Promise<void> {
    await this.execute('unlink-resource', { resource, skill });
  }

  async putPrerequisite(edge: PrerequisiteEdge): Promise<void> {
    await this.execute('import-prerequisites', { rows: [{ ...edge }] });
    await this.refreshUnlockCounts([edge.requires]);
  }

  async deletePrerequisite(skill: string, requires: string): Promise<void> {
    await this.execute('delete-prerequisite', { skill, requires });
    await this.refreshUnlockCounts([requires]);
  }

  async putRelated(skill: string, related: string): Promise<void> {
    await this.execute('import-related', { rows: [{ skill, related }] });
  }

  async deleteRelated(skill: string, related: string): Promise<void> {
    await this.execute('delete-related', { skill, related });
  }

  async putProblem(problem: Problem): Promise<void> {
    await this.execute('put-problem', { ...problem, sequence: neo4j.int(problem.sequence) });
  }

  async nextSequence(): Promise<number> {
    const [record] = await this.execute('next-sequence', {});
    return toNumber(record.get('sequence'), 'sequence');
  }

  async recordChange(change: Change): Promise<void> {
    await this.execute('record-change', { ...change, sequence: neo4j.int(change.sequence) });
  }

  /** Keeps each skill's stored unlockCount exact after REQUIRES edges changed at `slugs`. */
  private async refreshUnlockCounts(slugs: readonly string[]): Promise<void> {
    if (slugs.length > 0) await this.execute('refresh-unlock-counts', { slugs: [...slugs] });
  }

  private async execute(
    statement: ReadStatement | WriteStatement | ImportStatement,
    params: Params,
  ): Promise<Neo4jRecord[]> {
    this.assertLive();
    return (await this.tx.run(this.statements[statement], params)).records;
  }
}
