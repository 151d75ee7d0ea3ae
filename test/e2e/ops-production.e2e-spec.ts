import {
  dropDatabase,
  ensureDatabase,
  withServerConnection,
} from '../../libs/core/src/database/ensure-database';
import { ApiProcess, siblingDatabaseUrl } from '../helpers/api-process';
import { runCli } from '../helpers/cli';

// NODE_ENV=production never migrates: the API checks the schema at start and refuses to serve an
// outdated one, leaving `migrate` to the deploy step.

// Each test spawns the API as its own process (ts-node start, migrations): minutes on a loaded
// machine. A safety limit only; nothing here is timed.
jest.setTimeout(180000);

describe('production start-up and migrations', () => {
  const databaseUrl = siblingDatabaseUrl('prod');
  const production = {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: 'production-test-secret-0123456789abcdef',
    MEILI_URL: process.env.MEILI_URL,
    MEILI_MASTER_KEY: process.env.MEILI_MASTER_KEY,
    MEILI_INDEX_PREFIX: `prod_${process.pid}`,
    SEARCH_RELAY: 'off',
    LOG_LEVEL: 'warn',
  };
  const spawned: ApiProcess[] = [];

  beforeAll(async () => {
    // Production never creates the database either: the deploy (or the MySQL image) does.
    await ensureDatabase(databaseUrl);
  });

  afterAll(async () => {
    for (const api of spawned) await api.kill();
    await dropDatabase(databaseUrl);
  });

  it('refuses to serve an unmigrated database, with a message naming the fix', async () => {
    const api = await ApiProcess.spawn(production);
    spawned.push(api);
    const exit = await api.waitExit(90000);
    expect(exit.timedOut).toBe(false);
    expect(exit.code).not.toBe(0);
    expect(exit.code).not.toBeNull();
    expect(api.output).toMatch(/database schema is not current: \d+ migration\(s\) pending/);
    expect(api.output).toContain('npm run cli -- migrate');
    // A message, not a stack trace (line by line: no regex backtracking over the whole output).
    const stackLines = api.output
      .split('\n')
      .filter((l) => l.trimStart().startsWith('at ') && /:\d+:\d+\)$/.test(l));
    expect(stackLines).toEqual([]);
    // …and it changed nothing: not even an empty migrations table.
    expect(await tableNames(databaseUrl)).toEqual([]);
    console.log(`production refusal: ${api.output.trim().split('\n').slice(-1)[0]}`);
  });

  it('serves once `migrate` has run, and stops cleanly on SIGTERM', async () => {
    const migrate = await runCli(['migrate'], { DATABASE_URL: databaseUrl });
    expect(migrate.code).toBe(0);

    const api = await ApiProcess.spawn(production);
    spawned.push(api);
    await api.waitListening();
    const ready = await fetch(`${api.url}/health/ready`);
    const body = (await ready.json()) as { status: string; details: Record<string, { status: string }> };
    expect(ready.status).toBe(200);
    expect(body.details.migrations).toEqual({ status: 'up', pending: 0 });

    api.child.kill('SIGTERM');
    const exit = await api.waitExit(15000);
    expect(exit).toEqual({ code: 0, signal: null, timedOut: false });
  });
});

async function tableNames(url: string): Promise<string[]> {
  return withServerConnection(url, async (conn, db) => {
    const [rows] = await conn.query(
      'SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?',
      [db.database],
    );
    return (rows as { name: string }[]).map((r) => r.name);
  });
}
