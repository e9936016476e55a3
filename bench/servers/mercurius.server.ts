import 'reflect-metadata';

import Fastify from 'fastify';
import mercurius from 'mercurius';

import { buildPlainSchema } from '../plain-schema';
import { cpuMetrics, referenceContext } from './reference-context';

// Reference: mercurius on Fastify with graphql-jit (compiling a document from its first reuse),
// plain graphql-js resolvers over the same services and loaders. Benchmark only.
async function main(): Promise<void> {
  const app = Fastify({ logger: false });
  await app.register(mercurius, {
    schema: buildPlainSchema(),
    jit: 1,
    path: '/graphql',
    context: () => referenceContext(),
  });
  app.get('/metrics', async (_request, reply) => reply.type('text/plain').send(cpuMetrics()));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address() as { port: number };
  process.stdout.write(`ready http://127.0.0.1:${address.port}/graphql\n`);
}

void main();
