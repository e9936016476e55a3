import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';

import type { DomainErrorCode } from '../domain/domain-error';
import { DomainError } from '../domain/domain-error';

export interface FormatErrorOptions {
  /** Development only: pass unexpected errors through with their detail. */
  readonly exposeInternals: boolean;
  /** Sees every server-side failure (a bug, or the store being unavailable), unmasked, so it can be logged. */
  readonly onServerError: (error: unknown) => void;
}

/**
 * The one place errors become client-facing. Domain errors keep their message and data under a
 * GraphQL code; errors graphql-js and Apollo raise on purpose (syntax, validation, coercion)
 * pass through; anything else is a bug and is masked.
 */
export function createFormatError({ exposeInternals, onServerError }: FormatErrorOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const { locations, path } = formatted;
    if (original instanceof DomainError) {
      if (original.code === 'STORE_UNAVAILABLE') onServerError(original);
      return {
        message: original.message,
        locations,
        path,
        extensions: { ...original.details, code: graphqlCode(original.code) },
      };
    }
    if (original instanceof GraphQLError) return formatted;
    onServerError(original);
    if (exposeInternals) return formatted;
    return { message: 'Internal server error', locations, path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

export function graphqlCode(code: DomainErrorCode): string {
  switch (code) {
    case 'NOT_FOUND':
      return 'NOT_FOUND';
    case 'INVALID_ARGUMENT':
      return 'BAD_USER_INPUT';
    case 'INVALID_DATASET':
      return 'INTERNAL_SERVER_ERROR';
    case 'STORE_UNAVAILABLE':
      return 'SERVICE_UNAVAILABLE';
    case 'INVALID_INPUT':
      return 'BAD_USER_INPUT';
    case 'UNAUTHENTICATED':
      return 'UNAUTHENTICATED';
    case 'CONFLICT':
    case 'SKILL_IN_USE':
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
