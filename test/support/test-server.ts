import type * as GraphQLRequest from 'graphql-request' with { 'resolution-mode': 'import' };

// graphql-request 7 ships a CommonJS build but only ESM type declarations: take the types from
// the ESM side and the code from the CommonJS build, which is what Jest loads anyway.
const { ClientError, GraphQLClient } = require('graphql-request') as typeof GraphQLRequest;
type GraphQLClient = GraphQLRequest.GraphQLClient;

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadConfig } from '../../src/config';
import type { ServerOverrides, SkillGraphServer } from '../../src/server';
import { startServer } from '../../src/server';

export interface TestServer {
  readonly server: SkillGraphServer;
  readonly client: GraphQLClient;
  readonly url: string;
  /** The embedded store’s journal of this server (a fresh temporary path unless DATA_FILE is given). */
  readonly dataFile: string;
  /** A client that sends `Authorization: Bearer <token>`. */
  clientWithToken(token: string): GraphQLClient;
  close(): Promise<void>;
}

/** A data file path of its own for one test server, so tests never touch var/ or each other. */
export function freshDataFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'skill-graph-test-')), 'graph.journal');
}

/** The real server on a free port, with the environment a test would set. */
export async function startTestServer(
  env: Record<string, string> = {},
  overrides: ServerOverrides = {},
): Promise<TestServer> {
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    DATA_FILE: freshDataFile(),
    // Every query a test sends is also run by graphql-js, and the two answers compared.
    GRAPHQL_EXECUTOR: 'compare',
    ...env,
  });
  const server = await startServer(config, overrides);
  return {
    server,
    url: server.url,
    dataFile: config.dataFile,
    client: new GraphQLClient(server.url, { errorPolicy: 'all' }),
    clientWithToken: (token) =>
      new GraphQLClient(server.url, { errorPolicy: 'all', headers: { authorization: `Bearer ${token}` } }),
    close: async () => {
      await server.close();
      // graphql-jit must answer exactly as graphql-js would: a difference fails the suite.
      if (server.executionMismatches.length > 0) {
        const [first] = server.executionMismatches;
        throw new Error(
          `${server.executionMismatches.length} queries answered differently by graphql-jit and graphql-js; the first:\n` +
            `${first!.query}\njit:        ${first!.jit}\ngraphql-js: ${first!.graphqlJs}`,
        );
      }
    },
  };
}

export interface GraphQLErrorShape {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: Record<string, unknown>;
}

/**
 * Runs a query and returns data, errors and the HTTP status without throwing, so tests can
 * assert on all three (graphql-request throws for non-2xx answers such as validation failures).
 */
export async function execute<T = Record<string, unknown>>(
  client: GraphQLClient,
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ data: T | null | undefined; errors: readonly GraphQLErrorShape[]; status: number }> {
  try {
    const response = await client.rawRequest<T>(query, variables);
    return {
      data: response.data,
      errors: (response.errors ?? []) as readonly GraphQLErrorShape[],
      status: response.status,
    };
  } catch (error) {
    if (!(error instanceof ClientError)) throw error;
    const { data, errors, status } = error.response;
    return { data: data as T | undefined, errors: (errors ?? []) as readonly GraphQLErrorShape[], status };
  }
}

/** POSTs `body` as JSON and reads the answer as JSON, whatever its status. */
export async function postJson(url: string, body: unknown) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
}
