import 'reflect-metadata';

import { ApolloServer } from '@apollo/server';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify from 'fastify';
import type { GraphQLSchema } from 'graphql';

import { EmbeddedGraphStore } from './adapters/embedded/embedded-graph-store';
import { Neo4jGraphStore } from './adapters/neo4j/neo4j-graph-store';
import { MemoryRateLimiter } from './adapters/rate-limit/memory-rate-limiter';
import { EditorAuthenticator } from './auth/editor-authenticator';
import type { Config } from './config';
import { loadDataset } from './dataset/load-dataset';
import type { GraphStore } from './domain/ports/graph-store.port';
import type { Context } from './graphql/context.type';
import { createContext } from './graphql/context.type';
import { createFormatError } from './graphql/format-error';
import { buildSkillGraphSchema } from './graphql/schema';

// The composition root: the only module that knows which store is in use.

export interface SkillGraphServer {
  /** Base URL of the GraphQL endpoint, with the port actually bound (useful with port 0). */
  readonly url: string;
  readonly store: GraphStore;
  close(): Promise<void>;
}

export interface ServerOverrides {
  /** A ready store to serve instead of the configured one; the server closes it on close(). */
  readonly store?: GraphStore;
  readonly schema?: GraphQLSchema;
}

/**
 * Neo4j when NEO4J_URI is set; otherwise the embedded store, from its data file when there is
 * one (accepted changes survive restarts), else from the canonical dataset.
 */
export function createStore(config: Config): GraphStore {
  if (config.neo4j !== null) return Neo4jGraphStore.connect(config.neo4j);
  return EmbeddedGraphStore.open({ dataFile: config.dataFile, initial: () => loadDataset(config.dataDir) });
}

export async function startServer(config: Config, overrides: ServerOverrides = {}): Promise<SkillGraphServer> {
  const store = overrides.store ?? createStore(config);
  const schema = overrides.schema ?? (await buildSkillGraphSchema());
  const development = config.nodeEnv === 'development';

  const app = Fastify({ logger: { level: config.logLevel } });
  const apollo = new ApolloServer<Context>({
    schema,
    includeStacktraceInErrorResponses: development,
    formatError: createFormatError({
      exposeInternals: development,
      onServerError: (error) => app.log.error({ err: error }, 'request failed on the server side'),
    }),
    plugins: [fastifyApolloDrainPlugin(app)],
  });
  await apollo.start();

  app.get('/', (_request, reply) => reply.redirect('/graphql'));
  const authenticator = new EditorAuthenticator(config.editors);
  const dependencies = {
    store,
    clock: { now: () => new Date() },
    reportLimiter: new MemoryRateLimiter(config.reportProblemLimit, config.reportProblemWindowSeconds),
  };
  await app.register(fastifyApollo(apollo), {
    path: '/graphql',
    context: async (request) =>
      createContext(dependencies, {
        editor: authenticator.authenticate(request.headers.authorization),
        client: request.ip,
      }),
  });

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await apollo.stop();
    await store.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;

  return {
    url: `http://${host}:${port}/graphql`,
    store,
    async close() {
      await app.close(); // drains in-flight requests, then stops Apollo via the drain plugin
      await apollo.stop();
      await store.close();
    },
  };
}
