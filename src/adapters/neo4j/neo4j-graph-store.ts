import type { Driver, EagerResult, Record as Neo4jRecord } from 'neo4j-driver';
import neo4j, { Neo4jError } from 'neo4j-driver';

import type { Neo4jConfig } from '../../config';
import { ConflictError, StoreUnavailableError } from '../../domain/model/domain-error';
import type { GraphStore, GraphTransaction, StoreStatus } from '../../domain/ports/graph-store.port';
import type { ReadStatement, Statements } from './cypher-statements';
import { loadStatements } from './cypher-statements';
import { DeadlineExceededError, withDeadline } from './deadline';
import { createNeo4jDriver } from './neo4j-driver.factory';
import { Neo4jReads } from './neo4j-reads';
import { Neo4jTransaction } from './neo4j-transaction';

/**
 * The production store. Every read runs on its own in executeRead, on a session of the
 * configured database. Every write is one executeWrite that first takes the graph-wide write
 * lock, so writes are serialised like the embedded store's. Both are bounded by NEO4J_TIMEOUT_MS,
 * on the server (transaction timeout) and in the client (a deadline), and fail as unavailable past it.
 */
export class Neo4jGraphStore extends Neo4jReads implements GraphStore {
  constructor(
    private readonly driver: Driver,
    private readonly config: Pick<Neo4jConfig, 'database' | 'timeoutMs'>,
    private readonly statements: Statements = loadStatements(),
  ) {
    super();
  }

  static connect(config: Neo4jConfig): Neo4jGraphStore {
    return new Neo4jGraphStore(createNeo4jDriver(config), config);
  }

  async transaction<T>(work: (tx: GraphTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({
      database: this.config.database,
      defaultAccessMode: neo4j.session.WRITE,
      bookmarkManager: this.driver.executeQueryBookmarkManager,
    });
    let abandoned = false;
    // Once the caller has been told the write failed, it must not commit later: every statement,
    // and the commit itself, first checks that the deadline has not passed.
    const live = () => {
      if (abandoned) throw new DeadlineExceededError(this.config.timeoutMs);
    };
    const write = session.executeWrite(
      async (tx) => {
        live();
        await tx.run(this.statements['lock-graph']);
        const result = await work(new Neo4jTransaction(tx, this.statements, live));
        live();
        return result;
      },
      // The server-side timeout ends a transaction stuck on the lock or a slow statement with a
      // definite rollback; the client deadline covers a connection that stopped answering.
      { timeout: this.config.timeoutMs, metadata: { app: 'backend-skill-graph', statement: 'write' } },
    );
    try {
      return await withDeadline(write, this.config.timeoutMs, () => {
        abandoned = true;
      });
    } catch (error) {
      throw toStoreError(error);
    } finally {
      // Not awaited: after a deadline the session is still busy, and closing it waits for that.
      session.close().catch(() => undefined);
    }
  }

  async ping(): Promise<StoreStatus> {
    const agent = await this.read('ping', {}, (result) => result.summary.server.agent ?? null);
    return { store: 'neo4j', serverVersion: agent };
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  protected run(statement: ReadStatement, params: Record<string, unknown> = {}): Promise<Neo4jRecord[]> {
    return this.read(statement, params, (result) => result.records);
  }

  private async read<T>(
    statement: ReadStatement,
    params: Record<string, unknown>,
    pick: (result: EagerResult) => T,
  ): Promise<T> {
    const abort = new AbortController();
    try {
      // executeQuery is a managed read transaction (retried on transient failures) that sends
      // BEGIN with RUN and PULL: two round trips where session.executeRead takes three. Its
      // bookmark manager, shared with writes, lets a cluster member serve reads only once it
      // has this process's latest write.
      const work = this.driver.executeQuery(this.statements[statement], params, {
        database: this.config.database,
        routing: neo4j.routing.READ,
        transactionConfig: { timeout: this.config.timeoutMs, metadata: { app: 'backend-skill-graph', statement } },
        signal: abort.signal,
      });
      return pick(await withDeadline(work, this.config.timeoutMs, () => abort.abort()));
    } catch (error) {
      throw toStoreError(error);
    }
  }
}

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  // What answers at NEO4J_URI does not speak Bolt (an HTTP port, a proxy): unusable, not a bug here.
  'ProtocolError',
  'Neo.ClientError.Database.DatabaseNotFound',
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.AuthenticationRateLimit',
  // The server ended the transaction at its timeout (set from NEO4J_TIMEOUT_MS): Neo4j was too
  // slow or a lock was held too long. Busy, not broken.
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);

/** Driver failures that mean "the store cannot answer now" become StoreUnavailableError; the rest are bugs. */
export function toStoreError(error: unknown): unknown {
  if (error instanceof DeadlineExceededError) return new StoreUnavailableError({ cause: error });
  if (
    error instanceof Neo4jError &&
    (UNAVAILABLE_CODES.has(error.code) || error.code.startsWith('Neo.TransientError.'))
  ) {
    return new StoreUnavailableError({ cause: error });
  }
  if (error instanceof Neo4jError && error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    // Writes hold the graph lock, so only a writer outside this API can get here.
    const [, label, value] = /label `(\w+)` and property `\w+` = '([^']*)'/.exec(error.message) ?? [];
    return new ConflictError(
      label === 'Resource' ? 'Resource' : 'Skill',
      value ?? '',
      'A record with this key already exists',
    );
  }
  return error;
}
