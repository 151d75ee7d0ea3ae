import { describe, expect, it } from 'vitest';
import { IdempotencyKeys, newIdempotencyKey } from './idempotency';

describe('idempotency keys', () => {
  it('are 32 hex characters, which the API accepts (8–64 of A–Z a–z 0–9 _ -), and differ', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(a).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });

  it('repeat for the same content, change with the content and after a success', () => {
    const keys = new IdempotencyKeys();
    const first = keys.keyFor({ body: '试试重新登录' });
    expect(keys.keyFor({ body: '试试重新登录' })).toBe(first);
    const edited = keys.keyFor({ body: '试试重新登录一次' });
    expect(edited).not.toBe(first);
    keys.succeeded();
    expect(keys.keyFor({ body: '试试重新登录一次' })).not.toBe(edited);
  });
});
