import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { DocumentCache } from '../../src/graphql/execution/document-cache';
import { trustedDocumentManifest } from '../../src/graphql/trusted-document-sources';
import { TrustedDocuments, requestedDocumentId, sha256 } from '../../src/graphql/trusted-documents';
import { buildSkillGraphSchema } from '../../src/graphql/schema';
import { PROJECT_ROOT } from '../../src/project-paths';
import { operations } from '../../web/src/api/operations';

const FILE = join(PROJECT_ROOT, 'trusted-documents.json');

describe('trusted documents', () => {
  it('trusted-documents.json lists exactly the explorer’s operations and the README’s examples (npm run documents:emit)', () => {
    expect(JSON.parse(readFileSync(FILE, 'utf8'))).toEqual(trustedDocumentManifest(operations));
  });

  it('are all valid against the schema, and each is known by its hash', async () => {
    const trusted = TrustedDocuments.load(FILE, await buildSkillGraphSchema(), []);
    expect(trusted.size).toBeGreaterThanOrEqual(Object.keys(operations).length);
    for (const body of Object.values(operations)) {
      expect(trusted.has(sha256(body))).toBe(true);
      expect(trusted.document(sha256(body))).toBeDefined();
    }
  });

  it('are served from the document cache without parsing, under any key prefix', async () => {
    const trusted = TrustedDocuments.load(FILE, await buildSkillGraphSchema(), []);
    const id = sha256(operations.ExplorerSkill);
    const cache = new DocumentCache(10, (hash) => trusted.document(hash));
    expect(await cache.get(`schema-hash:${id}`)).toBe(trusted.document(id));
    expect(await cache.get(`schema-hash:${sha256('{ levels { slug } }')}`)).toBeUndefined();
  });

  it('name a request’s document by its text, or by the hash of a persisted query', () => {
    const text = '{ levels { slug } }';
    expect(requestedDocumentId('POST', { query: text }, {})).toBe(sha256(text));
    const extensions = { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } };
    expect(requestedDocumentId('POST', { extensions }, {})).toBe('a'.repeat(64));
    expect(requestedDocumentId('GET', null, { extensions: JSON.stringify(extensions) })).toBe('a'.repeat(64));
    expect(requestedDocumentId('GET', null, { query: text })).toBe(sha256(text));
    expect(requestedDocumentId('POST', 'not json', {})).toBeNull();
    expect(requestedDocumentId('GET', null, { extensions: '{broken' })).toBeNull();
  });
});
