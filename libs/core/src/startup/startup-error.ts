/**
 * A start-up failure a person can fix: its message is one or two plain lines naming the cause and the
 * fix, printed as they are (no stack trace unless LOG_LEVEL=debug).
 */
export class StartupError extends Error {
  override readonly name = 'StartupError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The `code` of an error or of the first error in its cause chain (or an AggregateError's first). */
export function errorCode(err: unknown): string | undefined {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 6; depth++) {
    const { code, errors, cause } = e as { code?: unknown; errors?: unknown[]; cause?: unknown };
    if (typeof code === 'string' && code) return code;
    if (Array.isArray(errors) && errors.length > 0) return errorCode(errors[0]);
    e = cause;
  }
  return undefined;
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'no answer in time',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed',
  PROTOCOL_CONNECTION_LOST: 'connection closed by the server',
  HANDSHAKE_NO_SSL_SUPPORT: 'the server does not support SSL',
};

/** "connection refused" and the like for a network error code, undefined for anything else. */
export function networkReason(code: string | undefined): string | undefined {
  return code ? NETWORK_REASONS[code] : undefined;
}
