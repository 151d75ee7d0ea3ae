import { AppError, ErrorCode, TRANSACTION_RETRY, inTransaction } from '@app/core';
import { TestApp } from '../helpers/test-app';

// inTransaction against the real MariaDB: a real deadlock is retried and counted, a lock that is
// never released ends in SERVICE_UNAVAILABLE (retryable) and is counted as a give-up.

async function metric(t: TestApp, name: string, reason: string): Promise<number> {
  const text = await (await fetch(`${t.url}/metrics`)).text();
  const found = text.match(new RegExp(`^${name}\\{reason="${reason}"\\} (\\d+)$`, 'm'));
  return found ? Number(found[1]) : 0;
}

/** Resolves once `n` callers have arrived. */
function barrier(n: number): () => Promise<void> {
  let arrived = 0;
  let release!: () => void;
  const all = new Promise<void>((r) => (release = r));
  return async () => {
    if (++arrived >= n) release();
    await all;
  };
}

describe('inTransaction retries lock conflicts', () => {
  let t: TestApp;
  let a: string;
  let b: string;

  beforeAll(async () => {
    t = await TestApp.start();
    const suffix = Math.random().toString(36).slice(2, 8);
    await t.db.query('INSERT INTO tags (name) VALUES (?), (?)', [`lock-a-${suffix}`, `lock-b-${suffix}`]);
    const rows: { id: string }[] = await t.db.query('SELECT id FROM tags WHERE name IN (?, ?) ORDER BY id', [
      `lock-a-${suffix}`,
      `lock-b-${suffix}`,
    ]);
    [a, b] = rows.map((r) => String(r.id));
  });
  afterAll(() => t.close());

  it('runs the loser of a real deadlock again, so both transactions commit, and counts the retry', async () => {
    const before = await metric(t, 'db_transaction_retries_total', 'deadlock');
    const bothHoldTheirFirstRow = barrier(2);
    const attempts = [0, 0];
    const crossing = (k: number, first: string, second: string): Promise<number> =>
      inTransaction(t.db, async (m) => {
        attempts[k] += 1;
        await m.query('SELECT id FROM tags WHERE id = ? FOR UPDATE', [first]);
        if (attempts[k] === 1) await bothHoldTheirFirstRow();
        await m.query('SELECT id FROM tags WHERE id = ? FOR UPDATE', [second]);
        return attempts[k];
      });
    const results = await Promise.all([crossing(0, a, b), crossing(1, b, a)]);
    expect([...results].sort()).toEqual([1, 2]);
    expect(await metric(t, 'db_transaction_retries_total', 'deadlock')).toBe(before + 1);
    expect(await metric(t, 'db_transaction_give_ups_total', 'deadlock')).toBe(0);
  });

  it('gives up on a lock that is never released with a retryable SERVICE_UNAVAILABLE, counted', async () => {
    const retriesBefore = await metric(t, 'db_transaction_retries_total', 'lock_wait_timeout');
    const holder = t.db.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    let attempts = 0;
    try {
      await holder.query('SELECT id FROM tags WHERE id = ? FOR UPDATE', [a]);
      const err = await inTransaction(t.db, async (m) => {
        attempts += 1;
        // One second instead of the server's 50 s default, for this statement only.
        await m.query(
          'SET STATEMENT innodb_lock_wait_timeout = 1 FOR SELECT id FROM tags WHERE id = ? FOR UPDATE',
          [a],
        );
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({
        code: ErrorCode.SERVICE_UNAVAILABLE,
        details: { retryable: true, reason: 'lock_wait_timeout' },
      });
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
    expect(attempts).toBe(TRANSACTION_RETRY.lockWaitAttempts);
    expect(await metric(t, 'db_transaction_retries_total', 'lock_wait_timeout')).toBe(
      retriesBefore + TRANSACTION_RETRY.lockWaitAttempts - 1,
    );
    expect(await metric(t, 'db_transaction_give_ups_total', 'lock_wait_timeout')).toBe(1);
  });

  it('never runs a transaction again for other errors', async () => {
    let attempts = 0;
    const err = await inTransaction(t.db, async (m) => {
      attempts += 1;
      await m.query('SELECT id FROM tags WHERE id = ? FOR UPDATE', [b]);
      throw AppError.conflict('not a lock conflict');
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: ErrorCode.CONFLICT });
    expect(attempts).toBe(1);
  });
});
