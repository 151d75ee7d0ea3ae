import { AppError, ErrorCode, errorMessage } from '@app/core';
import { Logger } from '@nestjs/common';
import { isMeiliUnavailable } from './meili/meili-client';

const logger = new Logger('Search');

export function searchUnavailable(): AppError {
  return new AppError(
    ErrorCode.SERVICE_UNAVAILABLE,
    'Search is temporarily unavailable, please try again shortly',
  );
}

/** Runs a Meilisearch read; an outage becomes SERVICE_UNAVAILABLE (logged), anything else stays a bug. */
export async function readFromMeili<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (!isMeiliUnavailable(err)) throw err;
    logger.warn(`${what}: Meilisearch unavailable (${errorMessage(err)})`);
    throw searchUnavailable();
  }
}
