import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'graphql';

import { DocumentCache, PARSED_BYTES_PER_CHAR } from '../../src/graphql/execution/document-cache';
import { trustedDocumentManifest } from '../../src/graphql/trusted-document-sources';
import { PersistedQueryCache, TrustedDocuments, sha256 } from '../../src/graphql/trusted-documents';
import { buildSkillGraphSchema } from '../../src/graphql/schema';
import { PROJECT_ROOT } from '../../src/project-paths';
import { operations } from '../../web/src/api/operations';

const FILE = join(PROJECT_ROOT, 'trusted-documents.json');

describe('trusted documents', () => {
  it('trusted-documents.json lists exactly the explorer’s operations and the examples of docs/api (npm run documents:emit)', () => {
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
    const cache = new DocumentCache({ maxEntries: 10, maxBytes: 2 ** 20 }, (hash) => trusted.document(hash));
    expect(await cache.get(`schema-hash:${id}`)).toBe(trusted.document(id));
    expect(await cache.get(`schema-hash:${sha256('{ levels { slug } }')}`)).toBeUndefined();
  });

  it('are always served by hash, however full the cache of other clients’ persisted queries is', async () => {
    const trusted = TrustedDocuments.load(FILE, await buildSkillGraphSchema(), []);
    const cache = new PersistedQueryCache(trusted, { maxEntries: 10, maxBytes: 64 * 1024 });
    for (let i = 0; i < 100; i++) await cache.set(`apq:${sha256(String(i))}`, `{ levels { slug } } # ${i}`);
    expect(await cache.get(`apq:${sha256(operations.ExplorerHome)}`)).toBe(operations.ExplorerHome);
  });
});

describe('caches of documents other clients send', () => {
  const MB = 2 ** 20;
  // Real documents of about 1 KB, each a little different, as a client making up new text for
  // every request sends them; count limits far above what fits in the byte bound.
  const documentText = (i: number) =>
    `query Q${i} { skills(first: ${i % 100}) { edges { node { slug name area { slug } level { slug } } } } }` +
    ` # ${'x'.repeat(900)} ${i}`;

  it('the parsed documents are bounded by bytes, whatever their number', async () => {
    const cache = new DocumentCache({ maxEntries: 100_000, maxBytes: MB });
    for (let i = 0; i < 5000; i++) await cache.set(`schema:${sha256(documentText(i))}`, parse(documentText(i)));
    expect(cache.bytes).toBeLessThanOrEqual(MB);
    // Full: it holds about a megabyte's worth, not five thousand documents.
    const each = documentText(0).length * PARSED_BYTES_PER_CHAR;
    expect(cache.bytes).toBeGreaterThan(MB - 2 * each);
    expect(await cache.get(`schema:${sha256(documentText(4999))}`)).toBeDefined();
    expect(await cache.get(`schema:${sha256(documentText(0))}`)).toBeUndefined();
  });

  it('a document larger than the whole bound is not kept', async () => {
    const cache = new DocumentCache({ maxEntries: 100, maxBytes: MB });
    const huge = `{ __typename } # ${'x'.repeat(MB / PARSED_BYTES_PER_CHAR)}`;
    await cache.set('schema:huge', parse(huge));
    expect(await cache.get('schema:huge')).toBeUndefined();
    expect(cache.bytes).toBe(0);
  });

  it('automatic persisted queries are bounded by bytes, whatever their number', async () => {
    const cache = new PersistedQueryCache(TrustedDocuments.none(), { maxEntries: 100_000, maxBytes: MB });
    for (let i = 0; i < 5000; i++) await cache.set(`apq:${sha256(documentText(i))}`, documentText(i));
    expect(cache.bytes).toBeLessThanOrEqual(MB);
    expect(cache.bytes).toBeGreaterThan(MB / 2);
    expect(await cache.get(`apq:${sha256(documentText(4999))}`)).toBe(documentText(4999));
    expect(await cache.get(`apq:${sha256(documentText(0))}`)).toBeUndefined();
  });
});
