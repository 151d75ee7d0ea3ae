import { Role } from '@app/accounts';
import { ChildProcess, spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { ACCEPT, ANSWER, ASK, VOTE, answer, ask } from '../helpers/forum-ops';
import { GqlResponse, TestApp, TestUser, codes } from '../helpers/test-app';

// Small windows so the limits are reached in a few requests; the production defaults live in
// libs/core/src/rate-limit/rate-limit.rules.ts (the `defaults` app below runs with them).
const RATE_LIMITS = JSON.stringify({
  ask: { newMember: [[1, 3600]], member: [[3, 3600]] },
  vote: { newMember: [[2, 3600]] },
  accept: { newMember: [[4, 30]], member: [[4, 30]] },
  register: { newMember: [[50, 3600]], member: [[50, 3600]], staff: [[50, 3600]] },
  loginFailures: { member: [[2, 5]] },
  refusedAddress: { newMember: [[3, 600]], member: [[3, 600]], staff: [[3, 600]] },
  desk: { staff: [[2, 3600]] },
  moderate: { staff: [[2, 3600]] },
});

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token } }`;
const REPORT = `mutation($input: ReportPostInput!) { reportPost(input: $input) { id } }`;
const MARK_READ = `mutation { markNotificationsRead { marked } }`;
const PASSWORD = 'correct horse battery';

const askInput = (i: number, title = `花呗还款失败第${i}次`) => ({
  input: { title, body: '内容', tags: [] },
});
const tooShort = { input: { title: 'ab', body: '内容', tags: [] } };
/** A client address, believed because these apps trust X-Forwarded-For from loopback (TRUST_PROXY). */
const from = (address: string) => ({ 'x-forwarded-for': address });
const ext = (res: GqlResponse) => res.errors?.[0]?.extensions ?? {};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function questionsBy(t: TestApp, user: TestUser): Promise<number> {
  const [row] = await t.db.query('SELECT COUNT(*) AS n FROM questions WHERE author_id = ?', [user.id]);
  return Number(row.n);
}

describe('rate limits', () => {
  let t: TestApp;
  let unlimited: TestApp;
  /** The production defaults (RATE_LIMITS unset). */
  let defaults: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ RATE_LIMIT: 'on', RATE_LIMITS, TRUST_PROXY: 'loopback' });
    unlimited = await TestApp.start({ RATE_LIMIT: 'off' });
    defaults = await TestApp.start({ RATE_LIMIT: 'on', TRUST_PROXY: 'loopback' });
  });
  afterAll(async () => {
    await t.close();
    await unlimited.close();
    await defaults.close();
  });

  /** Accounts are made through the unlimited app (same database) so registration limits stay out of the way. */
  const register = (prefix: string) => unlimited.register(prefix);
  const established = async (prefix: string) => {
    const u = await register(prefix);
    await unlimited.db.query('UPDATE users SET created_at = NOW(3) - INTERVAL 2 DAY WHERE id = ?', [u.id]);
    return u;
  };

  it('lets a new account ask once, then answers RATE_LIMITED with a retry hint', async () => {
    const u = await t.register('rl');
    expect((await t.gql(ASK, askInput(1), u.token)).errors).toBeUndefined();
    const res = await t.gql(ASK, askInput(2), u.token);
    expect(codes(res)).toEqual(['RATE_LIMITED']);
    expect(ext(res).retryAfterSeconds).toBeGreaterThan(3000);
    const [row] = await t.db.query('SELECT COUNT(*) AS n FROM questions WHERE title = ?', [
      '花呗还款失败第2次',
    ]);
    expect(Number(row.n)).toBe(0);
  });

  it('gives established accounts the member limits and staff their own', async () => {
    const u = await t.register('rlold');
    await t.db.query('UPDATE users SET created_at = NOW(3) - INTERVAL 2 DAY WHERE id = ?', [u.id]);
    for (let i = 0; i < 3; i++) expect((await t.gql(ASK, askInput(10 + i), u.token)).errors).toBeUndefined();
    expect(codes(await t.gql(ASK, askInput(13), u.token))).toEqual(['RATE_LIMITED']);
    const mod = await t.withRole(await t.register('rlmod'), Role.MODERATOR);
    for (let i = 0; i < 4; i++)
      expect((await t.gql(ASK, askInput(20 + i), mod.token)).errors).toBeUndefined();
  });

  it('limits votes per actor, not globally', async () => {
    const author = await t.withRole(await t.register('rlauthor'), Role.MODERATOR);
    const q = await ask(t, author);
    const voter = await t.register('rlvoter');
    const other = await t.register('rlvoter2');
    const vote = (u: TestUser, value: string) =>
      t.gql(VOTE, { input: { targetType: 'QUESTION', targetId: q.id, value } }, u.token);
    expect((await vote(voter, 'UP')).errors).toBeUndefined();
    expect((await vote(voter, 'DOWN')).errors).toBeUndefined();
    expect(codes(await vote(voter, 'NONE'))).toEqual(['RATE_LIMITED']);
    expect((await vote(other, 'UP')).errors).toBeUndefined();
  });

  it('allows four accepts per 30 seconds (Discourse’s anchor)', async () => {
    const asker = await t.register('rlasker');
    const helper = await t.withRole(await t.register('rlhelper'), Role.MODERATOR);
    await t.db.query('UPDATE users SET created_at = NOW(3) - INTERVAL 2 DAY WHERE id = ?', [asker.id]);
    // The question and answers are written through the unlimited app so only accepts are counted.
    const q = await ask(unlimited, asker, '借呗额度为什么没了');
    const answers: string[] = [];
    for (let i = 0; i < 5; i++) answers.push(await answer(unlimited, helper, q.id, `办法${i}`));
    for (let i = 0; i < 4; i++)
      expect((await t.gql(ACCEPT, { id: answers[i] }, asker.token)).errors).toBeUndefined();
    expect(codes(await t.gql(ACCEPT, { id: answers[4] }, asker.token))).toEqual(['RATE_LIMITED']);
  });

  it('turns every limit off with RATE_LIMIT=off', async () => {
    const u = await unlimited.register('rloff');
    for (let i = 0; i < 4; i++)
      expect((await unlimited.gql(ASK, askInput(200 + i), u.token)).errors).toBeUndefined();
  });

  it('reads of the desk and of the report queue never spend desk or moderation points', async () => {
    const official = await t.official(await register('rldesk'));
    const mod = await t.withRole(await register('rldeskmod'), Role.MODERATOR);
    const reads = [
      `query { officialQueue(first: 5) { totalCount } }`,
      `query { staleOfficialAnswers(first: 5) { totalCount } }`,
      `query { deskBreaches(first: 5) { totalCount } }`,
      `query { deskTargets { categoryKey } }`,
      `query { cannedReplies { id } }`,
    ];
    // Desk accounts may take 2 desk actions an hour here; they read far more than that first.
    for (let i = 0; i < 3; i++)
      for (const read of reads) expect((await t.gql(read, {}, official.token)).errors).toBeUndefined();
    for (let i = 0; i < 3; i++)
      expect(
        (await t.gql(`query { reports(first: 5) { edges { node { id } } } }`, {}, mod.token)).errors,
      ).toBeUndefined();
    const claim = (id: string) =>
      t.gql(`mutation($id: ID!) { claimThread(questionId: $id) { id } }`, { id }, official.token);
    const threads = [];
    for (let i = 0; i < 3; i++)
      threads.push(await ask(unlimited, await established(`rldeska${i}`), `官方台读取不计数${i}`));
    expect((await claim(threads[0].id)).errors).toBeUndefined();
    expect((await claim(threads[1].id)).errors).toBeUndefined();
    // The write limit is real: the third desk action is the one refused.
    expect(codes(await claim(threads[2].id))).toEqual(['RATE_LIMITED']);
    const hide = (id: string) =>
      t.gql(
        `mutation($input: ModeratePostInput!) { hidePost(input: $input) { __typename } }`,
        { input: { targetType: 'QUESTION', targetId: id, reason: '测试隐藏' } },
        mod.token,
      );
    expect((await hide(threads[0].id)).errors).toBeUndefined();
    expect((await hide(threads[1].id)).errors).toBeUndefined();
    expect(codes(await hide(threads[2].id))).toEqual(['RATE_LIMITED']);
  });

  describe('a refused action costs nothing from its budget', () => {
    it('a new account’s refused question is followed by a valid one; the next waits the new-account window', async () => {
      const u = await register('rlnew');
      const refused = await defaults.gql(ASK, tooShort, u.token);
      expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
      expect(
        codes(await defaults.gql(ASK, { input: { ...askInput(1).input, category: 'nope' } }, u.token)),
      ).toEqual(['BAD_USER_INPUT']);
      expect((await defaults.gql(ASK, askInput(300), u.token)).errors).toBeUndefined();

      const limited = await defaults.gql(ASK, askInput(301), u.token);
      expect(codes(limited)).toEqual(['RATE_LIMITED']);
      expect(ext(limited)).toMatchObject({
        limit: 'ask',
        tier: 'newMember',
        window: { points: 1, seconds: 1200 },
      });
      expect(ext(limited).retryAfterSeconds).toBeGreaterThan(1100);
      expect(ext(limited).retryAfterSeconds).toBeLessThanOrEqual(1200);
      expect(limited.errors?.[0].message).toContain('new accounts can ask 1 question per 20 minutes');
      // With the budget spent, bad input is still told as bad input.
      expect(codes(await defaults.gql(ASK, tooShort, u.token))).toEqual(['BAD_USER_INPUT']);
      expect(await questionsBy(defaults, u)).toBe(1);
    });

    it('the same for answers: refused answers are free, the window is told truthfully', async () => {
      const asker = await established('rlqa');
      const q = await ask(unlimited, asker, '余额宝提现一直显示处理中');
      const u = await register('rlans');
      const post = (questionId: string, body: string) =>
        defaults.gql(ANSWER, { input: { questionId, body } }, u.token);
      expect(codes(await post('999999999', '去客服中心提交工单'))).toEqual(['NOT_FOUND']);
      expect(codes(await post(q.id, '   '))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await post(q.id, ''))).toEqual(['BAD_USER_INPUT']);
      // New accounts may post 2 answers per 5 minutes: both still available after three refusals.
      expect((await post(q.id, '第一个办法：重启一下')).errors).toBeUndefined();
      expect((await post(q.id, '第二个办法：换张卡')).errors).toBeUndefined();
      const limited = await post(q.id, '第三个办法');
      expect(codes(limited)).toEqual(['RATE_LIMITED']);
      expect(ext(limited)).toMatchObject({
        limit: 'answer',
        tier: 'newMember',
        window: { points: 2, seconds: 300 },
      });
      expect(ext(limited).retryAfterSeconds).toBeGreaterThan(200);
      expect(ext(limited).retryAfterSeconds).toBeLessThanOrEqual(300);
      expect(limited.errors?.[0].message).toContain('new accounts can post 2 answers per 5 minutes');
      expect(codes(await post(q.id, ''))).toEqual(['BAD_USER_INPUT']);
    });

    it('reports: refusals (own post, unknown post) do not use the reporter’s budget', async () => {
      const u = await register('rlrep');
      const own = await ask(unlimited, u, '自己的问题不能举报');
      const other = await ask(unlimited, await established('rlrep2'), '别人的问题可以举报');
      const report = (targetId: string) =>
        defaults.gql(
          REPORT,
          { input: { targetType: 'QUESTION', targetId, reason: '疑似诈骗信息' } },
          u.token,
        );
      // New accounts may file 5 reports an hour; 6 refusals leave all 5.
      for (let i = 0; i < 3; i++) expect(codes(await report(own.id))).toEqual(['FORBIDDEN']);
      for (let i = 0; i < 3; i++) expect(codes(await report('999999999'))).toEqual(['NOT_FOUND']);
      expect((await report(other.id)).errors).toBeUndefined();
    });

    it('31 refused attempts in a row are stopped by the refused-attempt limit, which says so', async () => {
      const u = await register('rlprobe');
      for (let i = 0; i < 30; i++)
        expect(codes(await defaults.gql(ASK, tooShort, u.token))).toEqual(['BAD_USER_INPUT']);
      const stopped = await defaults.gql(ASK, tooShort, u.token);
      expect(codes(stopped)).toEqual(['RATE_LIMITED']);
      expect(ext(stopped)).toMatchObject({ limit: 'refused', window: { points: 30, seconds: 600 } });
      expect(ext(stopped).retryAfterSeconds).toBeGreaterThan(500);
      expect(stopped.errors?.[0].message).toMatch(/too many refused attempts/i);
      // Every limited action of this account waits now, valid or not; nothing is written.
      expect(ext(await defaults.gql(ASK, askInput(400), u.token)).limit).toBe('refused');
      expect(await questionsBy(defaults, u)).toBe(0);
      // Another account is not affected.
      expect(
        (await defaults.gql(ASK, askInput(401), (await register('rlprobe2')).token)).errors,
      ).toBeUndefined();
    });

    it('refused attempts are also limited per client address, across accounts', async () => {
      const address = from('10.9.0.1');
      for (let i = 0; i < 3; i++) {
        const u = await register(`rladdr${i}`);
        expect(codes(await t.gql(ASK, tooShort, u.token, address))).toEqual(['BAD_USER_INPUT']);
      }
      const fourth = await register('rladdr3');
      const stopped = await t.gql(ASK, askInput(500), fourth.token, address);
      expect(ext(stopped)).toMatchObject({ code: 'RATE_LIMITED', limit: 'refusedAddress' });
      expect(stopped.errors?.[0].message).toContain(
        'each address can make 3 refused attempts per 10 minutes',
      );
      expect((await t.gql(ASK, askInput(501), fourth.token, from('10.9.0.2'))).errors).toBeUndefined();
    });

    it('racing requests never take more than the limit', async () => {
      const u = await established('rlrace');
      // Members may ask 3 questions per 10 minutes.
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => defaults.gql(ASK, askInput(600 + i), u.token)),
      );
      const outcome = results.map((r) => codes(r)[0] ?? 'ok');
      expect(outcome.filter((c) => c === 'ok')).toHaveLength(3);
      expect(outcome.filter((c) => c === 'RATE_LIMITED')).toHaveLength(7);
      expect(await questionsBy(defaults, u)).toBe(3);
    });

    it('racing refused and valid requests: the refused ones give their point back', async () => {
      const u = await established('rlrace2');
      const results = await Promise.all([
        ...Array.from({ length: 6 }, () => defaults.gql(ASK, tooShort, u.token)),
        ...Array.from({ length: 3 }, (_, i) => defaults.gql(ASK, askInput(700 + i), u.token)),
      ]);
      expect(results.slice(0, 6).map((r) => codes(r)[0])).toEqual(Array(6).fill('BAD_USER_INPUT'));
      expect(results.slice(6).map((r) => r.errors)).toEqual([undefined, undefined, undefined]);
      expect(await questionsBy(defaults, u)).toBe(3);
    });
  });

  describe('sign-in', () => {
    const login = (app: TestApp, handle: string, password: string, address: string) =>
      app.gql(LOGIN, { input: { handle, password } }, undefined, from(address));

    it('counts each attempt before the password check: 12 parallel wrong passwords get 5 checks', async () => {
      const u = await register('rlpar');
      const results = await Promise.all(
        Array.from({ length: 12 }, () => login(defaults, u.handle, 'wrong-password', '10.1.0.1')),
      );
      const outcome = results.map((r) => codes(r)[0]);
      expect(outcome.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(5);
      expect(outcome.filter((c) => c === 'RATE_LIMITED')).toHaveLength(7);
      // Locked for that address, even with the right password; not for the owner's own address.
      const locked = await login(defaults, u.handle, PASSWORD, '10.1.0.1');
      expect(ext(locked)).toMatchObject({ code: 'RATE_LIMITED', limit: 'loginFailures' });
      expect(locked.errors?.[0].message).toContain('from your address');
      expect((await login(defaults, u.handle, PASSWORD, '10.1.0.2')).errors).toBeUndefined();
    });

    it('a stranger’s failures never lock a member, a moderator or an official account out of their own address', async () => {
      const member = await register('rlvictim');
      const moderator = await unlimited.withRole(await register('rlvmod'), Role.MODERATOR);
      const official = await unlimited.official(await register('rlvoff'));
      for (const victim of [member, moderator, official]) {
        for (let i = 0; i < 8; i++)
          expect(codes(await login(defaults, victim.handle, `guess-${i}-wrong`, '10.2.0.66'))).toEqual([
            i < 5 ? 'UNAUTHENTICATED' : 'RATE_LIMITED',
          ]);
        expect((await login(defaults, victim.handle, PASSWORD, '10.2.0.1')).errors).toBeUndefined();
        // A success clears only the owner's own address; the stranger's stays locked.
        expect(codes(await login(defaults, victim.handle, PASSWORD, '10.2.0.66'))).toEqual(['RATE_LIMITED']);
      }
    });

    it('locks grow: each lock of the same handle and address within a day lasts twice as long', async () => {
      // Here 2 failures per 5 seconds lock the pair for 5 s, then 10 s.
      const u = await register('rlgrow');
      const address = '10.3.0.1';
      for (let i = 0; i < 2; i++)
        expect(codes(await login(t, u.handle, 'wrong-password', address))).toEqual(['UNAUTHENTICATED']);
      const first = await login(t, u.handle, PASSWORD, address);
      expect(codes(first)).toEqual(['RATE_LIMITED']);
      const firstWait = ext(first).retryAfterSeconds as number;
      expect(firstWait).toBeGreaterThan(0);
      expect(firstWait).toBeLessThanOrEqual(5);
      await sleep(firstWait * 1000 + 200);
      for (let i = 0; i < 2; i++)
        expect(codes(await login(t, u.handle, 'wrong-password', address))).toEqual(['UNAUTHENTICATED']);
      const second = await login(t, u.handle, PASSWORD, address);
      expect(codes(second)).toEqual(['RATE_LIMITED']);
      expect(ext(second).retryAfterSeconds).toBeGreaterThan(5);
      expect(ext(second).retryAfterSeconds).toBeLessThanOrEqual(10);
    });

    it('a successful sign-in clears the failures of its address', async () => {
      const u = await register('rlclear');
      const address = '10.4.0.1';
      expect(codes(await login(t, u.handle, 'wrong-password', address))).toEqual(['UNAUTHENTICATED']);
      expect((await login(t, u.handle, PASSWORD, address)).errors).toBeUndefined();
      expect(codes(await login(t, u.handle, 'wrong-password', address))).toEqual(['UNAUTHENTICATED']);
      expect((await login(t, u.handle, PASSWORD, address)).errors).toBeUndefined();
    });
  });
});

/** A free TCP port on loopback. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function metric(t: TestApp, name: string): Promise<number> {
  const text = await (await fetch(`${t.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : NaN;
}

