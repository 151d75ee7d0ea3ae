import { parseDatabaseUrl } from '../../libs/core/src/database/database-url';
import { DATABASE_CHARSET, withServerConnection } from '../../libs/core/src/database/ensure-database';

/**
 * Each test file gets its own database and its own Meilisearch indexes, so files running side by
 * side never see (or relay) each other's rows. The database is a copy of the schema that the global
 * set-up migrated (tables, foreign keys, the migrations table and seeded rows), which takes a fraction of a second.
 */
async function cloneSchema(baseUrl: string, targetUrl: string): Promise<void> {
  const target = parseDatabaseUrl(targetUrl);
  await withServerConnection(baseUrl, async (conn, base) => {
    await conn.query(`CREATE DATABASE \`${target.database}\` ${DATABASE_CHARSET}`);
    await conn.query('SET FOREIGN_KEY_CHECKS = 0');
    const [tables] = await conn.query(
      `SHOW FULL TABLES FROM \`${base.database}\` WHERE Table_type = 'BASE TABLE'`,
    );
    for (const row of tables as Record<string, string>[]) {
      const table = Object.values(row)[0];
      const [[create]] = (await conn.query(
        `SHOW CREATE TABLE \`${base.database}\`.\`${table}\``,
      )) as unknown as [{ 'Create Table': string }[]];
      await conn.query(`USE \`${target.database}\``);
      await conn.query(create['Create Table'].replace(/AUTO_INCREMENT=\d+ /, ''));
      // Rows too: the migrations table, and what migrations seed (categories, outbox cursors).
      await conn.query(
        `INSERT INTO \`${target.database}\`.\`${table}\` SELECT * FROM \`${base.database}\`.\`${table}\``,
      );
    }
  });
}

let isolated: Promise<void> | undefined;

/** Points this test file at its own database and index prefix (once per file). */
export function isolateTestFile(): Promise<void> {
  isolated ??= (async () => {
    const baseUrl = process.env.TEST_BASE_DATABASE_URL;
    if (!baseUrl) return; // not under the Jest global set-up
    const suffix = Math.random().toString(36).slice(2, 8);
    const url = new URL(baseUrl);
    url.pathname = `${url.pathname}_${suffix}`;
    await cloneSchema(baseUrl, url.toString());
    process.env.DATABASE_URL = url.toString();
    process.env.MEILI_INDEX_PREFIX = `${process.env.TEST_BASE_MEILI_INDEX_PREFIX}_${suffix}`;
  })();
  return isolated;
}

/**
 * Another database of this run, a copy of the migrated schema like the file's own (no rows of its
 * own yet beyond what migrations seed), for tests that switch one API between databases.
 */
export async function cloneBaseDatabase(suffix: string): Promise<string> {
  const baseUrl = process.env.TEST_BASE_DATABASE_URL;
  if (!baseUrl) throw new Error('cloneBaseDatabase needs the Jest global set-up');
  const url = new URL(baseUrl);
  url.pathname = `${url.pathname}_${suffix}_${Math.random().toString(36).slice(2, 8)}`;
  await cloneSchema(baseUrl, url.toString());
  return url.toString();
}
