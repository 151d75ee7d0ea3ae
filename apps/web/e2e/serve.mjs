// Starts the built API (and with it the built web client) for the browser tests: a fresh database
// created for this run, the demo community seeded, an embedded Meilisearch in a temporary folder,
// rate limits off. On SIGTERM/SIGINT it stops the API and drops the database and the folder.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';

const repo = path.resolve(import.meta.dirname, '../../..');
const port = process.env.BROWSER_TEST_PORT ?? '3999';
const server = process.env.DATABASE_SERVER_URL ?? 'mysql://root@127.0.0.1:3306';
const database = `qa_forum_browser_${Date.now().toString(36)}_${process.pid}`;
const meiliDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qa-forum-browser-meili-'));

if (!fs.existsSync(path.join(repo, 'dist/apps/api/src/main.js')) || !fs.existsSync(path.join(repo, 'dist/web/index.html'))) {
  console.error('[browser-tests] no build: run `npm run build` first');
  process.exit(1);
}

const api = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
  cwd: repo,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: {
    ...process.env,
    NODE_ENV: 'test',
    PORT: port,
    DATABASE_URL: `${server}/${database}`,
    DB_AUTO_CREATE: 'true',
    SEED_DEMO: 'true',
    RATE_LIMIT: 'off',
    MEILI_URL: '',
    MEILI_DATA_DIR: meiliDir,
    MEILI_INDEX_PREFIX: 'browser',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    LOG_PRETTY: 'false',
  },
});

let stopping = false;
async function cleanUp(code) {
  if (stopping) return;
  stopping = true;
  if (api.exitCode === null) {
    api.kill('SIGTERM');
    await new Promise((resolve) => {
      const timer = setTimeout(() => {
        api.kill('SIGKILL');
        resolve();
      }, 15000);
      api.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  try {
    const conn = await mysql.createConnection(server);
    await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await conn.end();
  } catch (err) {
    console.error(`[browser-tests] could not drop ${database}: ${err}`);
  }
  fs.rmSync(meiliDir, { recursive: true, force: true });
  process.exit(code);
}

api.once('exit', (code) => {
  if (!stopping) {
    console.error(`[browser-tests] API exited with ${code}`);
    void cleanUp(1);
  }
});
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.once(signal, () => void cleanUp(0));
