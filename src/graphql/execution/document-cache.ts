import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';

import { hashOf } from '../trusted-documents';

/**
 * Apollo's cache of parsed and validated documents, keyed by Apollo's SHA-256 of the query text
 * and bounded by a number of entries. Apollo's default bounds it by bytes, and to weigh each new
 * document serialises the whole AST to JSON: a tenth of the cost of a query seen for the first
 * time. Documents are small and similar; a count is bound enough.
 */
export class DocumentCache implements KeyValueCache<DocumentNode> {
  private readonly entries: LRUCache<string, DocumentNode>;

  /** `pinned`: documents parsed and validated ahead of time (trusted documents), by hash. */
  constructor(
    maxEntries: number,
    private readonly pinned: (hash: string) => DocumentNode | undefined = () => undefined,
  ) {
    this.entries = new LRUCache<string, DocumentNode>({ max: maxEntries });
  }

  async get(key: string): Promise<DocumentNode | undefined> {
    return this.pinned(hashOf(key)) ?? this.entries.get(key);
  }

  async set(key: string, value: DocumentNode): Promise<void> {
    this.entries.set(key, value);
  }

  async delete(key: string): Promise<boolean> {
    return this.entries.delete(key);
  }
}
