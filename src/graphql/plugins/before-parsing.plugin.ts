import type { ApolloServerPlugin, GraphQLRequest } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';

import type { Context } from '../request-context';
import { QUERY_LIMIT_EXCEEDED } from '../query-limits';
import { type TrustedDocuments, sha256 } from '../trusted-documents';

const PERSISTED_QUERY_NOT_ALLOWED = 'PERSISTED_QUERY_NOT_ALLOWED';
const QUERY_BYTES_LIMIT = 'bytes';

/** Why a request is refused before its text is looked up, parsed or validated. */
interface Refusal {
  /** For the rejections metric. */
  readonly reason: string;
  readonly error: GraphQLFormattedError;
}

/** A refusal, or null to let the request go on. */
export type SourceCheck = (request: GraphQLRequest) => Refusal | null;

/**
 * Checks on the request as Apollo parsed it from HTTP (`query`, `extensions.persistedQuery`), so
 * no second parser of ours can read a different request than the one Apollo runs.
 *
 * Apollo has no hook that may refuse a request before parsing: an error thrown from
 * `requestDidStart` or `didResolveSource` becomes a masked 500, and `didResolveOperation` comes
 * after parsing and validation. So a refused request loses its query and persisted-query
 * extension in `requestDidStart`: Apollo then answers it at once with its own 400 (no document),
 * without an APQ lookup, parse or validation, and that answer's error is replaced by ours.
 */
export function beforeParsingPlugin(
  checks: readonly SourceCheck[],
  onRefused: (reason: string) => void,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ request }) {
      let refusal: Refusal | null = null;
      for (const check of checks) {
        refusal = check(request);
        if (refusal !== null) break;
      }
      if (refusal === null) return;
      const { reason, error } = refusal;
      onRefused(reason);
      delete request.query;
      delete request.extensions;
      return {
        async willSendResponse({ response, contextValue }) {
          response.http.status = 400;
          response.body = { kind: 'single', singleResult: { errors: [error] } };
          contextValue.stats.outcome = 'rejected';
        },
      };
    },
  };
}

/** TRUSTED_DOCUMENTS=only: a registered operation, by its text or by its hash; nothing else. */
export function trustedOnly(trusted: TrustedDocuments): SourceCheck {
  return (request) => {
    const hash: unknown = request.extensions?.persistedQuery?.sha256Hash;
    // The text wins: Apollo runs the text, whatever hash comes with it.
    const id = typeof request.query === 'string' ? sha256(request.query) : typeof hash === 'string' ? hash : null;
    if (id !== null && trusted.has(id)) return null;
    return {
      reason: 'untrusted',
      error: {
        message:
          'This server answers registered operations only (TRUSTED_DOCUMENTS=only), and this document is not one of them.',
        extensions: { code: PERSISTED_QUERY_NOT_ALLOWED },
      },
    };
  };
}

/**
 * A bound on the query text, comments and white space included: the parser's token limit does
 * not count them, and a document cached after parsing keeps its whole text.
 */
export function maxQueryBytes(max: number): SourceCheck {
  return ({ query }) => {
    // Bytes as sent (UTF-8): one to three per UTF-16 unit, so the length alone often decides.
    if (query === undefined || query.length * 3 <= max) return null;
    const actual = Buffer.byteLength(query);
    if (actual <= max) return null;
    return {
      reason: QUERY_BYTES_LIMIT,
      error: {
        message: `The query’s text is ${actual} bytes, above the limit of ${max}`,
        extensions: { code: QUERY_LIMIT_EXCEEDED, limit: QUERY_BYTES_LIMIT, max, actual },
      },
    };
  };
}
