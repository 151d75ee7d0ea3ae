import * as fs from 'node:fs';
import { withServerConnection } from '../libs/core/src/database/ensure-database';

/** Stops the test Meilisearch and drops the run's databases (the base one and each file's copy). */
export default async function globalTeardown(): Promise<void> {
  const meili = (globalThis as { __testMeili?: { stop(): Promise<void> } }).__testMeili;
  if (meili) await meili.stop();
  if (process.env.TEST_MEILI_DATA_DIR)
    fs.rmSync(process.env.TEST_MEILI_DATA_DIR, { recursive: true, force: true });
  if (process.env.ATTACHMENTS_DIR?.includes('test-attachments-'))
    fs.rmSync(process.env.ATTACHMENTS_DIR, { recursive: true, force: true });
  const baseUrl = process.env.TEST_BASE_DATABASE_URL;
  if (!baseUrl || process.env.KEEP_TEST_DB) return;
  await withServerConnection(baseUrl, async (conn, db) => {
    const [rows] = await conn.query('SHOW DATABASES');
    for (const row of rows as { Database: string }[]) {
      if (row.Database === db.database || row.Database.startsWith(`${db.database}_`)) {
        await conn.query(`DROP DATABASE IF EXISTS \`${row.Database}\``);
      }
    }
  });
}
