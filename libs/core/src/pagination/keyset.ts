import { DataSource } from 'typeorm';
import { AppError } from '../errors/app-error';
import { decodeCursor, encodeCursor, pageSize } from './cursor';

/**
 * One sort key of a keyset-paged list: an SQL expression (it may hold `?` placeholders, given in
 * `params`), its direction and the type of its values. The last key must be unique (the row's id), so
 * the order is total.
 */
export interface KeysetKey {
  sql: string;
  params?: unknown[];
  desc?: boolean;
  type: 'date' | 'number' | 'id';
}

export type KeyValue = Date | number | string;

export interface KeysetQuery<R> {
  /** Cursor kind, checked on the way back in. */
  kind: string;
  /** The select list (without SELECT) and its parameters. */
  select: string;
  selectParams?: unknown[];
  /** `FROM … WHERE …` (a WHERE clause is required; the keyset condition is ANDed to it) and its parameters. */
  from: string;
  fromParams?: unknown[];
  keys: KeysetKey[];
  /** The row's values of `keys`, in order. */
  keyOf: (row: R) => KeyValue[];
  first: number | null | undefined;
  after: string | null | undefined;
}

export interface KeysetResult<R> {
  /** The page's rows, each with its cursor. */
  entries: { row: R; cursor: string }[];
  hasNextPage: boolean;
  /** How many rows match in all (without the cursor). */
  totalCount: number;
}

const bad = () => AppError.badInput('after is not a valid cursor', 'after');

/** The cursor of a row: its sort-key values (dates as epoch milliseconds). */
export function encodeKeysetCursor(kind: string, keys: KeysetKey[], values: KeyValue[]): string {
  const out = keys.map((k, i) => {
    const v = values[i];
    if (k.type === 'date') return (v instanceof Date ? v : new Date(v)).getTime();
    if (k.type === 'number') return Number(v);
    return String(v);
  });
  return encodeCursor(kind, JSON.stringify(out));
}

/** The sort-key values of a cursor, checked against the keys (BAD_USER_INPUT otherwise). */
export function decodeKeysetCursor(
  kind: string,
  keys: KeysetKey[],
  cursor: string | null | undefined,
): KeyValue[] | undefined {
  const text = decodeCursor(kind, cursor);
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw bad();
  }
  if (!Array.isArray(parsed) || parsed.length !== keys.length) throw bad();
  return keys.map((k, i) => {
    const v: unknown = parsed[i];
    if (k.type === 'id') {
      if (typeof v !== 'string' || !/^\d{1,19}$/.test(v)) throw bad();
      return v;
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) throw bad();
    if (k.type === 'date') {
      const d = new Date(v);
      if (Number.isNaN(d.getTime())) throw bad();
      return d;
    }
    return v;
  });
}

/**
 * The condition "after this row" for a mixed-direction key list:
 * (k1 ≷ v1) OR (k1 = v1 AND k2 ≷ v2) OR … with its parameters in order.
 */
export function keysetCondition(keys: KeysetKey[], values: KeyValue[]): { sql: string; params: unknown[] } {
  const ors: string[] = [];
  const params: unknown[] = [];
  keys.forEach((key, i) => {
    const ands: string[] = [];
    for (let j = 0; j < i; j++) {
      ands.push(`(${keys[j].sql}) = ?`);
      params.push(...(keys[j].params ?? []), values[j]);
    }
    ands.push(`(${key.sql}) ${key.desc ? '<' : '>'} ?`);
    params.push(...(key.params ?? []), values[i]);
    ors.push(`(${ands.join(' AND ')})`);
  });
  return { sql: `(${ors.join(' OR ')})`, params };
}

/**
 * A page of a list in a total order, by keyset (the rows after the cursor's row, not an OFFSET): a row
 * that leaves or joins the list between two pages never makes the next page skip or repeat another.
 * Runs the page and the count of all matching rows at once.
 */
export async function keysetPage<R>(db: DataSource, q: KeysetQuery<R>): Promise<KeysetResult<R>> {
  const size = pageSize(q.first);
  const after = decodeKeysetCursor(q.kind, q.keys, q.after);
  const cond = after ? keysetCondition(q.keys, after) : null;
  const orderBy = q.keys.map((k) => `${k.sql} ${k.desc ? 'DESC' : 'ASC'}`).join(', ');
  const orderParams = q.keys.flatMap((k) => k.params ?? []);
  const [rows, counted] = await Promise.all([
    db.query(`SELECT ${q.select} ${q.from}${cond ? ` AND ${cond.sql}` : ''} ORDER BY ${orderBy} LIMIT ?`, [
      ...(q.selectParams ?? []),
      ...(q.fromParams ?? []),
      ...(cond?.params ?? []),
      ...orderParams,
      size + 1,
    ]) as Promise<R[]>,
    db.query(`SELECT COUNT(*) AS n ${q.from}`, q.fromParams ?? []) as Promise<{ n: string | number }[]>,
  ]);
  const page = rows.slice(0, size);
  return {
    entries: page.map((row) => ({ row, cursor: encodeKeysetCursor(q.kind, q.keys, q.keyOf(row)) })),
    hasNextPage: rows.length > size,
    totalCount: Number(counted[0]?.n ?? 0),
  };
}
