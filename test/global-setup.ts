import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
// Only dependency-light modules here: global set-up runs in Jest's parent process, and loading the
// app's Nest/TypeORM modules there leaks classes into in-band test runs.
import { ensureDatabase } from '../libs/core/src/database/ensure-database';
import { startEmbeddedMeilisearch } from '../libs/search/src/meili/embedded-meilisearch';

const root = path.join(__dirname, '..');

/**
 * One fresh MariaDB database per test run, migrated by the real `migrate` command, and one real
 * Meilisearch (embedded unless MEILI_URL is given). Test workers inherit the variables set here.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}_${process.pid}`;
  const base = process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/qa_forum_test';
  const url = new URL(base);
  url.pathname = `/${url.pathname.replace(/^\//, '') || 'qa_forum_test'}_${runId}`;
  process.env.DATABASE_URL = url.toString();
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';
  // Tests register many users from one address; rate-limit tests switch limits back on for their app.
  process.env.RATE_LIMIT = 'off';
  // Most test apps need no embedding model (one worker thread loading it per app would add seconds
  // of CPU to each): lexical-only unless a test turns it on (test/e2e/embeddings.e2e-spec.ts).
  process.env.EMBEDDINGS = process.env.EMBEDDINGS ?? 'off';
  process.env.MEILI_INDEX_PREFIX = `t_${runId}`;
  // Uploaded images of this run (tests that look at the files give their app a folder of its own).
  process.env.ATTACHMENTS_DIR = path.join(root, '.data', `test-attachments-${runId}`);
  process.env.ATTACHMENTS_PURGE_INTERVAL_MS = '0';

  // Test files copy this migrated schema into databases of their own (test/helpers/isolated-database.ts).
  process.env.TEST_BASE_DATABASE_URL = process.env.DATABASE_URL;
  process.env.TEST_BASE_MEILI_INDEX_PREFIX = process.env.MEILI_INDEX_PREFIX;
  await ensureDatabase(process.env.DATABASE_URL);
  const migrate = spawnSync(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      'apps/cli/src/main.ts',
      'migrate',
    ],
    { cwd: root, env: process.env, encoding: 'utf8' },
  );
  if (migrate.status !== 0) throw new Error(`migrate failed:\n${migrate.stdout}\n${migrate.stderr}`);

  if (!process.env.MEILI_URL) {
    const dataDir = path.join(root, '.data', `test-meili-${runId}`);
    const meili = await startEmbeddedMeilisearch({ dataDir });
    process.env.MEILI_URL = meili.url;
    process.env.MEILI_MASTER_KEY = meili.masterKey;
    process.env.TEST_MEILI_DATA_DIR = dataDir;
    (globalThis as { __testMeili?: typeof meili }).__testMeili = meili;
  }
}
