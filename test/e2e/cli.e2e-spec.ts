import { createConnection } from 'mysql2/promise';
import { dropDatabase, ensureDatabase } from '../../libs/core/src/database/ensure-database';
import { runCli } from '../helpers/cli';
import { TestApp } from '../helpers/test-app';

const ME = `{ me { role isOfficial badges { kind label } } }`;

describe('admin CLI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  it('sets roles with user:role and rejects unknown roles and handles', async () => {
    const u = await t.register('cli');
    const ok = await runCli(['user:role', u.handle, 'moderator']);
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.stdout).toContain('MODERATOR');
    expect(
      (await t.ok<{ me: { role: string; badges: { kind: string }[] } }>(ME, {}, u.token)).me,
    ).toMatchObject({ role: 'MODERATOR', badges: [{ kind: 'MODERATOR' }] });

    const bad = await runCli(['user:role', u.handle, 'EMPEROR']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Unknown role');
    const missing = await runCli(['user:role', 'no_such_handle', 'ADMIN']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('NOT_FOUND');
  }, 180000);

  it('grants and revokes official badges with user:official', async () => {
    const u = await t.register('cliofficial');
    expect((await runCli(['user:official', u.handle, '--label', '蚂蚁客服'])).code).toBe(0);
    expect(
      (await t.ok<{ me: { isOfficial: boolean; badges: unknown[] } }>(ME, {}, u.token)).me,
    ).toMatchObject({
      isOfficial: true,
      badges: [{ kind: 'OFFICIAL', label: '蚂蚁客服' }],
    });
    const noLabel = await runCli(['user:official', u.handle]);
    expect(noLabel.code).toBe(1);
    expect((await runCli(['user:official', u.handle, '--revoke'])).code).toBe(0);
    expect((await t.ok<{ me: { isOfficial: boolean } }>(ME, {}, u.token)).me.isOfficial).toBe(false);
  }, 180000);

  it('migrates a new database up, reverts every migration with down, and migrates again', async () => {
    const url = new URL(process.env.DATABASE_URL as string);
    url.pathname = `${url.pathname}_mig`;
    const env = { DATABASE_URL: url.toString() };
    await ensureDatabase(env.DATABASE_URL);
    const tables = async (): Promise<string[]> => {
      const conn = await createConnection({
        host: url.hostname,
        port: Number(url.port || 3306),
        user: 'root',
        database: url.pathname.slice(1),
      });
      const [rows] = await conn.query('SHOW TABLES');
      await conn.end();
      return (rows as Record<string, string>[])
        .map((r) => Object.values(r)[0])
        .filter((n) => n !== 'migrations')
        .sort();
    };
    try {
      expect((await runCli(['migrate', '--check'], env)).code).toBe(1);
      const up = await runCli(['migrate'], env);
      expect(up.code).toBe(0);
      expect(up.stdout).toMatch(/Applied/);
      expect(await tables()).toEqual(
        expect.arrayContaining(['answers', 'outbox_events', 'questions', 'users', 'votes']),
      );
      expect((await runCli(['migrate', '--check'], env)).code).toBe(0);
      let reverts = 0;
      while ((await tables()).length > 0 && reverts < 50) {
        expect((await runCli(['migrate', '--revert'], env)).code).toBe(0);
        reverts++;
      }
      expect(await tables()).toEqual([]);
      expect((await runCli(['migrate'], env)).code).toBe(0);
      expect((await tables()).length).toBeGreaterThan(5);
    } finally {
      await dropDatabase(env.DATABASE_URL);
    }
  }, 180000);
});
