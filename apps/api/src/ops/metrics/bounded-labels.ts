const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;
const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,39}$/;

/**
 * Operation names come from clients: each new name would be a new time series, so a client sending
 * random names could grow the registry without limit. The first `max` names are kept, later ones
 * are counted together as "(other)".
 */
export class OperationNameLabels {
  private readonly seen = new Set<string>();

  constructor(private readonly max = 200) {}

  label(name: string | null | undefined, resolved: boolean): string {
    if (!resolved) return '(invalid)'; // did not parse or validate: there is no operation to name
    if (!name) return '(anonymous)';
    if (!GRAPHQL_NAME.test(name)) return '(other)';
    if (this.seen.has(name)) return name;
    if (this.seen.size >= this.max) return '(other)';
    this.seen.add(name);
    return name;
  }
}

/** Error codes are ours (the error formatter sets them), but the label stays bounded all the same. */
export function errorCodeLabel(code: unknown): string {
  return typeof code === 'string' && ERROR_CODE.test(code) ? code : 'OTHER';
}

const KNOWN_ROUTES = new Set(['/graphql', '/health/live', '/health/ready', '/health/search', '/metrics']);

/** Path label of an HTTP request: the app's own routes, everything else (404s, probes) as "other". */
export function routeLabel(url: string): string {
  const path = url.split('?')[0];
  return KNOWN_ROUTES.has(path) ? path : 'other';
}
