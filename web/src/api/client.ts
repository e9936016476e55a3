// The explorer's only way to the API: POST /graphql with a named operation, as any other client.
import type { Operations } from './generated/operations';
import type { TypedDocument } from './typed-document';

type OperationName = keyof Operations;
/** The answer to an operation, as generated from its document. */
export type ResultOf<N extends OperationName> = Operations[N]['result'];
type VariablesOf<N extends OperationName> = Operations[N]['variables'];

export type ErrorCode =
  | 'NETWORK'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'SERVICE_UNAVAILABLE'
  | 'TOO_MANY_REQUESTS'
  | 'INTERNAL_SERVER_ERROR'
  | string;

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const ENDPOINT: string = import.meta.env.VITE_GRAPHQL_URL ?? '/graphql';

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * Runs one operation. Any GraphQL error fails the whole call: every view asks only for what it
 * shows, so a partial answer would be a wrong page. The error keeps the API's code, so a view can
 * tell "no such skill" (NOT_FOUND) from "the API is down" (NETWORK, SERVICE_UNAVAILABLE).
 */
export async function query<N extends OperationName>(
  document: TypedDocument<N>,
  variables: VariablesOf<N>,
  signal?: AbortSignal,
): Promise<ResultOf<N>> {
  let response: Response;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query: document, variables }),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('The API cannot be reached. Check that the server is running, then try again.', 'NETWORK');
  }
  let body: GraphQLResponse<ResultOf<N>>;
  try {
    body = (await response.json()) as GraphQLResponse<ResultOf<N>>;
  } catch {
    throw new ApiError(
      `The API answered ${response.status} ${response.statusText} without a GraphQL result.`,
      'NETWORK',
    );
  }
  const first = body.errors?.[0];
  if (first !== undefined) throw new ApiError(first.message, first.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  if (body.data === undefined || body.data === null) {
    throw new ApiError(`The API answered ${response.status} with no data.`, 'INTERNAL_SERVER_ERROR');
  }
  return body.data;
}

/**
 * Runs one operation for a page with a form. An input the API refuses (a slug that is not a
 * skill, too many targets) becomes the problem the form shows in the API's words; anything else
 * (the API down, a bug) fails the page as query() does.
 */
export async function queryOrProblem<N extends OperationName>(
  document: TypedDocument<N>,
  variables: VariablesOf<N>,
  signal?: AbortSignal,
): Promise<{ data: ResultOf<N>; problem: null } | { data: null; problem: string }> {
  try {
    return { data: await query(document, variables, signal), problem: null };
  } catch (error) {
    if (!(error instanceof ApiError) || !['NOT_FOUND', 'BAD_USER_INPUT'].includes(error.code)) throw error;
    return { data: null, problem: error.message };
  }
}
