/**
 * Retries `check` (which throws while its expectations fail) until it passes or `timeoutMs` is over,
 * then rethrows its last failure. For waiting on asynchronous effects (the search index) without
 * fixed sleeps.
 */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 20000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }
}
