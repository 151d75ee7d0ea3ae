/**
 * Never logged: credentials, and the values of a failed query (what people typed), which TypeORM
 * and mysql2 attach to the error; the SQL with its placeholders stays.
 */
export const LOG_REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'err.parameters',
  'err.sql',
  'err.driverError.parameters',
  'err.driverError.sql',
];

/** The request as pino-std-serializers hands it to a custom serializer. */
export interface SerializedRequest {
  id?: unknown;
  method?: string;
  url?: string;
  headers?: Record<string, unknown>;
  remoteAddress?: string;
  remotePort?: number;
}

/** The only request headers a log line carries: enough to tell clients apart, nothing that identifies a person. */
const LOGGED_HEADERS = ['user-agent', 'content-length'] as const;

/**
 * Request fields that go into logs. The query string is cut off: GraphQL over GET carries the
 * operation's variables there (a search for a phone number, say), and logs must never hold them.
 * Headers are an allow-list (LOGGED_HEADERS): credentials, cookies and forwarding chains never reach a
 * log line, and a request's line stays small (every header of every request was a measurable share
 * of the API's CPU time, bench:api). Bodies are never logged.
 */
export function serializeRequest(req: SerializedRequest): SerializedRequest {
  const headers: Record<string, unknown> = {};
  for (const name of LOGGED_HEADERS) {
    const value = req.headers?.[name];
    if (value !== undefined) headers[name] = value;
  }
  return {
    id: req.id,
    method: req.method,
    url: req.url?.split('?')[0],
    headers,
    remoteAddress: req.remoteAddress,
    remotePort: req.remotePort,
  };
}

/** The response as pino-std-serializers hands it to a custom serializer. */
export interface SerializedResponse {
  statusCode?: number;
  headers?: Record<string, unknown>;
}

/** Responses in logs: the status code only (the request id is on the line already). */
export function serializeResponse(res: SerializedResponse): SerializedResponse {
  return { statusCode: res.statusCode };
}
