import {
  MeiliSearch,
  MeiliSearchApiError,
  MeiliSearchRequestError,
  MeiliSearchRequestTimeOutError,
  MeiliSearchTaskTimeOutError,
  Task,
} from 'meilisearch';
import { EmbeddedMeiliError } from './embedded-meilisearch';

/**
 * The only way this codebase builds a Meilisearch client. Node's fetch always offers gzip/br, and
 * Meilisearch then compresses every response, which stalled each call by ~45 ms here (47 ms -> 2 ms
 * per search without it): asking for identity encoding is not optional.
 */
export function createMeiliClient(url: string, apiKey: string | undefined, timeoutMs: number): MeiliSearch {
  return new MeiliSearch({
    host: url,
    apiKey,
    timeout: timeoutMs,
    requestInit: { headers: { 'accept-encoding': 'identity' } },
    defaultWaitOptions: { timeout: Math.max(timeoutMs, 30000), interval: 10 },
  });
}

/**
 * True when Meilisearch could not be reached, answered with a server error, refused the configured
 * key (401/403: the deployment's fault, not the request's), or the embedded server cannot run: worth
 * retrying later, and SERVICE_UNAVAILABLE to clients.
 */
export function isMeiliUnavailable(err: unknown): boolean {
  if (err instanceof MeiliSearchRequestError || err instanceof MeiliSearchRequestTimeOutError) return true;
  if (err instanceof MeiliSearchTaskTimeOutError || err instanceof EmbeddedMeiliError) return true;
  if (err instanceof MeiliSearchApiError)
    return err.response.status >= 500 || [401, 403].includes(err.response.status);
  return false;
}

export function isIndexNotFound(err: unknown): boolean {
  return err instanceof MeiliSearchApiError && err.cause?.code === 'index_not_found';
}

/** Waited tasks resolve even when they failed: turn a failed or cancelled task into an error. */
export function assertTaskSucceeded(task: Task, what: string): Task {
  if (task.status === 'succeeded') return task;
  const reason = task.error ? `${task.error.code}: ${task.error.message}` : task.status;
  throw new MeiliTaskFailedError(`${what} (task ${task.uid}) ${task.status}: ${reason}`);
}

export class MeiliTaskFailedError extends Error {
  override readonly name = 'MeiliTaskFailedError';
}
