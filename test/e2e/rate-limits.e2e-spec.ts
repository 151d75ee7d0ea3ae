import { Role } from '@app/accounts';
import { ACCEPT, ASK, VOTE, answer, ask } from '../helpers/forum-ops';
import { TestApp, TestUser, codes } from '../helpers/test-app';

// Small windows so the limits are reached in a few requests; the production defaults live in
// libs/core/src/rate-limit/rate-limit.rules.ts.
const RATE_LIMITS = JSON.stringify({
  ask: { newMember: [[1, 3600]], member: [[3, 3600]] },
  vote: { newMember: [[2, 3600]] },
  accept: { newMember: [[4, 30]], member: [[4, 30]] },
  register: { newMember: [[50, 3600]], member: [[50, 3600]], staff: [[50, 3600]] },
  loginFailures: { member: [[3, 900]] },
});

describe('rate limits', () => {
  let t: TestApp;
  let unlimited: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ RATE_LIMIT: 'on', RATE_LIMITS });
    unlimited = await TestApp.start({ RATE_LIMIT: 'off' });
  });
  afterAll(async () => {
    await t.close();
    await unlimited.close();
  });

  const askInput = (i: number) => ({ input: { title: `花呗还款失败第${i}次`, body: '内容', tags: [] } });

  it('lets a new account ask once, then answers RATE_LIMITED with a retry hint', async () => {
    const u = await t.register('rl');
    expect((await t.gql(ASK, askInput(1), u.token)).errors).toBeUndefined();
    const res = await t.gql(ASK, askInput(2), u.token);
    expect(codes(res)).toEqual(['RATE_LIMITED']);
    expect(res.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(3000);
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

  it('locks a handle after repeated wrong passwords, even for the right one, without touching others', async () => {
    const u = await t.register('rllogin');
    const login = (password: string, handle = u.handle) =>
      t.gql(`mutation($input: LoginInput!) { login(input: $input) { token } }`, {
        input: { handle, password },
      });
    for (let i = 0; i < 3; i++) expect(codes(await login('wrong-password'))).toEqual(['UNAUTHENTICATED']);
    const locked = await login('correct horse battery');
    expect(codes(locked)).toEqual(['RATE_LIMITED']);
    const other = await t.register('rllogin2');
    expect((await login('correct horse battery', other.handle)).errors).toBeUndefined();
  });

  it('turns every limit off with RATE_LIMIT=off', async () => {
    const u = await unlimited.register('rloff');
    for (let i = 0; i < 4; i++)
      expect((await unlimited.gql(ASK, askInput(200 + i), u.token)).errors).toBeUndefined();
  });
});
