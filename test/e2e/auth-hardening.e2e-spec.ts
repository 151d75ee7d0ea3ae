import { Role, UsersService } from '@app/accounts';
import { JwtService } from '@nestjs/jwt';
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { ApiProcess } from '../helpers/api-process';
import { eventually } from '../helpers/eventually';
import { answer, ask } from '../helpers/forum-ops';
import { TestApp, TestUser, codes, uniqueHandle } from '../helpers/test-app';

const PASSWORD = 'correct horse battery';
const ME = `{ me { handle role isOfficial displayName } }`;
const ASK = `mutation { askQuestion(input: { title: "花呗怎么提前还款", body: "问", tags: [] }) { question { id } } }`;
const LOGIN = `mutation($h: String!, $p: String!) { login(input: { handle: $h, password: $p }) { token } }`;
const LOGOUT = `mutation { logout }`;
const CHANGE = `mutation($c: String!, $n: String!) {
  changePassword(currentPassword: $c, newPassword: $n) { token expiresAt user { handle } }
}`;
const REGISTER = `mutation($i: RegisterInput!) { register(input: $i) { token user { displayName } } }`;
const NOTIFICATIONS = `subscription { notificationAdded { id kind question { id } } }`;
const SUBSCRIBE_LIMIT = 40;

// Caps small enough to reach in a test; the subscribe rate limit above them, so each is seen alone.
const ENV = {
  WS_MAX_SUBSCRIPTIONS_PER_SOCKET: '3',
  WS_MAX_SUBSCRIPTIONS_PER_USER: '5',
  WS_TOKEN_RECHECK_MS: '1000',
  // Limits are on in this file (the test set-up turns them off elsewhere); registering and signing
  // in from one address get room for the many accounts the tests make.
  RATE_LIMIT: 'on',
  RATE_LIMITS: JSON.stringify({
    subscribe: { newMember: [[SUBSCRIBE_LIMIT, 600]], member: [[SUBSCRIBE_LIMIT, 600]] },
    register: { newMember: [[1000, 3600]], member: [[1000, 3600]], staff: [[1000, 3600]] },
    loginIp: { newMember: [[1000, 3600]], member: [[1000, 3600]], staff: [[1000, 3600]] },
  }),
};

interface Event {
  kind: 'next' | 'error' | 'complete';
  value?: unknown;
}

/** One graphql-ws connection of a test, with every close code it saw. */
class Socket {
  readonly closeCodes: number[] = [];
  readonly client: Client;
  private readonly connected: Promise<void>;

