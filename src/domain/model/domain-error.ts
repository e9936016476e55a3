import type { RuleId } from '../editing/integrity/rules';

// Errors the domain raises on purpose. Each carries a stable code and the data a client needs;
// the GraphQL layer maps codes to GraphQL error codes in one place (format-error.ts).

export type DomainErrorCode =
  | 'NOT_FOUND'
  | 'INVALID_ARGUMENT'
  | 'INVALID_INPUT'
  | 'INVALID_DATASET'
  | 'STORE_UNAVAILABLE'
  | 'UNAUTHENTICATED'
  | 'CONFLICT'
  | 'SKILL_IN_USE'
  | 'PREREQUISITE_CYCLE'
  | 'CHAIN_TOO_LONG'
  | 'INTEGRITY_VIOLATION'
  | 'RATE_LIMITED';

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
  /** Safe to show to clients: no internals, no secrets. */
  abstract readonly details: Readonly<Record<string, unknown>>;

  protected constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

export type EntityKind =
  | 'Area'
  | 'Skill'
  | 'SeniorityLevel'
  | 'Responsibility'
  | 'Resource'
  | 'Problem'
  | 'Prerequisite'
  | 'RelatedTopic'
  | 'ResourceLink';

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

  /** `reason` is for operators (readiness), never sent to clients. */
  constructor(
    options?: ErrorOptions,
    readonly reason: string = 'the graph store does not answer',
  ) {
    super('The graph store is unavailable; try again shortly', options);
  }
}

export interface FieldProblem {
  /** Path of the field in the arguments, for example "input.url". */
  readonly field: string;
  /** The integrity rule it breaks (integrity/rules.ts), for example "https-url". */
  readonly rule: RuleId;
  readonly message: string;
}

/** Input that breaks the record rules; lists every failing field at once. */
export class InvalidInputError extends DomainError {
  readonly code = 'INVALID_INPUT';
  readonly details: { fields: readonly FieldProblem[] };

  constructor(fields: readonly FieldProblem[]) {
    super(`Invalid input: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}`);
    this.details = { fields };
  }
}

/** A write without an editor's token. */
export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
  readonly details = {};

  constructor() {
    super('Changing the graph needs an editor token: send "Authorization: Bearer <token>"');
  }
}

/** The record already exists (a slug, an edge). */
export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
  readonly details: { kind: EntityKind; slug: string };

  constructor(kind: EntityKind, slug: string, message = `${kind} "${slug}" already exists`) {
    super(message);
    this.details = { kind, slug };
  }
}

/** A skill others require, or that has sub-topics, cannot be deleted without `force`. */
export class SkillInUseError extends DomainError {
  readonly code = 'SKILL_IN_USE';
  readonly details: { slug: string; requiredBy: readonly string[]; children: readonly string[] };

  constructor(slug: string, requiredBy: readonly string[], children: readonly string[]) {
    const parts = [
      requiredBy.length > 0 ? `required by ${requiredBy.join(', ')}` : '',
      children.length > 0 ? `the parent of ${children.join(', ')}` : '',
    ].filter(Boolean);
    super(`Skill "${slug}" is ${parts.join(' and ')}; delete with force: true to remove those links too`);
    this.details = { slug, requiredBy, children };
  }
}

/** The prerequisite would close a loop; `cycle` lists it in order, first slug repeated last. */
export class PrerequisiteCycleError extends DomainError {
  readonly code = 'PREREQUISITE_CYCLE';
  readonly details: { cycle: readonly string[] };

  constructor(cycle: readonly string[]) {
    super(`The prerequisite would close a cycle: ${cycle.join(' → ')}`);
    this.details = { cycle };
  }
}

/** The prerequisite would make a chain longer than every traversal covers. */
export class ChainTooLongError extends DomainError {
  readonly code = 'CHAIN_TOO_LONG';
  readonly details: { chain: readonly string[]; maxDepth: number };

  constructor(chain: readonly string[], maxDepth: number) {
    super(`The prerequisite would make a chain of ${chain.length - 1} steps; at most ${maxDepth} are allowed`);
    this.details = { chain, maxDepth };
  }
}

export interface RecordRef {
  readonly kind: EntityKind;
  readonly slug: string;
}

/**
 * The write would leave the graph breaking one of its integrity rules (a resource teaching no
 * skill, a responsibility needing none); nothing was written. Names the rule and every record
 * that would break it.
 */
export class IntegrityViolationError extends DomainError {
  readonly code = 'INTEGRITY_VIOLATION';
  readonly details: { rule: RuleId; records: readonly RecordRef[] };

  constructor(rule: RuleId, description: string, records: readonly RecordRef[], detail?: string) {
    const names = records.map((r) => `${r.kind} "${r.slug}"`).join(', ');
    const sentence = `${description.charAt(0).toUpperCase()}${description.slice(1)}`;
    super(`${sentence}; this change would break that rule for ${names}${detail === undefined ? '' : ` (${detail})`}`);
    this.details = { rule, records };
  }
}

/** Too many requests of a kind from one client; retry after the given time. */
export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED';
  readonly details: { retryAfterSeconds: number };

  constructor(retryAfterSeconds: number) {
    super(`Too many reports from this client; try again in ${retryAfterSeconds} s`);
    this.details = { retryAfterSeconds };
  }
}

/**
 * A store that cannot open for a reason its operator fixes (its journal is held by another
 * process, or cannot be read). Not a DomainError: no client ever sees one, because the server
 * does not start; start-up prints the message, without a stack.
 */
export abstract class StoreOpenError extends Error {
  abstract readonly code: string;

  protected constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}
