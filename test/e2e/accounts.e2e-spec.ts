import { Role } from '@app/accounts';
import { TestApp, codes, uniqueHandle } from '../helpers/test-app';

const REGISTER = `mutation($input: RegisterInput!) {
  register(input: $input) { token expiresAt user { id handle displayName role isOfficial badges { kind label } } }
}`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token user { handle } } }`;
const ME = `{ me { id handle role isOfficial officialLabel badges { kind label } } }`;

describe('accounts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  describe('successful', () => {
    it('registers with a Chinese display name, logs in and answers me', async () => {
      const handle = uniqueHandle('reg');
      const reg = await t.ok<{
        register: {
          token: string;
          expiresAt: string;
          user: { handle: string; role: string; badges: unknown[] };
        };
      }>(REGISTER, { input: { handle, password: 'password-123', displayName: '花呗用户🙂' } });
      expect(reg.register.user).toMatchObject({ handle, role: 'MEMBER', badges: [] });
      expect(new Date(reg.register.expiresAt).getTime()).toBeGreaterThan(Date.now());

      const login = await t.ok<{ login: { token: string } }>(LOGIN, {
        input: { handle: handle.toUpperCase(), password: 'password-123' },
      });
      const me = await t.ok<{ me: { handle: string } }>(ME, {}, login.login.token);
      expect(me.me.handle).toBe(handle);
    });

    it('stores passwords as argon2id hashes', async () => {
      const u = await t.register('hash');
      const [row] = await t.db.query('SELECT password_hash AS h FROM users WHERE id = ?', [u.id]);
      expect(row.h).toMatch(/^\$argon2id\$/);
    });

    it('answers me with null when signed out', async () => {
      expect((await t.ok<{ me: null }>(ME)).me).toBeNull();
    });

    it('lets an admin grant and revoke an official badge, shown in badges', async () => {
      const admin = await t.withRole(await t.register('adm'), Role.ADMIN);
      const staff = await t.register('staff');
      const grant = await t.ok<{
        grantOfficialBadge: { isOfficial: boolean; badges: { kind: string; label: string }[] };
      }>(
        `mutation($id: ID!) { grantOfficialBadge(userId: $id, label: "支付宝官方客服") { isOfficial badges { kind label } } }`,
        { id: staff.id },
        admin.token,
      );
      expect(grant.grantOfficialBadge).toEqual({
        isOfficial: true,
        badges: [{ kind: 'OFFICIAL', label: '支付宝官方客服' }],
      });
      // The grant revoked the tokens issued before it: the account signs in again.
      expect(codes(await t.gql(ME, {}, staff.token))).toEqual(['UNAUTHENTICATED']);
      const relogin = await t.ok<{ login: { token: string } }>(LOGIN, {
        input: { handle: staff.handle, password: 'correct horse battery' },
      });
      const me = await t.ok<{ me: { isOfficial: boolean } }>(ME, {}, relogin.login.token);
      expect(me.me.isOfficial).toBe(true);

      const revoke = await t.ok<{ revokeOfficialBadge: { isOfficial: boolean; badges: unknown[] } }>(
        `mutation($id: ID!) { revokeOfficialBadge(userId: $id) { isOfficial badges { kind } } }`,
        { id: staff.id },
        admin.token,
      );
      expect(revoke.revokeOfficialBadge).toEqual({ isOfficial: false, badges: [] });
    });

    it('shows MODERATOR and ADMIN badges', async () => {
      const mod = await t.withRole(await t.register('mod'), Role.MODERATOR);
      const admin = await t.withRole(await t.register('adm'), Role.ADMIN);
      const m = await t.ok<{ me: { badges: { kind: string }[] } }>(ME, {}, mod.token);
      const a = await t.ok<{ me: { badges: { kind: string }[] } }>(ME, {}, admin.token);
      expect(m.me.badges.map((b) => b.kind)).toEqual(['MODERATOR']);
      expect(a.me.badges.map((b) => b.kind)).toEqual(['ADMIN']);
    });

    it('finds a user by handle', async () => {
      const u = await t.register('find');
      const res = await t.ok<{ user: { id: string } | null }>(
        `query($h: String!) { user(handle: $h) { id } }`,
        { h: u.handle },
      );
      expect(res.user?.id).toBe(u.id);
      const none = await t.ok<{ user: null }>(`{ user(handle: "no_such_user_xyz") { id } }`);
      expect(none.user).toBeNull();
    });
  });

  describe('failing', () => {
    it.each([
      ['too short handle', { handle: 'ab', password: 'password-123', displayName: 'x' }, 'handle'],
      ['non-Latin handle', { handle: '用户名字', password: 'password-123', displayName: 'x' }, 'handle'],
      ['short password', { handle: uniqueHandle('p'), password: 'short', displayName: 'x' }, 'password'],
      [
        'empty display name',
        { handle: uniqueHandle('d'), password: 'password-123', displayName: '   ' },
        'displayName',
      ],
      [
        '41-character display name',
        { handle: uniqueHandle('d'), password: 'password-123', displayName: '字'.repeat(41) },
        'displayName',
      ],
    ])('rejects %s with BAD_USER_INPUT', async (_, input, field) => {
      const res = await t.gql(REGISTER, { input });
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors?.[0].extensions?.field).toBe(field);
    });

    it('accepts a 40-character Chinese display name (lengths count characters)', async () => {
      const res = await t.gql(REGISTER, {
        input: { handle: uniqueHandle('d'), password: 'password-123', displayName: '字'.repeat(40) },
      });
      expect(res.errors).toBeUndefined();
    });

    it('rejects a taken handle regardless of case with CONFLICT', async () => {
      const u = await t.register('dup');
      const res = await t.gql(REGISTER, {
        input: { handle: u.handle.toUpperCase(), password: 'password-123', displayName: 'x' },
      });
      expect(codes(res)).toEqual(['CONFLICT']);
    });

    it('rejects a wrong password and an unknown handle alike', async () => {
      const u = await t.register('login');
      const wrong = await t.gql(LOGIN, { input: { handle: u.handle, password: 'wrong-password' } });
      const unknown = await t.gql(LOGIN, { input: { handle: 'nobody_here_1', password: 'wrong-password' } });
      expect(codes(wrong)).toEqual(['UNAUTHENTICATED']);
      expect(unknown.errors?.[0]).toMatchObject({
        message: wrong.errors?.[0].message,
        extensions: { code: 'UNAUTHENTICATED' },
      });
    });

    it('rejects a forged or malformed token on protected mutations', async () => {
      const ask = `mutation { askQuestion(input: { title: "花呗怎么还款", body: "问", tags: [] }) { question { id } } }`;
      expect(codes(await t.gql(ask, {}, 'not-a-jwt'))).toEqual(['UNAUTHENTICATED']);
      const forged = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';
      expect(codes(await t.gql(ask, {}, forged))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await t.gql(ask))).toEqual(['UNAUTHENTICATED']);
    });

    it('lets only admins grant or revoke official badges', async () => {
      const member = await t.register('mem');
      const mod = await t.withRole(await t.register('mod'), Role.MODERATOR);
      const target = await t.register('tgt');
      const grant = `mutation($id: ID!) { grantOfficialBadge(userId: $id, label: "官方") { id } }`;
      expect(codes(await t.gql(grant, { id: target.id }, member.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(grant, { id: target.id }, mod.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(grant, { id: target.id }))).toEqual(['UNAUTHENTICATED']);
      const admin = await t.withRole(await t.register('adm'), Role.ADMIN);
      expect(codes(await t.gql(grant, { id: '999999999' }, admin.token))).toEqual(['NOT_FOUND']);
      expect(codes(await t.gql(grant, { id: 'abc' }, admin.token))).toEqual(['BAD_USER_INPUT']);
      const [row] = await t.db.query('SELECT official_label AS l FROM users WHERE id = ?', [target.id]);
      expect(row.l).toBeNull();
    });
  });
});