interface Readiness {
  status: string;
  degraded: string[];
  details: Record<string, { status: string; [k: string]: unknown }>;
}

async function readiness(t: TestApp): Promise<{ status: number; body: Readiness }> {
  const res = await fetch(`${t.url}/health/ready`);
  return { status: res.status, body: (await res.json()) as Readiness };
}

describe('rate limits while Redis is down', () => {
  let unlimited: TestApp;
  beforeAll(async () => {
    unlimited = await TestApp.start({ RATE_LIMIT: 'off' });
  });
  afterAll(() => unlimited.close());

  it('Redis unreachable from the start: writes go through on in-process limits, counted and reported', async () => {
    const app = await TestApp.start({ RATE_LIMIT: 'on', REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const u = await unlimited.register('rlnoredis');
      expect((await app.gql(ASK, askInput(800), u.token)).errors).toBeUndefined();
      // The in-process counter still limits.
      expect(ext(await app.gql(ASK, askInput(801), u.token))).toMatchObject({
        code: 'RATE_LIMITED',
        limit: 'ask',
      });
      expect(await metric(app, 'rate_limit_redis_fallbacks_total')).toBeGreaterThan(0);
      expect(await metric(app, 'rate_limit_redis_degraded')).toBe(1);
      const { status, body } = await readiness(app);
      expect(status).toBe(200);
      expect(body.status).toBe('degraded');
      expect(body.degraded).toEqual(['redis']);
      expect(body.details.redis).toMatchObject({ status: 'down', error: expect.any(String) });
      expect(body.details.database).toEqual({ status: 'up' });
    } finally {
      await app.close();
    }
  });

  it('Redis going away: limits move to in-process counters and come back when it returns', async () => {
    const port = await freePort();
    const start = async (): Promise<ChildProcess> => {
      const redis = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'], {
        stdio: 'ignore',
      });
      await new Promise<void>((resolve, reject) => {
        redis.once('error', reject);
        const poll = () => {
          const socket = connect(port, '127.0.0.1');
          socket.once('connect', () => {
            socket.destroy();
            resolve();
          });
          socket.once('error', () => setTimeout(poll, 50));
        };
        poll();
      });
      return redis;
    };
    const stop = (redis: ChildProcess) =>
      new Promise<void>((resolve) => {
        redis.once('exit', () => resolve());
        redis.kill('SIGKILL');
      });
    let redis = await start();
    const app = await TestApp.start({ RATE_LIMIT: 'on', REDIS_URL: `redis://127.0.0.1:${port}` });
    try {
      const u = await unlimited.register('rlredis');
      await unlimited.db.query('UPDATE users SET created_at = NOW(3) - INTERVAL 2 DAY WHERE id = ?', [u.id]);
      expect((await app.gql(ASK, askInput(900), u.token)).errors).toBeUndefined();
      expect(await metric(app, 'rate_limit_redis_fallbacks_total')).toBe(0);
      expect((await readiness(app)).body.details.redis).toMatchObject({ status: 'up' });

      await stop(redis);
      expect((await app.gql(ASK, askInput(901), u.token)).errors).toBeUndefined();
      expect(await metric(app, 'rate_limit_redis_degraded')).toBe(1);
      expect(await metric(app, 'rate_limit_redis_fallbacks_total')).toBeGreaterThan(0);
      const down = await readiness(app);
      expect(down.status).toBe(200);
      expect(down.body.degraded).toContain('redis');

      redis = await start();
      // ioredis reconnects on its own back-off; the next decisions are shared again.
      const deadline = Date.now() + 20000;
      let degraded = 1;
      while (degraded === 1 && Date.now() < deadline) {
        await sleep(200);
        expect((await app.gql(MARK_READ, {}, u.token)).errors).toBeUndefined();
        degraded = await metric(app, 'rate_limit_redis_degraded');
      }
      expect(degraded).toBe(0);
      expect((await readiness(app)).body.status).toBe('ok');
    } finally {
      await app.close();
      await stop(redis);
    }
  });
});
