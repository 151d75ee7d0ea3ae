import { execFile, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { parseDatabaseUrl } from '../../libs/core/src/database/database-url';
import { withServerConnection } from '../../libs/core/src/database/ensure-database';
import { freePort } from '../../libs/search/src/meili/embedded-meilisearch';
import { ApiProcess, siblingDatabaseUrl } from '../helpers/api-process';
import { eventually } from '../helpers/eventually';

// Every start-up failure a person can cause: the built processes (what `npm start`, the worker and
// the compiled CLI run) end with exit code 1 and one or two plain lines on stderr naming the cause
// and the fix, no stack trace; search problems leave the API serving, said once on stderr.

const root = path.join(__dirname, '..', '..');
const API = 'dist/apps/api/src/main.js';
const WORKER = 'dist/apps/worker/src/main.js';
const CLI = 'dist/apps/cli/src/main.js';
const STACK_FRAME = /^[ \t]+at /m;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  lines: string[];
}

/** Runs a built entry point to its end (killed after `timeoutMs`, which then fails the test). */
async function runToExit(
  script: string,
  env: Record<string, string | undefined>,
  args: string[] = [],
  timeoutMs = 30000,
): Promise<Run> {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(await freePort()),
    LOG_PRETTY: 'false',
    LOG_LEVEL: 'info',
    ...env,
  };
  for (const [k, v] of Object.entries(childEnv)) if (v === undefined) delete childEnv[k];
  const child = spawn(process.execPath, [script, ...args], {
    cwd: root,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once('close', (c) => resolve(c)));
  clearTimeout(timer);
  return { code, stdout, stderr, lines: stderr.split('\n').filter((l) => l !== '') };
}

/** Exit 1, one or two plain lines on stderr and nothing else: no framework banner, no stack. */
function expectPlainFailure(run: Run, maxLines = 2): void {
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 1, stderr: expect.any(String) });
  expect(run.lines.length).toBeGreaterThanOrEqual(1);
  expect(run.lines.length).toBeLessThanOrEqual(maxLines);
  expect(run.stderr).not.toMatch(STACK_FRAME);
  expect(run.stderr + run.stdout).not.toContain('ExceptionHandler');
  expect(run.stdout).toBe(''); // the framework's start-up lines are held back, not printed before it
}

