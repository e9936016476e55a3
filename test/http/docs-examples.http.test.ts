import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { apiGuidePages, graphqlExamples } from '../../src/graphql/trusted-document-sources';
import { sha256 } from '../../src/graphql/trusted-documents';
import { PROJECT_ROOT } from '../../src/project-paths';
import { type TestServer, startTestServer } from '../support/test-server';

// The API guide teaches by example: an example that no longer runs, or an answer that is no
// longer what the server says, misleads the reader who copies it. Each page's examples run in
// order on a fresh server (the editing page's mutations change what later examples read), sent
// by hash alone, so each is also proved registered in trusted-documents.json.

const TOKEN = 'docs-example-token-0123';

/** Each example with the block right after it when that block shows its answer. */
function examplesOf(page: string): { query: string; answer: { kind: 'json' | 'mermaid'; text: string } | null }[] {
  const text = readFileSync(join(PROJECT_ROOT, page), 'utf8');
  const found = [...text.matchAll(/```graphql\n([\s\S]*?)```(?:\n\n```(json|mermaid)\n([\s\S]*?)```)?/g)].map(
    (match) => ({
      query: match[1]!,
      answer: match[2] === undefined ? null : { kind: match[2] as 'json' | 'mermaid', text: match[3]! },
    }),
  );
  expect(found.map(({ query }) => query)).toEqual(graphqlExamples(page));
  return found;
}

describe.each(apiGuidePages())('the examples of %s', (page) => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({ EDITOR_TOKENS: `docs:${TOKEN}` });
  });
  afterAll(() => api.close());

  it('run, registered, and answer what the page shows', async () => {
    for (const { query, answer } of examplesOf(page)) {
      const response = await fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } }),
      });
      const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
      if (answer === null) {
        expect([query, body.errors]).toEqual([query, undefined]);
      } else if (answer.kind === 'json') {
        expect([query, body]).toEqual([query, JSON.parse(answer.text)]);
      } else {
        // A diagram is shown as it renders: the source string of the one field asked for.
        const [field] = Object.values(body.data ?? {}) as Record<string, unknown>[];
        expect([query, Object.values(field ?? {})[0]]).toEqual([query, answer.text]);
      }
    }
  });
});
