import { AppError } from '../errors/app-error';

/** GraphQL IDs are decimal strings of BIGINT primary keys; anything else is bad input. */
export function parseId(value: string, field = 'id'): string {
  if (typeof value !== 'string' || !/^[1-9]\d{0,18}$/.test(value)) {
    throw AppError.badInput(`${field} is not a valid id`, field);
  }
  return value;
}

/** Like parseId, but an id that cannot exist simply finds nothing (for lookups). */
export function tryParseId(value: string): string | undefined {
  return typeof value === 'string' && /^[1-9]\d{0,18}$/.test(value) ? value : undefined;
}
