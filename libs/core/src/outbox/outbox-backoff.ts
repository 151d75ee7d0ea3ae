/**
 * Exponential back-off of a failing outbox row: 1 s, 2 s, 4 s … up to `maxMs`, spread by ±25 % so
 * rows that failed together do not all come back in the same instant.
 */
export function outboxRetryDelayMs(
  attempts: number,
  maxMs: number,
  baseMs = 1000,
  random = Math.random,
): number {
  const exponent = Math.min(Math.max(attempts, 1) - 1, 30);
  const delay = Math.min(maxMs, baseMs * 2 ** exponent);
  return Math.max(1, Math.min(maxMs, Math.round(delay * (0.75 + random() * 0.5))));
}
