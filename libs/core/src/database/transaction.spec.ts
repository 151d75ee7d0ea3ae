import { formatGraphQLError } from '../errors/format-error';
import { TRANSACTION_RETRY, lockConflictOf, retryDelayMs } from './transaction';

describe('lock conflicts', () => {
  it('recognises deadlocks and lock wait time-outs by code or number, also wrapped by TypeORM', () => {
    expect(lockConflictOf({ code: 'ER_LOCK_DEADLOCK' })).toBe('deadlock');
    expect(lockConflictOf({ errno: 1213 })).toBe('deadlock');
    expect(lockConflictOf({ driverError: { code: 'ER_LOCK_DEADLOCK', errno: 1213 } })).toBe('deadlock');
    expect(lockConflictOf({ code: 'ER_LOCK_WAIT_TIMEOUT' })).toBe('lock_wait_timeout');
    expect(lockConflictOf({ driverError: { errno: 1205 } })).toBe('lock_wait_timeout');
    expect(lockConflictOf({ code: 'ER_DUP_ENTRY', errno: 1062 })).toBeNull();
    expect(lockConflictOf(new Error('boom'))).toBeNull();
    expect(lockConflictOf(undefined)).toBeNull();
  });

  it('backs off exponentially with jitter, within half and all of each step, up to the cap', () => {
    for (let attempt = 1; attempt <= 10; attempt++) {
      const step = Math.min(TRANSACTION_RETRY.maxDelayMs, TRANSACTION_RETRY.baseDelayMs * 2 ** (attempt - 1));
      expect(retryDelayMs(attempt, () => 0)).toBe(Math.round(step / 2));
      expect(retryDelayMs(attempt, () => 1)).toBe(step);
    }
    expect(retryDelayMs(2, () => 0.5)).toBeGreaterThan(retryDelayMs(1, () => 0.5));
    expect(retryDelayMs(50, () => 1)).toBe(TRANSACTION_RETRY.maxDelayMs);
  });

  it('answers a lock conflict that escaped a transaction as a retryable SERVICE_UNAVAILABLE, not an internal error', () => {
    const deadlock = Object.assign(new Error('Deadlock found when trying to get lock'), {
      driverError: { code: 'ER_LOCK_DEADLOCK', errno: 1213 },
      query: 'INSERT INTO `question_follows` ...',
    });
    const formatted = formatGraphQLError({ message: deadlock.message, path: ['followQuestion'] }, deadlock);
    expect(formatted.extensions).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      retryable: true,
      reason: 'deadlock',
    });
    expect(formatted.message).not.toMatch(/Deadlock|INSERT/);
  });
});
