import type { EntityKind } from '../domain/model/domain-error';

/** Readable and unique across types, so clients can cache by id (Apollo Client, Relay). */
export function globalId(kind: EntityKind, slug: string): string {
  return `${kind}:${slug}`;
}
