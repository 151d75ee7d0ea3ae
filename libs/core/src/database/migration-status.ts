import { DataSource } from 'typeorm';

/** The schema is behind the code: the process refuses to serve rather than fail on missing columns. */
export class PendingMigrationsError extends Error {
  override readonly name = 'PendingMigrationsError';

  constructor(readonly pending: string[]) {
    super(
      `The database schema is not current: ${pending.length} migration(s) pending (${pending.join(', ')}). ` +
        'Apply them with `npm run cli -- migrate` (compiled: `node dist/apps/cli/src/main.js migrate`), then start again.',
    );
  }
}

/**
 * Names of the code's migrations that the database has not applied. Read-only, one query (unlike
 * DataSource.showMigrations(), which creates the migrations table): cheap enough for a readiness probe.
 */
export async function pendingMigrations(db: DataSource): Promise<string[]> {
  // In the order `migrate` applies them (by the timestamp ending each name), not the file glob's.
  const known = db.migrations
    .map((m) => m.name ?? m.constructor.name)
    .sort((a, b) => timestampOf(a) - timestampOf(b));
  const table = db.options.migrationsTableName ?? 'migrations';
  let rows: { name: string }[];
  try {
    rows = (await db.query(`SELECT name FROM \`${table}\``)) as { name: string }[];
  } catch (err) {
    // A database nobody has migrated yet has no migrations table: everything is pending.
    if (errorCode(err) === 'ER_NO_SUCH_TABLE') return known;
    throw err;
  }
  const applied = new Set(rows.map((r) => r.name));
  return known.filter((name) => !applied.has(name));
}

/** Throws PendingMigrationsError unless every migration of the code has been applied. */
export async function assertMigrationsCurrent(db: DataSource): Promise<void> {
  const pending = await pendingMigrations(db);
  if (pending.length > 0) throw new PendingMigrationsError(pending);
}

function errorCode(err: unknown): string | undefined {
  const e = err as { code?: string; driverError?: { code?: string } };
  return e.code ?? e.driverError?.code;
}

function timestampOf(name: string): number {
  return Number(name.slice(-13)) || 0;
}
