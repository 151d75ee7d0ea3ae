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

/**
 * Request fields that go into logs. The query string is cut off: GraphQL over GET carries the
 * operation's variables there (a search for a phone number, say), and logs must never hold them.
 * Bodies are never logged; authorization and cookie headers are redacted by the logger's config.
 */
export function serializeRequest(req: SerializedRequest): SerializedRequest {
  return {
    id: req.id,
    method: req.method,
    url: req.url?.split('?')[0],
    headers: req.headers,
    remoteAddress: req.remoteAddress,
    remotePort: req.remotePort,
  };
}
