import { outboxRetryDelayMs as retryDelayMs } from './outbox-backoff';

describe('outboxRetryDelayMs', () => {
  const mid = (): number => 0.5; // no jitter

  it('doubles from one second up to the maximum', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, 60000, 1000, mid))).toEqual([
      1000, 2000, 4000, 8000, 16000,
    ]);
    expect(retryDelayMs(20, 60000, 1000, mid)).toBe(60000);
    expect(retryDelayMs(1000, 60000, 1000, mid)).toBe(60000);
  });

  it('spreads by ±25 % but never beyond the maximum', () => {
    expect(retryDelayMs(1, 60000, 1000, () => 0)).toBe(750);
    expect(retryDelayMs(1, 60000, 1000, () => 1)).toBe(1250);
    expect(retryDelayMs(10, 5000, 1000, () => 1)).toBe(5000);
  });
});
