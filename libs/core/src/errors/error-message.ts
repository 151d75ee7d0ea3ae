/** The message of anything thrown, for logs and stored errors (never sent to clients). */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Name and message of anything thrown ("TypeError: …"), for stored errors and reports. */
export function errorSummary(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

/** The stack of anything thrown (its message when it has none), for server logs only. */
export function errorStack(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}

/** Anything thrown, as an Error (a thrown string or object is wrapped). */
export function toError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}
