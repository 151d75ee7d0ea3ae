import { AppError } from '../errors/app-error';
import { KeysetKey, decodeKeysetCursor, encodeKeysetCursor, keysetCondition } from './keyset';

const keys: KeysetKey[] = [
  { sql: 'q.me_too_count', desc: true, type: 'number' },
  { sql: 'DATE_ADD(q.created_at, INTERVAL ? MINUTE)', params: [60], type: 'date' },
  { sql: 'q.id', type: 'id' },
];

describe('keyset paging', () => {
  it('round-trips a cursor (dates to the millisecond, ids as strings)', () => {
    const at = new Date('2026-03-04T05:06:07.089Z');
    const cursor = encodeKeysetCursor('desk', keys, [5, at, '123']);
    expect(decodeKeysetCursor('desk', keys, cursor)).toEqual([5, at, '123']);
    expect(decodeKeysetCursor('desk', keys, undefined)).toBeUndefined();
  });

  it('refuses cursors of another kind, shape or type', () => {
    const wrong = (cursor: string) => {
      try {
        decodeKeysetCursor('desk', keys, cursor);
        return null;
      } catch (err) {
        return err instanceof AppError ? err.code : 'other';
      }
    };
    const b64 = (text: string) => Buffer.from(text).toString('base64url');
    expect(wrong(encodeKeysetCursor('breach', keys, [1, new Date(0), '1']))).toBe('BAD_USER_INPUT');
    expect(wrong(b64('desk:[1,2]'))).toBe('BAD_USER_INPUT');
    expect(wrong(b64('desk:[1,2,3]'))).toBe('BAD_USER_INPUT'); // id must be a digit string
    expect(wrong(b64('desk:["1",2,"3"]'))).toBe('BAD_USER_INPUT');
    expect(wrong(b64('desk:[1,2,"1 OR 1=1"]'))).toBe('BAD_USER_INPUT');
    expect(wrong(b64('desk:not json'))).toBe('BAD_USER_INPUT');
    expect(wrong(b64('desk:7'))).toBe('BAD_USER_INPUT'); // an old offset cursor
  });

  it('builds "after this row" for mixed directions, parameters in order', () => {
    const at = new Date(1000);
    const { sql, params } = keysetCondition(keys, [5, at, '9']);
    expect(sql).toBe(
      '(((q.me_too_count) < ?) OR ((q.me_too_count) = ? AND (DATE_ADD(q.created_at, INTERVAL ? MINUTE)) > ?)' +
        ' OR ((q.me_too_count) = ? AND (DATE_ADD(q.created_at, INTERVAL ? MINUTE)) = ? AND (q.id) > ?))',
    );
    expect(params).toEqual([5, 5, 60, at, 5, 60, at, '9']);
  });
});
