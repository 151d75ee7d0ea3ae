/** The message of anything thrown, for logs and stored errors (never sent to clients). */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
