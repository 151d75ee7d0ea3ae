import { Connection, createConnection } from 'mysql2/promise';
import { ParsedDatabaseUrl, parseDatabaseUrl } from './database-url';

// Database housekeeping for development, tests and benchmarks (production never creates or drops a
// database: the deploy does). Kept free of TypeORM and Nest: Jest's global set-up and scripts load it.

/** The character set and collation every database of the forum is created with. */
export const DATABASE_CHARSET = 'CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci';

/**
 * Runs `fn` on a connection to the server of a DATABASE_URL, no database selected (the database
 * named in the URL may not exist yet), and closes it whatever happens.
 */
export async function withServerConnection<T>(
  url: string,
  fn: (conn: Connection, db: ParsedDatabaseUrl) => Promise<T>,
): Promise<T> {
  const db = parseDatabaseUrl(url);
  const conn = await createConnection({
    host: db.host,
    port: db.port,
    user: db.username,
    password: db.password,
  });
  try {
    return await fn(conn, db);
  } finally {
    await conn.end();
  }
}

/** Creates the database named in DATABASE_URL when it is missing (development and tests only). */
export async function ensureDatabase(url: string): Promise<void> {
  await withServerConnection(url, async (conn, db) => {
    // Looked up first: CREATE DATABASE IF NOT EXISTS needs the CREATE right even when it exists.
    const [rows] = await conn.query('SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [
      db.database,
    ]);
    if ((rows as unknown[]).length > 0) return;
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${db.database}\` ${DATABASE_CHARSET}`);
  });
}

export async function dropDatabase(url: string): Promise<void> {
  await withServerConnection(url, async (conn, db) => {
    await conn.query(`DROP DATABASE IF EXISTS \`${db.database}\``);
  });
}
