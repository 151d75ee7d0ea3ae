import { QueryCounter } from '@app/core';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../../apps/api/src/bootstrap';
import { THREAD } from './operations';

export interface CapturedStatement {
  sql: string;
  params: unknown[];
}

/**
 * The SQL one thread page costs, as TypeORM sends it: an in-process API (same modules, relays off) serves
 * the thread page twice (the first warms per-process caches) and the statements issued inside the
 * second request's scope (QueryCounter's, so no background loop's) are returned with their parameters.
 */
export async function captureThreadSql(
  env: NodeJS.ProcessEnv,
  questionId: string,
): Promise<CapturedStatement[]> {
  const saved = { ...process.env };
  Object.assign(process.env, env, { SEARCH_RELAY: 'off', NOTIFICATIONS_RELAY: 'off', LOG_LEVEL: 'warn' });
  const app = await createApiApp();
  try {
    await app.listen(0, '127.0.0.1');
    const port = (app.getHttpServer().address() as { port: number }).port;
    const logger = app.get(DataSource).logger;
    const original = logger.logQuery.bind(logger);
    let captured: CapturedStatement[] = [];
    logger.logQuery = (query: string, parameters?: unknown[], runner?) => {
      if (QueryCounter.current() !== undefined) captured.push({ sql: query, params: parameters ?? [] });
      original(query, parameters, runner);
    };
    let header: string | null = null;
    for (let i = 0; i < 2; i++) {
      captured = [];
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: THREAD, variables: { id: questionId } }),
      });
      const json = (await res.json()) as { errors?: unknown };
      if (json.errors) throw new Error(`thread page failed: ${JSON.stringify(json.errors)}`);
      header = res.headers.get('x-sql-queries');
    }
    if (header !== null && Number(header) !== captured.length) {
      throw new Error(`captured ${captured.length} statements but the API counted ${header}`);
    }
    return captured;
  } finally {
    await app.close();
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}
