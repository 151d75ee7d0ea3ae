import { createConnection } from 'mysql2/promise';
import { dropDatabase, ensureDatabase } from '../../libs/core/src/database/ensure-database';
import { runCli } from '../helpers/cli';
import { ask } from '../helpers/forum-ops';
import { TestApp, codes } from '../helpers/test-app';

const ME = `{ me { role isOfficial displayName badges { kind label } } }`;

describe('admin CLI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  const signIn = async (handle: string): Promise<string> =>
    (
      await t.ok<{ login: { token: string } }>(
        `mutation($h: String!) { login(input: { handle: $h, password: "correct horse battery" }) { token } }`,
        { h: handle },
      )
    ).login.token;

  it('sets roles with user:role and rejects unknown roles and handles', async () => {
    const u = await t.register('cli');
    const ok = await runCli(['user:role', u.handle, 'moderator']);
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.stdout).toContain('MODERATOR');
    // A role change revokes the earlier tokens; signed in again, the user has the new role.
    expect(codes(await t.gql(ME, {}, u.token))).toEqual(['UNAUTHENTICATED']);
    expect(
      (await t.ok<{ me: { role: string; badges: { kind: string }[] } }>(ME, {}, await signIn(u.handle))).me,
    ).toMatchObject({ role: 'MODERATOR', badges: [{ kind: 'MODERATOR' }] });

    const bad = await runCli(['user:role', u.handle, 'EMPEROR']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Unknown role');
    const missing = await runCli(['user:role', 'no_such_handle', 'ADMIN']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('NOT_FOUND');
  }, 180000);

  it('grants and revokes official badges with user:official', async () => {
    const u = await t.register('clibadge');
    const granted = await runCli([
      'user:official',
      u.handle,
      '--label',
      '蚂蚁客服',
      '--display-name',
      '蚂蚁客服小蚁',
    ]);
    expect(granted.code).toBe(0);
    expect(granted.stdout).toContain('蚂蚁客服小蚁');
    expect(codes(await t.gql(ME, {}, u.token))).toEqual(['UNAUTHENTICATED']);
    const token = await signIn(u.handle);
    expect(
      (await t.ok<{ me: { isOfficial: boolean; displayName: string; badges: unknown[] } }>(ME, {}, token)).me,
    ).toMatchObject({
      isOfficial: true,
      displayName: '蚂蚁客服小蚁',
      badges: [{ kind: 'OFFICIAL', label: '蚂蚁客服' }],
    });
    const noLabel = await runCli(['user:official', u.handle]);
    expect(noLabel.code).toBe(1);
    expect((await runCli(['user:official', u.handle, '--revoke'])).code).toBe(0);
    expect(codes(await t.gql(ME, {}, token))).toEqual(['UNAUTHENTICATED']);
    // Without the badge the account no longer carries an official-looking name (back to its handle).
    expect(
      (await t.ok<{ me: { isOfficial: boolean; displayName: string } }>(ME, {}, await signIn(u.handle))).me,
    ).toEqual({ isOfficial: false, displayName: u.handle, role: 'MEMBER', badges: [] });
  }, 180000);

  it('repairs drifted tag counts with tags:recount', async () => {
    const u = await t.register('clitags');
    const tag = `漂移${Date.now() % 100000}`;
    await ask(t, u, '标签计数会不会漂移', '内容', [tag]);
    const countOf = async (): Promise<number | undefined> =>
      (
        await t.ok<{ tags: { name: string; count: number }[] }>(`{ tags(first: 200) { name count } }`)
      ).tags.find((x) => x.name === tag)?.count;
    expect(await countOf()).toBe(1);
    // Drift, as writes by an older build during a rolling deploy would leave it.
    await t.db.query('UPDATE tags SET question_count = 7 WHERE name = ?', [tag]);
    expect(await countOf()).toBe(7);
    const run = await runCli(['tags:recount']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/counts corrected: 1\b/);
    expect(await countOf()).toBe(1);
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
      // The newest one alone, then every other one in a single process (one ts-node start each,
      // not one per migration); each down() runs, newest first.
      const one = await runCli(['migrate', '--revert'], env);
      expect([one.code, one.stdout]).toEqual([0, expect.stringMatching(/^Reverted \w*\d{13}$/m)]);
      const rest = await runCli(['migrate', '--revert', '--steps', '1000'], env);
      expect(rest.code).toBe(0);
      expect(rest.stdout).toMatch(/No migration left to revert/);
      expect(await tables()).toEqual([]);
      expect((await runCli(['migrate'], env)).code).toBe(0);
      expect((await tables()).length).toBeGreaterThan(5);
    } finally {
      await dropDatabase(env.DATABASE_URL);
    }
  }, 180000);
});
