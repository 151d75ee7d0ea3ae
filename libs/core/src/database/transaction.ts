import { DataSource, EntityManager } from 'typeorm';
import { AppError, ErrorCode } from '../errors/app-error';
import { rateLimitCheckpoint } from '../rate-limit/rate-gate';

/** Why MySQL/MariaDB rolled a transaction back although nothing was wrong with it. */
export type LockConflict = 'deadlock' | 'lock_wait_timeout';

/**
 * How often a transaction that lost a lock conflict runs again. A deadlock is resolved by the server
 * at once (one of the two transactions is rolled back), so it is cheap to retry several times; a lock
 * wait time-out already waited innodb_lock_wait_timeout (50 s by default), so it is retried once.
 */
export const TRANSACTION_RETRY = {
  deadlockAttempts: 6,
  lockWaitAttempts: 2,
  baseDelayMs: 8,
  maxDelayMs: 400,
} as const;

/** Reports retries and give-ups (the core module wires metrics and logs to every DataSource). */
export interface TransactionObserver {
  retried(e: { reason: LockConflict; attempt: number; delayMs: number; error: unknown }): void;
  gaveUp(e: { reason: LockConflict; attempts: number; error: unknown }): void;
}

const observers = new WeakMap<DataSource, TransactionObserver>();

export function observeTransactions(dataSource: DataSource, observer: TransactionObserver): void {
  observers.set(dataSource, observer);
}

function driverCode(err: unknown): { code?: string; errno?: number } {
  const e = err as { code?: string; errno?: number; driverError?: { code?: string; errno?: number } };
  return { code: e?.code ?? e?.driverError?.code, errno: e?.errno ?? e?.driverError?.errno };
}

/** MySQL/MariaDB 1213 (deadlock) or 1205 (lock wait time-out): the whole transaction may run again. */
export function lockConflictOf(err: unknown): LockConflict | null {
  const { code, errno } = driverCode(err);
  if (code === 'ER_LOCK_DEADLOCK' || errno === 1213) return 'deadlock';
  if (code === 'ER_LOCK_WAIT_TIMEOUT' || errno === 1205) return 'lock_wait_timeout';
  return null;
}

/**
 * Exponential back-off with "equal jitter": half of the doubling step fixed, half random, so racing
 * transactions that deadlocked together do not wake up together again.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const step = Math.min(TRANSACTION_RETRY.maxDelayMs, TRANSACTION_RETRY.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

/** What the client gets after every retry lost: a clear, retryable answer instead of an internal error. */
export function busyError(reason: LockConflict): AppError {
  return new AppError(
    ErrorCode.SERVICE_UNAVAILABLE,
    'The forum is busy right now and could not save this; please try again',
    { retryable: true, reason },
  );
}

/**
 * Runs `work` in one transaction. When the server rolls it back for a deadlock (1213) or a lock wait
 * time-out (1205), the whole transaction runs again after a jittered back-off, so `work` must only
 * change state through `manager` (anything it computes is computed again). After the last attempt the
 * caller gets SERVICE_UNAVAILABLE with `retryable: true`. Retries and give-ups are counted in
 * /metrics (db_transaction_retries_total, db_transaction_give_ups_total) and logged. Inside a
 * rate-limited mutation, the action's rate-limit point is taken here, before the first write.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  await rateLimitCheckpoint();
  const observer = observers.get(dataSource);
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.transaction(work);
    } catch (err) {
      const reason = lockConflictOf(err);
      if (!reason) throw err;
      const attempts =
        reason === 'deadlock' ? TRANSACTION_RETRY.deadlockAttempts : TRANSACTION_RETRY.lockWaitAttempts;
      if (attempt >= attempts) {
        observer?.gaveUp({ reason, attempts: attempt, error: err });
        throw busyError(reason);
      }
      const delayMs = retryDelayMs(attempt);
      observer?.retried({ reason, attempt, delayMs, error: err });
      await new Promise((r) => setTimeout(r, delayMs));
    }
  }
}

export function isDuplicateKeyError(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } };
  return e.code === 'ER_DUP_ENTRY' || e.driverError?.code === 'ER_DUP_ENTRY';
}
