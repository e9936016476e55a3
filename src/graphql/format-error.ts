import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';

import type { DomainErrorCode } from '../domain/model/domain-error';
import { DomainError } from '../domain/model/domain-error';
import { LIMIT_NAMES, QUERY_LIMIT_EXCEEDED, isTokenLimitError, limitError } from './query-limits';

export interface FormatErrorOptions {
  /** Development only: pass unexpected errors through with their detail. */
  readonly exposeInternals: boolean;
  /** Production: no "Did you mean …?" in any message, coercion errors included; they map the schema. */
  readonly stripSuggestions: boolean;
  readonly maxTokens: number;
  readonly onTokenLimit: () => void;
}

export const INTERNAL_ERROR_MESSAGE = 'Internal server error';

/**
 * What was thrown first. Apollo wraps what a plugin or the context throws in a GraphQLError
 * without a path, which unwrapResolverError leaves alone: a RangeError from a plugin is a bug
 * all the same.
 */
export function rootCause(error: unknown): unknown {
  let cause = unwrapResolverError(error);
  while (cause instanceof GraphQLError && cause.originalError !== undefined && cause.originalError !== null) {
    cause = unwrapResolverError(cause.originalError);
  }
  return cause;
}

/** Bugs, as opposed to refusals the domain, graphql-js or Apollo make on purpose. */
export function isUnexpected(error: unknown): boolean {
  const cause = rootCause(error);
  return !(cause instanceof DomainError) && !(cause instanceof GraphQLError);
}

/** Failures on the server's side worth an operator's attention: bugs and an unavailable store. */
export function isServerSide(error: unknown): boolean {
  const cause = rootCause(error);
  return isUnexpected(error) || (cause instanceof DomainError && cause.code === 'STORE_UNAVAILABLE');
}

/**
 * The one place errors become client-facing. Domain errors keep their message and data under a
 * GraphQL code; errors graphql-js and Apollo raise on purpose (syntax, validation, coercion)
 * pass through; anything else is a bug and is masked (the request-observer plugin logs it and
 * gives the client its request id).
 */
export function createFormatError({ exposeInternals, stripSuggestions, maxTokens, onTokenLimit }: FormatErrorOptions) {
  const echoed = (message: string) => bounded(stripSuggestions ? withoutSuggestions(message) : message);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const cause = rootCause(error);
    const { locations, path } = formatted;
    if (cause instanceof DomainError) {
      return {
        message: cause.message,
        locations,
        path,
        extensions: { ...cause.details, code: graphqlCode(cause.code) },
      };
    }
    if (isTokenLimitError(original)) {
      onTokenLimit();
      const { message, extensions } = limitError('tokens', maxTokens, null);
      const { http: _http, ...rest } = extensions as Record<string, unknown>;
      return { message, extensions: rest };
    }
    if (isLimitRefusal(formatted)) {
      // Apollo files refusals made during validation under GRAPHQL_VALIDATION_FAILED; ours keep their own code.
      return { ...formatted, extensions: { ...formatted.extensions, code: QUERY_LIMIT_EXCEEDED } };
    }
    // graphql-js and Apollo quote the client's input (an unknown operationName of any size):
    // bounded, so an answer never grows with what a client sent.
    if (cause instanceof GraphQLError) {
      return { ...formatted, message: echoed(formatted.message), extensions: codeOfRefusal(formatted, error) };
    }
    if (exposeInternals) return formatted;
    return { message: INTERNAL_ERROR_MESSAGE, locations, path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

/** graphql-js's hint, ` Did you mean "a", "b", or "c"?` (or `the enum value "A"`), at the end of a message. */
const SUGGESTION = / Did you mean (?:[a-z][a-z ]* )?"[^"]*"(?:(?:, or |, | or )"[^"]*")*\?$/;

export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, '');
}

/**
 * Apollo refuses some requests on purpose with a GraphQLError that has an HTTP status of 4xx but
 * no code ("provided sha does not match query", "Unsupported persisted query version"), and then
 * files them under INTERNAL_SERVER_ERROR, which reads as a bug of ours in clients and metrics.
 */
function codeOfRefusal(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError['extensions'] {
  if (!(error instanceof GraphQLError) || error.extensions.code !== undefined) return formatted.extensions;
  const status = (error.extensions.http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500
    ? { ...formatted.extensions, code: 'BAD_REQUEST' }
    : formatted.extensions;
}

const MAX_ECHOED_MESSAGE = 300;

function bounded(message: string): string {
  return message.length <= MAX_ECHOED_MESSAGE
    ? message
    : `${message.slice(0, MAX_ECHOED_MESSAGE)}… (${message.length - MAX_ECHOED_MESSAGE} more characters)`;
}

function isLimitRefusal(formatted: GraphQLFormattedError): boolean {
  const limit = formatted.extensions?.limit;
  return (
    typeof limit === 'string' &&
    (LIMIT_NAMES as readonly string[]).includes(limit) &&
    typeof formatted.extensions?.max === 'number'
  );
}

function graphqlCode(code: DomainErrorCode): string {
  switch (code) {
    case 'NOT_FOUND':
      return 'NOT_FOUND';
    case 'INVALID_ARGUMENT':
    case 'INVALID_INPUT':
      return 'BAD_USER_INPUT';
    case 'INVALID_DATASET':
      return 'INTERNAL_SERVER_ERROR';
    case 'STORE_UNAVAILABLE':
      return 'SERVICE_UNAVAILABLE';
    case 'UNAUTHENTICATED':
      return 'UNAUTHENTICATED';
    case 'CONFLICT':
    case 'SKILL_IN_USE':
    case 'INTEGRITY_VIOLATION':
      return 'CONFLICT';
    case 'PREREQUISITE_CYCLE':
      return 'PREREQUISITE_CYCLE';
    case 'CHAIN_TOO_LONG':
      return 'CHAIN_TOO_LONG';
    case 'RATE_LIMITED':
      return 'RATE_LIMITED';
    default:
      return unreachable(code);
  }
}

function unreachable(value: never): never {
  throw new Error(`Unhandled domain error code: ${String(value)}`);
}
