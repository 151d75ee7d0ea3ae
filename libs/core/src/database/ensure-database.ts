import { createConnection } from 'mysql2/promise';
import { parseDatabaseUrl } from './database-url';

/** Creates the database named in DATABASE_URL when it is missing (development and tests only). */
export async function ensureDatabase(url: string): Promise<void> {
  const db = parseDatabaseUrl(url);
  const conn = await createConnection({
    host: db.host,
    port: db.port,
    user: db.username,
    password: db.password,
  });
  try {
    // Looked up first: CREATE DATABASE IF NOT EXISTS needs the CREATE right even when it exists.
    const [rows] = await conn.query('SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [
      db.database,
    ]);
    if ((rows as unknown[]).length > 0) return;
    await conn.query(
      `CREATE DATABASE IF NOT EXISTS \`${db.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await conn.end();
  }
}

export async function dropDatabase(url: string): Promise<void> {
  const db = parseDatabaseUrl(url);
  const conn = await createConnection({
    host: db.host,
    port: db.port,
    user: db.username,
    password: db.password,
  });
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${db.database}\``);
  } finally {
    await conn.end();
  }
}
