import { unwrapResolverError } from '@apollo/server/errors';
import { HttpException, Logger } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { busyError, lockConflictOf } from '../database/transaction';
import { AppError, ErrorCode } from './app-error';
import { errorStack } from './error-message';

const logger = new Logger('GraphQLError');

// Codes produced by Apollo itself for malformed requests; their messages carry no internals.
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

function httpCode(status: number): ErrorCode | undefined {
  if (status === 400 || status === 422) return ErrorCode.BAD_USER_INPUT;
  if (status === 401) return ErrorCode.UNAUTHENTICATED;
  if (status === 403) return ErrorCode.FORBIDDEN;
  if (status === 404) return ErrorCode.NOT_FOUND;
  if (status === 409) return ErrorCode.CONFLICT;
  if (status === 429) return ErrorCode.RATE_LIMITED;
  return undefined;
}

/**
 * The one place that decides what a client sees of an error: known errors keep their code and
 * message, everything else becomes INTERNAL_SERVER_ERROR with a reference id, logged server-side.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof AppError) {
    return { ...base, message: original.message, extensions: { code: original.code, ...original.details } };
  }
  if (original instanceof HttpException) {
    const code = httpCode(original.getStatus());
    if (code) return { ...base, message: original.message, extensions: { code } };
  }
  // A lock conflict of a statement run outside inTransaction (which retries its own): the same
  // retryable answer as a transaction that gave up, never a bare internal error.
  const conflict = lockConflictOf(original);
  if (conflict) {
    const busy = busyError(conflict);
    logger.warn(`lock conflict outside a retried transaction (${conflict}): answered ${busy.code}`);
    return { ...base, message: busy.message, extensions: { code: busy.code, ...busy.details } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && CLIENT_CODES.has(code)) {
    return { ...base, extensions: { code } };
  }
  // Raised by GraphQL itself about the request as a whole (e.g. a subscription sent over HTTP),
  // not by a resolver: its message describes the request, not the server.
  if (original instanceof GraphQLError && !original.originalError && !original.path) {
    return { ...base, extensions: { code: 'BAD_REQUEST' } };
  }
  const ref = Math.random().toString(36).slice(2, 10);
  logger.error(`internal error ${ref}: ${errorStack(original)}`);
  return {
    message: `Internal server error (reference ${ref})`,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
