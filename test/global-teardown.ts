import * as fs from 'node:fs';
import { dropDatabase } from '../libs/core/src/database/ensure-database';

export default async function globalTeardown(): Promise<void> {
  const meili = (globalThis as { __testMeili?: { stop(): Promise<void> } }).__testMeili;
  if (meili) await meili.stop();
  if (process.env.TEST_MEILI_DATA_DIR)
    fs.rmSync(process.env.TEST_MEILI_DATA_DIR, { recursive: true, force: true });
  if (process.env.DATABASE_URL && !process.env.KEEP_TEST_DB) await dropDatabase(process.env.DATABASE_URL);
}
