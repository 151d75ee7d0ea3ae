import { AppError } from '../errors/app-error';

export const MAX_PAGE_SIZE = 50;

/** Validates a page size: 1..MAX_PAGE_SIZE, default when not given. */
export function pageSize(first: number | null | undefined, fallback = 20, max = MAX_PAGE_SIZE): number {
  if (first === null || first === undefined) return Math.min(fallback, max);
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw AppError.badInput(`first must be between 1 and ${max}`, 'first');
  }
  return first;
}

/** Opaque cursors: base64url of "<kind>:<value>", checked on the way back in. */
export function encodeCursor(kind: string, value: string | number): string {
  return Buffer.from(`${kind}:${value}`, 'utf8').toString('base64url');
}

export function decodeCursor(kind: string, cursor: string | null | undefined): string | undefined {
  if (cursor === null || cursor === undefined || cursor === '') return undefined;
  const text = /^[A-Za-z0-9_-]{1,200}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const prefix = `${kind}:`;
  if (!text.startsWith(prefix)) throw AppError.badInput('after is not a valid cursor', 'after');
  return text.slice(prefix.length);
}

export function decodeIdCursor(kind: string, cursor: string | null | undefined): string | undefined {
  const value = decodeCursor(kind, cursor);
  if (value !== undefined && !/^\d{1,19}$/.test(value))
    throw AppError.badInput('after is not a valid cursor', 'after');
  return value;
}

export function decodeOffsetCursor(kind: string, cursor: string | null | undefined): number {
  const value = decodeCursor(kind, cursor);
  if (value === undefined) return 0;
  if (!/^\d{1,6}$/.test(value)) throw AppError.badInput('after is not a valid cursor', 'after');
  return Number(value);
}
