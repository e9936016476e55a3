import type { Driver } from 'neo4j-driver';
import neo4j from 'neo4j-driver';

import type { Neo4jConfig } from '../../config';

/**
 * One driver per process: it owns the connection pool and the cluster routing table. It connects
 * lazily, so the API starts (and reports itself unready) while Neo4j is still down, and it
 * reconnects by itself when Neo4j comes back.
 */
export function createNeo4jDriver(config: Neo4jConfig): Driver {
  return neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
    // Fail fast rather than queue: a request must not outlive its timeout waiting for a socket.
    connectionTimeout: config.timeoutMs,
    connectionAcquisitionTimeout: config.timeoutMs,
    // executeRead/executeWrite retry transient failures (a refused connection included). Half
    // the budget keeps a refused connection from using all of it; the call's deadline caps the rest.
    maxTransactionRetryTime: Math.floor(config.timeoutMs / 2),
    userAgent: 'backend-skill-graph',
  });
}
