import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';

import { hashOf } from '../trusted-documents';

/**
 * Heap held by a parsed document per character of its text, measured on the explorer's operations
 * (39–47 bytes: every token is kept, linked, with its location). A document that is mostly a
 * comment holds about one byte per character, so this overstates it: such a document is worth
 * little to cache.
 */
export const PARSED_BYTES_PER_CHAR = 48;
/** Per entry: the key, the LRU's own bookkeeping. */
const ENTRY_OVERHEAD = 256;

export const sourceLength = (document: DocumentNode): number => document.loc?.source.body.length ?? 0;

/**
 * Apollo's cache of parsed and validated documents, keyed by Apollo's SHA-256 of the query text
 * and bounded by a number of entries and by an estimate of their heap bytes. Apollo's default
 * weighs each new document by serialising the whole AST to JSON: a tenth of the cost of a query
 * seen for the first time. The length of its text, kept by the parser, is free.
 */
export class DocumentCache implements KeyValueCache<DocumentNode> {
  private readonly entries: LRUCache<string, DocumentNode>;

  /** `pinned`: documents parsed and validated ahead of time (trusted documents), by hash. */
  constructor(
    limits: { readonly maxEntries: number; readonly maxBytes: number },
    private readonly pinned: (hash: string) => DocumentNode | undefined = () => undefined,
  ) {
    this.entries = new LRUCache<string, DocumentNode>({
      max: limits.maxEntries,
      maxSize: limits.maxBytes,
      sizeCalculation: (document, key) => ENTRY_OVERHEAD + key.length + sourceLength(document) * PARSED_BYTES_PER_CHAR,
    });
  }

  /** The estimated bytes held (tests and metrics). */
  get bytes(): number {
    return this.entries.calculatedSize;
  }

  async get(key: string): Promise<DocumentNode | undefined> {
    return this.pinned(hashOf(key)) ?? this.entries.get(key);
  }

  async set(key: string, value: DocumentNode): Promise<void> {
    // (One that weighs more than the whole bound is not kept: lru-cache's maxEntrySize.)
    this.entries.set(key, value);
  }

  async delete(key: string): Promise<boolean> {
    return this.entries.delete(key);
  }
}
