import autocannon from 'autocannon';
import * as os from 'node:os';

export interface LoadResult {
  label: string;
  connections: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
  /** Machine load average (1, 5, 15 min) when the run ended. */
  load: number[];
  /** Monotonic clock (µs) at the start and end of the run: the window of a CPU profile. */
  window: { from: number; to: number };
}

export interface LoadSpec {
  label: string;
  url: string;
  connections: number;
  seconds: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Request body per request (n counts requests of this run); omitted: no body. */
  body?: (n: number, connection: Record<string, unknown>) => string;
}

/** One autocannon run (async workers, HTTP/1.1 keep-alive, pipelining 1). */
export async function measure(spec: LoadSpec): Promise<LoadResult> {
  let n = 0;
  const from = Number(process.hrtime.bigint() / 1000n);
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.seconds,
    pipelining: 1,
    method: spec.method ?? 'POST',
    headers: { 'content-type': 'application/json', ...(spec.headers ?? {}) },
    requests: [
      {
        setupRequest: (req, context) =>
          spec.body ? { ...req, body: spec.body(n++, context as Record<string, unknown>) } : req,
      },
    ],
  });
  return {
    label: spec.label,
    connections: spec.connections,
    seconds: spec.seconds,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    load: os.loadavg(),
    window: { from, to: Number(process.hrtime.bigint() / 1000n) },
  };
}

/** One POST of a GraphQL operation; throws on any GraphQL error (a load run must measure successes). */
export async function gql<T>(url: string, query: string, variables: object, token?: string): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const json = (await res.json()) as {
    data?: T;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  if (json.errors?.length || !json.data) {
    throw new Error(`GraphQL ${res.status}: ${JSON.stringify(json.errors ?? json).slice(0, 400)}`);
  }
  return json.data;
}
