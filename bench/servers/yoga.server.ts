import 'reflect-metadata';

import { createServer } from 'node:http';

import { createYoga } from 'graphql-yoga';

import { buildPlainSchema } from '../plain-schema';
import { cpuMetrics, referenceContext } from './reference-context';

// Reference: graphql-yoga on node:http with its defaults (graphql-js execution, parse and
// validation caches), plain graphql-js resolvers over the same services and loaders.
const yoga = createYoga({
  schema: buildPlainSchema(),
  graphqlEndpoint: '/graphql',
  logging: false,
  landingPage: false,
  context: () => referenceContext(),
});
const server = createServer((request, response) => {
  if (request.url === '/metrics') {
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end(cpuMetrics());
    return;
  }
  void yoga(request, response);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address() as { port: number };
  process.stdout.write(`ready http://127.0.0.1:${address.port}/graphql\n`);
});
