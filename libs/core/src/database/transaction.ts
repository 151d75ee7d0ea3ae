import { DataSource, EntityManager } from 'typeorm';
import { rateLimitCheckpoint } from '../rate-limit/rate-gate';

/**
 * Runs `work` in one transaction. MySQL/MariaDB report deadlocks and lock wait time-outs on racing
 * row locks; those are retried a few times, since the transaction was rolled back whole. Inside a
 * rate-limited mutation, the action's rate-limit point is taken here, before the first write.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  attempts = 5,
): Promise<T> {
  await rateLimitCheckpoint();
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.transaction(work);
    } catch (err) {
      const code =
        (err as { code?: string }).code ?? (err as { driverError?: { code?: string } }).driverError?.code;
      const retryable = code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT';
      if (!retryable || attempt >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 10));
    }
  }
}

export function isDuplicateKeyError(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } };
  return e.code === 'ER_DUP_ENTRY' || e.driverError?.code === 'ER_DUP_ENTRY';
}
