declare const operationName: unique symbol;

/**
 * A document's text marked with its operation's name, which api/client.ts's query() looks up in
 * the generated types for the variables it takes and the shape of its answer. Only a mark for
 * the compiler: at run time it is the string itself, byte for byte what the explorer sends and
 * trusted-documents.json registers. (Nothing here imports the generated types, so the generator,
 * which reads operations.ts, compiles before they exist or while they are stale.)
 */
export type TypedDocument<N extends string> = string & { readonly [operationName]: N };

/** The documents by operation name; the compiler holds each key to its document's mark. */
export function byOperationName<T extends { [N in keyof T]: TypedDocument<N & string> }>(documents: T): T {
  return documents;
}
