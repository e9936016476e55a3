// A self-hosted GraphiQL for development: bundled with the app, so the API can be explored with
// no internet (Apollo Sandbox loads itself from Apollo's CDN). The API serves it at /graphiql
// only when NODE_ENV=development.
import 'graphiql/style.css';

import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

const fetcher = createGraphiQLFetcher({ url: new URL('/graphql', window.location.href).toString() });

const defaultQuery = `# The prerequisite chain of a skill, with the reason for each edge.
query Chain {
  prerequisiteChain(skill: "distributed-transactions", maxDepth: 3) {
    order { slug name }
    edges { from { slug } to { slug } strength reason }
  }
}
`;

createRoot(document.getElementById('graphiql')!).render(createElement(GraphiQL, { fetcher, defaultQuery }));
