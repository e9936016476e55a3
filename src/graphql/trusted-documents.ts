import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { type DocumentNode, type GraphQLSchema, type ValidationRule, parse, specifiedRules, validate } from 'graphql';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';

/**
 * Operations registered ahead of time: the explorer's and the examples of docs/api/, listed by SHA-256 in
 * trusted-documents.json (Apollo's persisted query manifest format; `npm run documents:emit`
 * writes it, a test keeps it current). Each is parsed and validated once, at start, with every
 * rule a request would meet; requests that name one skip parsing and validation.
 */
const manifestSchema = z.object({
  format: z.literal('apollo-persisted-query-manifest'),
  version: z.literal(1),
  operations: z.array(
    z.object({
      id: z.string().regex(/^[0-9a-f]{64}$/),
      name: z.string(),
      type: z.enum(['query', 'mutation', 'subscription']),
      body: z.string(),
    }),
  ),
});
export type TrustedDocumentManifest = z.infer<typeof manifestSchema>;

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export class TrustedDocuments {
  private constructor(
    private readonly bodies: ReadonlyMap<string, string>,
    private readonly documents: ReadonlyMap<string, DocumentNode>,
  ) {}

  static none(): TrustedDocuments {
    return new TrustedDocuments(new Map(), new Map());
  }

  /** Reads and checks the manifest; a document that is not valid against the schema stops the start. */
  static load(file: string, schema: GraphQLSchema, rules: readonly ValidationRule[]): TrustedDocuments {
    if (!existsSync(file)) return TrustedDocuments.none();
    const manifest = manifestSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    const bodies = new Map<string, string>();
    const documents = new Map<string, DocumentNode>();
    for (const operation of manifest.operations) {
      if (sha256(operation.body) !== operation.id) throw new Error(`${file}: ${operation.name} does not match its id`);
      const document = parse(operation.body);
      const errors = validate(schema, document, [...specifiedRules, ...rules]);
      if (errors.length > 0) throw new Error(`${file}: ${operation.name} is not valid: ${errors[0]!.message}`);
      bodies.set(operation.id, operation.body);
      documents.set(operation.id, document);
    }
    return new TrustedDocuments(bodies, documents);
  }

  get size(): number {
    return this.bodies.size;
  }

  has(id: string): boolean {
    return this.bodies.has(id);
  }

  body(id: string): string | undefined {
    return this.bodies.get(id);
  }

  document(id: string): DocumentNode | undefined {
    return this.documents.get(id);
  }
}

/**
 * Apollo's automatic persisted queries, with the trusted documents always present: a client can
 * send only the hash of a registered operation, and other clients' hashes are remembered as
 * usual, bounded by count and by bytes (two per character: V8 keeps a string with any character
 * beyond Latin-1 in UTF-16).
 */
export class PersistedQueryCache implements KeyValueCache<string> {
  private readonly registered: LRUCache<string, string>;

  constructor(
    private readonly trusted: TrustedDocuments,
    limits: { readonly maxEntries: number; readonly maxBytes: number },
  ) {
    this.registered = new LRUCache<string, string>({
      max: limits.maxEntries,
      maxSize: limits.maxBytes,
      sizeCalculation: (value, key) => 128 + 2 * (key.length + value.length),
    });
  }

  /** The estimated bytes held (tests). */
  get bytes(): number {
    return this.registered.calculatedSize;
  }

  async get(key: string): Promise<string | undefined> {
    return this.trusted.body(hashOf(key)) ?? this.registered.get(key);
  }

  async set(key: string, value: string): Promise<void> {
    this.registered.set(key, value);
  }

  async delete(key: string): Promise<boolean> {
    return this.registered.delete(key);
  }
}

/** Apollo prefixes its keys ("apq:<hash>", "<schema hash>:<hash>"); the hash is the last part. */
export function hashOf(key: string): string {
  return key.slice(key.lastIndexOf(':') + 1);
}
