import { AppConfig, errorCode, errorMessage, networkReason } from '@app/core';
import { MeiliSearchApiError, MeiliSearchRequestError, MeiliSearchRequestTimeOutError } from 'meilisearch';
import { EmbeddedMeiliError } from './embedded-meilisearch';
import { MeiliConnection } from './meili-connection';

/**
 * Start-up check of search, which is not fatal: the process serves without it (and catches up once
 * Meilisearch is back). Resolves to null when Meilisearch answers with the configured key, else to
 * the one line to print: `search degraded: <cause>: <fix>; <consequence>`.
 */
export async function searchStartupProblem(
  meili: MeiliConnection,
  config: AppConfig,
  consequence = 'the API serves without search until then',
): Promise<string | null> {
  try {
    const client = await meili.client(); // starts (or attaches to) the embedded server when MEILI_URL is unset
    await client.getVersion(); // needs the key, unlike /health: a wrong one answers 401/403
    return null;
  } catch (err) {
    return `search degraded: ${describeSearchProblem(err, config)}; ${consequence}`;
  }
}

/** Cause and fix of a failed Meilisearch connection, in one line. */
export function describeSearchProblem(err: unknown, config: AppConfig): string {
  const url = config.get('MEILI_URL');
  const where = url ? `Meilisearch at MEILI_URL=${redactUrl(url)}` : 'the embedded Meilisearch';
  if (err instanceof EmbeddedMeiliError) return err.message.split('\n')[0];
  if (err instanceof MeiliSearchApiError && [401, 403].includes(err.response.status)) {
    const code = err.cause?.code ?? String(err.response.status);
    return url
      ? `${where} rejects MEILI_MASTER_KEY (${code}): set it to that server's master key`
      : `${where} rejects MEILI_MASTER_KEY (${code}): unset it, or set it to the key in MEILI_DATA_DIR/master-key`;
  }
  if (err instanceof MeiliSearchRequestTimeOutError) {
    return `${where} did not answer within ${config.get('MEILI_TIMEOUT_MS')} ms: is it running and reachable?`;
  }
  if (err instanceof MeiliSearchRequestError) {
    const code = errorCode(err);
    const reason = networkReason(code) ?? code ?? 'request failed';
    const fix = url ? ' Fix MEILI_URL, or unset it for the embedded server' : '';
    return `cannot reach ${where} (${reason}): is it running?${fix}`;
  }
  if (err instanceof MeiliSearchApiError) {
    return `${where} answered ${err.response.status} (${err.cause?.code ?? err.message}): is MEILI_URL a Meilisearch server?`;
  }
  const message = errorMessage(err);
  return `${where} failed: ${message.split('\n')[0]}`;
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}