  constructor(url: string, token?: string) {
    this.client = createClient({
      url: `${url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: 0,
      lazy: false,
      on: { closed: (e) => this.closeCodes.push((e as { code: number }).code) },
      onNonLazyError: () => undefined,
    });
    this.connected = new Promise((resolve) => this.client.on('connected', () => resolve()));
  }

  ready(): Promise<void> {
    return this.connected;
  }

  /** Starts one operation; `events` fills as the server answers. */
  start(query: string): { events: Event[]; stop: () => void } {
    const events: Event[] = [];
    const stop = this.client.subscribe(
      { query },
      {
        next: (value) => events.push({ kind: 'next', value }),
        error: (value) => events.push({ kind: 'error', value }),
        complete: () => events.push({ kind: 'complete' }),
      },
    );
    return { events, stop };
  }

  /** Runs one operation to its first answer (an error, a result or the end). */
  async first(query: string): Promise<Event> {
    const op = this.start(query);
    return eventually(async () => {
      expect(op.events.length).toBeGreaterThan(0);
      return op.events[0];
    }, 10000);
  }

  close(): Promise<void> {
    return this.client.dispose() as Promise<void>;
  }
}

/** The error codes of an `error` event (graphql-ws sends an array of GraphQL errors). */
function errorCodes(e: Event): unknown[] {
  expect(e.kind).toBe('error');
  return (e.value as { extensions?: { code?: string } }[]).map((x) => x.extensions?.code);
}
function errorMessages(e: Event): string {
  return (e.value as { message: string }[]).map((x) => x.message).join(' | ');
}

describe('authentication hardening', () => {
  let t: TestApp;
  let jwt: JwtService;
  const sockets: Socket[] = [];
  const open = async (token?: string, wait = true): Promise<Socket> => {
    const s = new Socket(t.url, token);
    sockets.push(s);
    if (wait) await s.ready();
    return s;
  };

  beforeAll(async () => {
    t = await TestApp.start(ENV);
    jwt = t.app.get(JwtService);
  });
  afterAll(async () => {
    for (const s of sockets) await s.close().catch(() => undefined);
    await t.close();
  });

  const login = async (u: TestUser, password = PASSWORD): Promise<string> =>
    (await t.ok<{ login: { token: string } }>(LOGIN, { h: u.handle, p: password })).login.token;

  describe('tokens', () => {
    it('refuses tokens without exp, without a version, or with a foreign signature', async () => {
      const u = await t.register('tok');
      const sign = (payload: object, opts: object = {}) => jwt.sign(payload, { algorithm: 'HS256', ...opts });
      const noExp = sign({ sub: u.id, ver: 0 });
      const noVersion = sign({ sub: u.id }, { expiresIn: 600 });
      const expired = sign({ sub: u.id, ver: 0, exp: Math.floor(Date.now() / 1000) - 10 });
      const foreign = new JwtService({ secret: 'another-secret-0123456789abcdefghijkl' }).sign(
        { sub: u.id, ver: 0 },
        { expiresIn: 600 },
      );
      const good = sign({ sub: u.id, ver: 0 }, { expiresIn: 600 });
      for (const token of [noExp, noVersion, expired, foreign]) {
        expect(codes(await t.gql(ASK, {}, token))).toEqual(['UNAUTHENTICATED']);
        expect(codes(await t.gql(ME, {}, token))).toEqual(['UNAUTHENTICATED']);
      }
      expect((await t.ok<{ me: { handle: string } }>(ME, {}, good)).me.handle).toBe(u.handle);
      // The issued token carries exp and ver.
      expect(jwt.decode(u.token)).toMatchObject({ sub: u.id, ver: 0, exp: expect.any(Number) });
    });

    it('checks the token version with one read that the request reuses', async () => {
      const u = await t.register('cost');
      const sql = async (query: string, token?: string) => {
        const res = await t.gql(query, {}, token);
        expect(res.errors).toBeUndefined();
        return Number(res.headers.get('x-sql-queries'));
      };
      const anonymous = await sql('{ __typename }');
      const signedIn = await sql('{ __typename }', u.token);
      const me = await sql('{ me { id handle displayName } }', u.token);
      console.log(`SQL statements: anonymous ${anonymous}, with a token ${signedIn}, me ${me}`);
      expect(anonymous).toBe(0);
      expect(signedIn).toBe(1); // the user row, by primary key
      expect(me).toBe(1); // the same row answers me
    });

    it('logout revokes every earlier token of the account (all devices) and only that account', async () => {
      const u = await t.register('logout');
      const bystander = await t.register('bystander');
      const phone = await login(u);
      const laptop = await login(u);
      expect(await t.ok<{ logout: boolean }>(LOGOUT, {}, laptop)).toEqual({ logout: true });
      for (const token of [u.token, phone, laptop]) {
        expect(codes(await t.gql(ME, {}, token))).toEqual(['UNAUTHENTICATED']);
        expect(codes(await t.gql(ASK, {}, token))).toEqual(['UNAUTHENTICATED']);
        expect(codes(await t.gql(LOGOUT, {}, token))).toEqual(['UNAUTHENTICATED']);
      }
      const again = await login(u);
      expect((await t.ok<{ me: { handle: string } }>(ME, {}, again)).me.handle).toBe(u.handle);
      expect((await t.ok<{ me: { handle: string } }>(ME, {}, bystander.token)).me.handle).toBe(
        bystander.handle,
      );
      expect(codes(await t.gql(LOGOUT))).toEqual(['UNAUTHENTICATED']);
    });

    it('changePassword checks the current password, revokes earlier tokens and returns a working one', async () => {
      const u = await t.register('chpw');
      const other = await login(u);
      const wrong = await t.gql(CHANGE, { c: 'not the password', n: 'new password 2024' }, u.token);
      expect(codes(wrong)).toEqual(['BAD_USER_INPUT']);
      expect(wrong.errors?.[0].extensions?.field).toBe('currentPassword');
      const short = await t.gql(CHANGE, { c: PASSWORD, n: 'short' }, u.token);
      expect(codes(short)).toEqual(['BAD_USER_INPUT']);
      expect(short.errors?.[0].extensions?.field).toBe('newPassword');
      // Refused attempts changed nothing: the old token and password still work.
      expect((await t.ok<{ me: { handle: string } }>(ME, {}, u.token)).me.handle).toBe(u.handle);

      const changed = await t.ok<{
        changePassword: { token: string; expiresAt: string; user: { handle: string } };
      }>(CHANGE, { c: PASSWORD, n: 'new password 2024' }, u.token);
      expect(changed.changePassword.user.handle).toBe(u.handle);
      expect(new Date(changed.changePassword.expiresAt).getTime()).toBeGreaterThan(Date.now());
      const fresh = changed.changePassword.token;
      expect((await t.ok<{ me: { handle: string } }>(ME, {}, fresh)).me.handle).toBe(u.handle);
      await t.ok(ASK, {}, fresh);
      for (const token of [u.token, other])
        expect(codes(await t.gql(ME, {}, token))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await t.gql(LOGIN, { h: u.handle, p: PASSWORD }))).toEqual(['UNAUTHENTICATED']);
      await login(u, 'new password 2024');
      expect(codes(await t.gql(CHANGE, { c: PASSWORD, n: 'whatever 12345' }))).toEqual(['UNAUTHENTICATED']);
    });

    it('limits changePassword attempts per account (guessing the current password)', async () => {
      const u = await t.register('chpwlimit');
      const seen: (string | undefined)[] = [];
      for (let i = 0; i < 6; i++) {
        seen.push(codes(await t.gql(CHANGE, { c: `guess-${i}-wrong`, n: 'new password 2024' }, u.token))[0]);
      }
      expect(seen).toEqual([...Array(5).fill('BAD_USER_INPUT'), 'RATE_LIMITED']);
    });

    it('a role change, a badge grant and a badge revoke each revoke earlier tokens', async () => {
      const admin = await t.withRole(await t.register('hadm'), Role.ADMIN);
      const u = await t.register('roles');
      const users = t.app.get(UsersService);

      let before = u.token;
      await users.setRole('system', u.id, Role.MODERATOR); // the CLI's path
      expect(codes(await t.gql(ME, {}, before))).toEqual(['UNAUTHENTICATED']);
      before = await login(u);
      expect((await t.ok<{ me: { role: string } }>(ME, {}, before)).me.role).toBe('MODERATOR');
      // Setting the same role again changes nothing and revokes nothing.
      await users.setRole('system', u.id, Role.MODERATOR);
      expect((await t.ok<{ me: { role: string } }>(ME, {}, before)).me.role).toBe('MODERATOR');

      await t.ok(
        `mutation($id: ID!) { grantOfficialBadge(userId: $id, label: "支付宝官方客服", displayName: "支付宝官方客服") { id } }`,
        { id: u.id },
        admin.token,
      );
      expect(codes(await t.gql(ME, {}, before))).toEqual(['UNAUTHENTICATED']);
      before = await login(u);
      expect(
        (await t.ok<{ me: { isOfficial: boolean; displayName: string } }>(ME, {}, before)).me,
      ).toMatchObject({
        isOfficial: true,
        displayName: '支付宝官方客服',
      });

      await t.ok(`mutation($id: ID!) { revokeOfficialBadge(userId: $id) { id } }`, { id: u.id }, admin.token);
      expect(codes(await t.gql(ME, {}, before))).toEqual(['UNAUTHENTICATED']);
      const after = await t.ok<{ me: { isOfficial: boolean; displayName: string } }>(ME, {}, await login(u));
      // A former official account does not keep a name only official accounts may carry.
      expect(after.me).toEqual(expect.objectContaining({ isOfficial: false, displayName: u.handle }));
    });
  });

  describe('display names', () => {
    const register = (displayName: string) =>
      t.gql<{ register: { user: { displayName: string } } }>(REGISTER, {
        i: { handle: uniqueHandle('dn'), password: PASSWORD, displayName },
      });

    it.each([
      '官方客服',
      '支付宝官方客服',
      '支付宝小助手',
      '官 方 客 服',
      '客\u200b服小王',
      '官·方',
      'Alipay Help',
      'ＡＬＩＰＡＹ',
      'OFFICIAL',
      '0ffic1al',
      'Customer Support',
      'оfficial', // Cyrillic о
    ])('refuses %j for a member with BAD_USER_INPUT', async (name) => {
      const res = await register(name);
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors?.[0].extensions?.field).toBe('displayName');
    });

    it('refuses the label of a badge in use, and allows ordinary names', async () => {
      await t.official(await t.register('lbl'), '蚂蚁安全中心');
      expect(codes(await register('蚂蚁 安全中心小助手'))).toEqual(['BAD_USER_INPUT']);
      for (const name of ['小王', '热心网友阿华', 'Mia (Shanghai)', '版主·小林']) {
        expect((await register(name)).data?.register.user.displayName).toBe(name);
      }
    });

    it('lets an admin give an official account such a name with the badge', async () => {
      const admin = await t.withRole(await t.register('dnadm'), Role.ADMIN);
      const staff = await t.register('dnstaff');
      const res = await t.ok<{ grantOfficialBadge: { displayName: string; isOfficial: boolean } }>(
        `mutation($id: ID!) { grantOfficialBadge(userId: $id, label: "支付宝官方客服", displayName: "官方客服·小蚂") { displayName isOfficial } }`,
        { id: staff.id },
        admin.token,
      );
      expect(res.grantOfficialBadge).toEqual({ displayName: '官方客服·小蚂', isOfficial: true });
    });
  });

  describe('graphql-ws', () => {
    it('refuses queries and mutations on the socket: they are not executed', async () => {
      const u = await t.register('wsq');
      const s = await open(u.token);
      const query = await s.first(`{ me { handle } }`);
      expect(errorCodes(query)).toEqual(['BAD_REQUEST']);
      expect(errorMessages(query)).toContain('Only subscriptions');
      const mutation = await s.first(LOGOUT);
      expect(errorCodes(mutation)).toEqual(['BAD_REQUEST']);
      // logout did not run: the token still works.
      expect((await t.ok<{ me: { handle: string } }>(ME, {}, u.token)).me.handle).toBe(u.handle);
      // A document with several operations and no operation name is refused too.
      const named = await s.first(`query Q { me { id } } subscription S { notificationAdded { id } }`);
      expect(errorCodes(named)).toEqual(['BAD_REQUEST']);
      await s.close();
    });

    it('applies the HTTP validation rules (aliases, cost, depth, tokens) to subscriptions', async () => {
      const u = await t.register('wsv');
      const s = await open(u.token);
      const aliases = `subscription { notificationAdded { ${Array.from({ length: 60 }, (_, i) => `a${i}: id`).join(' ')} } }`;
      const spreads = Array.from({ length: 60 }, () => '...Q1').join(' ');
      const costly = `subscription { notificationAdded { question { ...Q } } }
        fragment U on User { displayName handle badges { label kind } }
        fragment A on Answer { body author { ...U } question { title body author { ...U } } }
        fragment Q on Question { ${spreads} }
        fragment Q1 on Question { answers { edges { node { ...A } } } }`;
      const deep = `subscription { notificationAdded { question { ${'answers { edges { node { question { '.repeat(3)}id${' } } } }'.repeat(3)} } } }`;
      const tokens = `subscription { notificationAdded { ${'id '.repeat(2100)} } }`;

      const invalid = (e: Event) =>
        expect(new Set(errorCodes(e))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
      const a = await s.first(aliases);
      invalid(a);
      expect(errorMessages(a)).toMatch(/Aliases limit/);
      const c = await s.first(costly);
      invalid(c);
      expect(errorMessages(c)).toMatch(/Cost limit/i);
      const d = await s.first(deep);
      invalid(d);
      expect(errorMessages(d)).toMatch(/depth/i);
      const tk = await s.first(tokens);
      expect(errorCodes(tk)).toEqual(['GRAPHQL_PARSE_FAILED']);
      // The same shapes are refused over HTTP (the control: one rule set for both).
      const http = await t.gql(
        `query { question(id: "1") { ${Array.from({ length: 60 }, (_, i) => `a${i}: id`).join(' ')} } }`,
        {},
        u.token,
      );
      expect(codes(http)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      // Schema errors as well (graphql-js's own rules).
      const unknown = await s.first(`subscription { notificationAdded { noSuchField } }`);
      expect(errorCodes(unknown)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      await s.close();
    });

    it('caps concurrent subscriptions per socket and per account, and frees a slot on complete', async () => {
      const u = await t.register('wscap');
      const helper = await t.register('wscaphelp');
      const one = await open(u.token);
      const onOne = Array.from({ length: 6 }, () => one.start(NOTIFICATIONS));
      const refused = () => onOne.filter((op) => op.events.some((e) => e.kind === 'error'));
      await eventually(async () => expect(refused()).toHaveLength(3), 10000);
      for (const op of refused()) expect(errorCodes(op.events[0])).toEqual(['RATE_LIMITED']);
      expect(errorMessages(refused()[0].events[0])).toContain('At most 3 subscriptions per connection');
      const live = onOne.filter((op) => op.events.length === 0);
      expect(live).toHaveLength(3);

      // A second socket of the same account: 2 more fit under the account's cap of 5.
      const two = await open(u.token);
      const onTwo = Array.from({ length: 3 }, () => two.start(NOTIFICATIONS));
      await eventually(async () => expect(onTwo.filter((op) => op.events.length > 0)).toHaveLength(1), 10000);
      const perUser = onTwo.find((op) => op.events.length > 0);
      expect(errorCodes(perUser!.events[0])).toEqual(['RATE_LIMITED']);
      expect(errorMessages(perUser!.events[0])).toContain('At most 5 subscriptions per account');

      // The 5 accepted ones are live: one notification reaches each of them.
      const q = await ask(t, u, '订阅上限测试问题', '内容');
      await answer(t, helper, q.id, '回答一下');
      const accepted = [...live, ...onTwo.filter((op) => op !== perUser)];
      expect(accepted).toHaveLength(5);
      await eventually(async () => {
        for (const op of accepted) expect(op.events.filter((e) => e.kind === 'next')).toHaveLength(1);
      }, 15000);

      // Completing one frees its slot (messages on one socket are handled in order): of two new
      // subscribes, the first fits and the second is over the socket's cap again.
      live[0].stop();
      const retry = one.start(NOTIFICATIONS);
      const another = one.start(NOTIFICATIONS);
      await eventually(async () => expect(another.events).toHaveLength(1), 10000);
      expect(errorMessages(another.events[0])).toContain('per connection');
      expect(retry.events).toEqual([]);
      await one.close();
      await two.close();
    });

    it('the review: 300 subscriptions on one socket are not all accepted', async () => {
      const u = await t.register('ws300');
      const s = await open(u.token);
      const ops = Array.from({ length: 300 }, () => s.start(NOTIFICATIONS));
      await eventually(async () => expect(ops.filter((op) => op.events.length > 0)).toHaveLength(297), 20000);
      const refused = ops.filter((op) => op.events.length > 0);
      expect(new Set(refused.map((op) => errorCodesOf(op.events[0])))).toEqual(new Set(['RATE_LIMITED']));
      await s.close();
    });

    it('answers a subscription without a token with UNAUTHENTICATED, formatted like HTTP', async () => {
      const s = await open(undefined);
      const first = await s.first(NOTIFICATIONS);
      expect(errorCodesOf(first)).toBe('UNAUTHENTICATED');
      expect(JSON.stringify(first.value)).not.toMatch(/Internal server error|\.ts:\d+/);
      await s.close();
    });

    it('rate-limits subscribe messages', async () => {
      const s = await open(undefined); // signed out: every subscribe fails fast, so none stays open
      const seen: unknown[] = [];
      for (let i = 0; i < SUBSCRIBE_LIMIT + 2; i++) seen.push(errorCodesOf(await s.first(NOTIFICATIONS)));
      // The address already spent one subscribe in the previous test.
      expect(seen.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(SUBSCRIBE_LIMIT - 1);
      expect(seen.slice(SUBSCRIBE_LIMIT - 1)).toEqual(['RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED']);
      await s.close();
    });

    it('checks the token at connection: no exp, revoked or forged tokens are refused (4403)', async () => {
      const u = await t.register('wsauth');
      const noExp = jwt.sign({ sub: u.id, ver: 0 }, { algorithm: 'HS256' });
      const stale = u.token;
      await t.app.get(UsersService).setRole('system', u.id, Role.MODERATOR);
      for (const token of [noExp, stale, 'not-a-token']) {
        const s = await open(token, false);
        await eventually(async () => expect(s.closeCodes).toContain(4403), 10000);
      }
    });

    it('logout closes the open sockets of the account and refuses the old token afterwards', async () => {
      const u = await t.register('wsout');
      const other = await t.register('wsstay');
      const phone = await login(u);
      const mine = await open(phone);
      const minePending = mine.start(NOTIFICATIONS);
      const theirs = await open(other.token);
      theirs.start(NOTIFICATIONS);
      await t.ok(LOGOUT, {}, u.token);
      await eventually(async () => expect(mine.closeCodes).toContain(4403), 10000);
      expect(minePending.events.some((e) => e.kind === 'next')).toBe(false);
      expect(theirs.closeCodes).toEqual([]);
      const again = await open(phone, false);
      await eventually(async () => expect(again.closeCodes).toContain(4403), 10000);
      await theirs.close();
    });

    it('closes sockets revoked by another instance at the periodic re-check', async () => {
      const u = await t.register('wsrecheck');
      const s = await open(u.token);
      s.start(NOTIFICATIONS);
      // Another instance revoked the tokens: only the database knows.
      await t.db.query('UPDATE users SET token_version = token_version + 1 WHERE id = ?', [u.id]);
      await eventually(async () => expect(s.closeCodes).toContain(4403), 20000, 100);
    });
  });
});

/** The first error code of an operation's first answer: refused (`error`) or failed (`next` with errors). */
function errorCodesOf(e: Event): unknown {
  if (e.kind === 'error') return (e.value as { extensions?: { code?: string } }[])[0]?.extensions?.code;
  if (e.kind === 'next')
    return (e.value as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code;
  return e.kind;
}

describe('production start-up refuses weak JWT secrets', () => {
  it.each([
    ['shorter than 32 bytes', 'short-secret-0123456789', /JWT_SECRET: must be at least 32 bytes/],
    [
      'the published development secret',
      'dev-only-secret-change-me-in-production-0123456789',
      /published development secret/,
    ],
  ])(
    'a JWT_SECRET %s',
    async (_, secret, message) => {
      const api = await ApiProcess.spawn({ NODE_ENV: 'production', JWT_SECRET: secret, LOG_LEVEL: 'warn' });
      try {
        const exit = await api.waitExit(90000);
        expect(exit.timedOut).toBe(false);
        expect(exit.code).not.toBe(0);
        expect(api.output).toMatch(message);
        expect(api.output).toContain('Invalid environment');
      } finally {
        await api.kill();
      }
    },
    120000,
  );
});
