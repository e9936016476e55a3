// Errors the domain raises on purpose. Each carries a stable code and the data a client needs;
// the GraphQL layer maps codes to GraphQL error codes in one place (format-error.ts).

export type DomainErrorCode = 'NOT_FOUND' | 'INVALID_ARGUMENT' | 'INVALID_DATASET' | 'STORE_UNAVAILABLE';

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
  /** Safe to show to clients: no internals, no secrets. */
  abstract readonly details: Readonly<Record<string, unknown>>;

  protected constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

export type EntityKind = 'Area' | 'Skill' | 'SeniorityLevel' | 'Responsibility' | 'Resource';

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  readonly details: { kind: EntityKind; slug: string; slugs?: readonly string[] };

  /** One slug, or several when a list argument names more than one that does not exist. */
  constructor(kind: EntityKind, slugs: string | readonly string[]) {
    const all = typeof slugs === 'string' ? [slugs] : slugs;
    const quoted = all.map((slug) => `"${slug}"`).join(', ');
    super(all.length === 1 ? `${kind} ${quoted} does not exist` : `${kind}s ${quoted} do not exist`);
    this.details = all.length === 1 ? { kind, slug: all[0] } : { kind, slug: all[0], slugs: all };
  }
}

export class InvalidArgumentError extends DomainError {
  readonly code = 'INVALID_ARGUMENT';
  readonly details: { argument: string };

  constructor(argument: string, expected: string, received: unknown) {
    super(`${argument} must be ${expected}; received ${JSON.stringify(received)}`);
    this.details = { argument };
  }
}

/** The canonical dataset broke a rule; the message names the record. Raised at load, never per request. */
export class InvalidDatasetError extends DomainError {
  readonly code = 'INVALID_DATASET';
  readonly details: { problems: readonly string[] };

  constructor(problems: readonly string[]) {
    super(`Invalid dataset:\n  - ${problems.join('\n  - ')}`);
    this.details = { problems };
  }
}

/**
 * The store did not answer (down, unreachable or too slow). Safe to retry later. The message
 * never names hosts or credentials; the cause is kept for the logs.
 */
export class StoreUnavailableError extends DomainError {
  readonly code = 'STORE_UNAVAILABLE';
  readonly details = {};

  constructor(options?: ErrorOptions) {
    super('The graph store is unavailable; try again shortly', options);
  }
}
