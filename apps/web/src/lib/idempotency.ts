/** A fresh idempotency key: 32 hex characters (works outside secure contexts, unlike randomUUID). */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Idempotency keys of one form's writes: sending the same content again (a retry after a time-out or
 * a double click) reuses the key, so the API returns what the first request created instead of
 * creating a second one; changed content gets a new key (the API refuses a reused key with other
 * content); after a success the next write starts afresh.
 */
export class IdempotencyKeys {
  private last: { signature: string; key: string } | null = null;

  keyFor(content: unknown): string {
    const signature = JSON.stringify(content);
    if (this.last?.signature !== signature) this.last = { signature, key: newIdempotencyKey() };
    return this.last.key;
  }

  succeeded(): void {
    this.last = null;
  }
}