describe('start-up failures', () => {
  const baseUrl = process.env.TEST_BASE_DATABASE_URL ?? (process.env.DATABASE_URL as string);
  const base = parseDatabaseUrl(baseUrl);
  const user = `startup_${process.pid}`;
  const spawned: ApiProcess[] = [];
  let tmp: string;

  beforeAll(async () => {
    // The built app, exactly as `npm start` runs it.
    await promisify(execFile)('npm', ['run', 'build'], { cwd: root, timeout: 600000 });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'startup-errors-'));
    await rootQuery(`CREATE USER IF NOT EXISTS '${user}'@'%' IDENTIFIED BY 'right-password-1'`);
    await rootQuery(`CREATE USER IF NOT EXISTS '${user}'@'localhost' IDENTIFIED BY 'right-password-1'`);
  }, 600000);

  afterAll(async () => {
    for (const api of spawned) await api.kill();
    await rootQuery(`DROP USER IF EXISTS '${user}'@'%'`);
    await rootQuery(`DROP USER IF EXISTS '${user}'@'localhost'`);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function rootQuery(sql: string): Promise<unknown> {
    return withServerConnection(baseUrl, async (conn) => (await conn.query(sql))[0]);
  }

  describe('fatal: exit 1 with the cause and the fix', () => {
    it('database unreachable: the address, "is it running?" and the URL without its password (API, worker, CLI)', async () => {
      const port = await freePort(); // closed again: nothing listens there
      const env = { DATABASE_URL: `mysql://root:s3cret-pw@127.0.0.1:${port}/qa_forum_nowhere` };
      const expected = `cannot reach MySQL/MariaDB at 127.0.0.1:${port} (connection refused): is it running? DATABASE_URL=mysql://root:***@127.0.0.1:${port}/qa_forum_nowhere`;
      for (const [script, args] of [
        [API, []],
        [WORKER, []],
        [CLI, ['migrate']],
      ] as const) {
        const run = await runToExit(script, env, [...args]);
        expectPlainFailure(run, 1);
        expect(run.lines[0]).toBe(expected);
        expect(run.stderr).not.toContain('s3cret-pw');
      }
    });

    it('access denied: wrong password of a real user', async () => {
      const url = `mysql://${user}:wrong-password@${base.host}:${base.port}/qa_forum_denied`;
      const run = await runToExit(API, { DATABASE_URL: url });
      expectPlainFailure(run, 1);
      expect(run.lines[0]).toBe(
        `MySQL/MariaDB at ${base.host}:${base.port} denied access to user '${user}' (wrong password, or no such user): ` +
          `fix the user and password in DATABASE_URL=mysql://${user}:***@${base.host}:${base.port}/qa_forum_denied`,
      );
    });

    it('a user without rights on the database, right password: names the GRANT', async () => {
      const url = `mysql://${user}:right-password-1@${base.host}:${base.port}/${base.database}`;
      const run = await runToExit(API, { DATABASE_URL: url });
      expectPlainFailure(run, 1);
      expect(run.lines[0]).toMatch(
        new RegExp(
          `^user '${user}' may not use \\(or create\\) database '${base.database}' at .+: GRANT ALL ON`,
        ),
      );
    });

    it('unknown database in production: says how to create it, and creates nothing', async () => {
      const url = siblingDatabaseUrl('never_created');
      const db = parseDatabaseUrl(url).database;
      const production = {
        NODE_ENV: 'production',
        DATABASE_URL: url,
        JWT_SECRET: 'production-test-secret-0123456789abcdef',
      };
      for (const [script, args] of [
        [API, []],
        [CLI, ['migrate']],
      ] as const) {
        const run = await runToExit(script, production, [...args]);
        expectPlainFailure(run);
        expect(run.lines[0]).toBe(
          `database '${db}' does not exist at ${base.host}:${base.port} (DATABASE_URL=${url})`,
        );
        expect(run.lines[1]).toMatch(
          /^create it: CREATE DATABASE `\w+` CHARACTER SET utf8mb4 .+npm run cli -- migrate/,
        );
      }
      const schemata = (await rootQuery(
        `SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '${db}'`,
      )) as unknown[];
      expect(schemata).toEqual([]);
    });

    it('bad environment: every bad variable, without the framework banner (API, worker, CLI)', async () => {
      const env = {
        PORT: 'abc',
        DATABASE_POOL_SIZE: '0',
        MEILI_INDEX_PREFIX: 'no spaces',
        DATABASE_URL: 'mysql://root@127.0.0.1/bad-name',
      };
      for (const [script, args] of [
        [API, []],
        [WORKER, []],
        [CLI, ['migrate']],
      ] as const) {
        const run = await runToExit(script, env, [...args]);
        expectPlainFailure(run, 5);
        expect(run.lines).toEqual([
          'Invalid environment: fix these variables (in the environment or .env; README.md, "Environment"):',
          '  - PORT: must be a number',
          '  - DATABASE_URL: must end with a database name made of letters, digits and _',
          expect.stringMatching(/^ {2}- DATABASE_POOL_SIZE: .*>=1/),
          '  - MEILI_INDEX_PREFIX: letters, digits, _ and - only',
        ]);
      }
    });

    it('port in use: names the port and the process holding it', async () => {
      const holder = net.createServer();
      await new Promise<void>((resolve) => holder.listen(0, '0.0.0.0', resolve));
      const { port } = holder.address() as net.AddressInfo;
      try {
        const api = await ApiProcess.spawn({ PORT: String(port) }, { script: API });
        spawned.push(api);
        const exit = await api.waitExit(30000);
        expect(exit).toEqual({ code: 1, signal: null, timedOut: false });
        const lines = api.stderr.split('\n').filter(Boolean);
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(
          new RegExp(
            `^port ${port} is in use \\(pid ${process.pid}\\b.*\\): set PORT to a free port, or stop that process$`,
          ),
        );
        expect(api.output).not.toMatch(STACK_FRAME);
      } finally {
        await new Promise((resolve) => holder.close(resolve));
      }
    });

    it('LOG_LEVEL=debug adds the stack (and only then)', async () => {
      const port = await freePort();
      const run = await runToExit(API, {
        DATABASE_URL: `mysql://root@127.0.0.1:${port}/qa_forum_x`,
        LOG_LEVEL: 'debug',
      });
      expect(run.code).toBe(1);
      expect(run.lines[0]).toMatch(/^cannot reach MySQL\/MariaDB at 127\.0\.0\.1:\d+ \(connection refused\)/);
      expect(run.stderr).toMatch(STACK_FRAME);
      expect(run.stderr).toContain('ECONNREFUSED');
    });
  });

  describe('search problems: the API serves, and says which once', () => {
    const SEARCH = `{ searchQuestions(query: "登录") { edges { node { id } } } }`;

    /** Starts the built API, waits for its one stderr line, checks that it serves without search. */
    async function degradedStart(env: Record<string, string | undefined>): Promise<string> {
      const api = await ApiProcess.spawn(env, { script: API });
      spawned.push(api);
      await api.waitListening(60000);
      await eventually(async () => expect(api.stderr).toMatch(/\n$/), 30000, 100);
      const categories = await api.gql<{ categories: unknown[] }>('{ categories { key } }');
      expect(categories.data?.categories.length).toBeGreaterThan(0); // the database side serves
      const search = await api.gql(SEARCH);
      expect(search.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(api.child.exitCode).toBeNull();
      const lines = api.stderr.split('\n').filter(Boolean);
      expect(lines).toHaveLength(1); // once
      expect(api.output).not.toMatch(STACK_FRAME);
      await api.kill();
      return lines[0];
    }

    const embedded = (extra: Record<string, string>): Record<string, string | undefined> => ({
      MEILI_URL: undefined,
      MEILI_MASTER_KEY: undefined,
      MEILI_DATA_DIR: path.join(tmp, `meili-${Math.random().toString(36).slice(2, 8)}`),
      ...extra,
    });

    it('a healthy start writes nothing to stderr', async () => {
      const api = await ApiProcess.spawn({ LOG_LEVEL: 'info' }, { script: API });
      spawned.push(api);
      await api.waitListening(60000);
      const search = await api.gql(SEARCH);
      expect(search.errors).toBeUndefined();
      expect(api.stderr).toBe('');
      expect(api.stdout).toContain('GraphQL API on http://localhost:');
      await api.kill();
    });

    it('the embedded binary is missing', async () => {
      const binary = path.join(tmp, 'no-such-dir', 'meilisearch');
      expect(await degradedStart(embedded({ MEILI_BINARY: binary }))).toBe(
        `search degraded: the embedded Meilisearch binary ${binary} is missing: set MEILI_BINARY to a Meilisearch server binary, or MEILI_URL to a running server; the API serves without search until then`,
      );
    });

    it('the embedded binary is not executable', async () => {
      const binary = path.join(tmp, 'meilisearch-not-executable');
      fs.writeFileSync(binary, '#!/bin/sh\n', { mode: 0o644 });
      expect(await degradedStart(embedded({ MEILI_BINARY: binary }))).toBe(
        `search degraded: the embedded Meilisearch binary ${binary} is not executable: chmod +x it, or set MEILI_BINARY to a Meilisearch server binary, or MEILI_URL to a running server; the API serves without search until then`,
      );
    });

    it('the embedded data folder is not writable', async () => {
      // Under a regular file: unwritable even for root (chmod does not stop root's writes).
      const file = path.join(tmp, 'a-file');
      fs.writeFileSync(file, '');
      const dataDir = path.join(file, 'meili');
      expect(await degradedStart(embedded({ MEILI_DATA_DIR: dataDir }))).toBe(
        `search degraded: the embedded Meilisearch data folder ${dataDir} is not writable (ENOTDIR): set MEILI_DATA_DIR to a writable folder, or MEILI_URL to a running server; the API serves without search until then`,
      );
    });

    it('MEILI_URL unreachable', async () => {
      const port = await freePort();
      expect(await degradedStart({ MEILI_URL: `http://127.0.0.1:${port}` })).toBe(
        `search degraded: cannot reach Meilisearch at MEILI_URL=http://127.0.0.1:${port} (connection refused): is it running? Fix MEILI_URL, or unset it for the embedded server; the API serves without search until then`,
      );
    });

    it('a wrong MEILI_MASTER_KEY for the test Meilisearch', async () => {
      const url = (process.env.MEILI_URL as string).replace(/\/$/, '');
      expect(await degradedStart({ MEILI_MASTER_KEY: 'not-the-master-key-0123456789' })).toBe(
        `search degraded: Meilisearch at MEILI_URL=${url} rejects MEILI_MASTER_KEY (invalid_api_key): set it to that server's master key; the API serves without search until then`,
      );
    });
  });
});
