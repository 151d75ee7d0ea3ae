import { Role } from '@app/accounts';
import { Clock } from '@app/core';
import { AcceptReminders, NotificationsRelay, NotificationsRunner } from '@app/notifications';
import { SearchOutboxRepository } from '@app/search';
import { Client, createClient } from 'graphql-ws';
import Redis from 'ioredis';
import WebSocket from 'ws';
import { eventually } from '../helpers/eventually';
import { ACCEPT, ANSWER, MARK, answer, ask } from '../helpers/forum-ops';
import { TestApp, TestUser, codes } from '../helpers/test-app';

const LIST = `query($first: Int, $after: String) {
  notifications(first: $first, after: $after) {
    unreadCount
    pageInfo { hasNextPage endCursor }
    edges { node { id kind isRead question { id } answer { id } actor { handle } } }
  }
}`;
const READ = `mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) { marked unreadCount } }`;
const FOLLOW = `mutation($id: ID!) { followQuestion(questionId: $id) { id } }`;
const ME_TOO = `mutation($id: ID!) { meToo(questionId: $id) { id } }`;
const SUBSCRIBE = `subscription { notificationAdded { id kind question { id title } actor { handle } } }`;
const DAY = 86400000;

interface Listed {
  notifications: {
    unreadCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: {
      node: {
        id: string;
        kind: string;
        isRead: boolean;
        question: { id: string } | null;
        answer: { id: string } | null;
        actor: { handle: string } | null;
      };
    }[];
  };
}

// The relay is driven by hand here (NOTIFICATIONS_RELAY=off), so each test controls when events turn
// into notifications; the socket tests start the background runner.
describe('notifications', () => {
  let t: TestApp;
  let relay: NotificationsRelay;
  let asker: TestUser;
  let helper: TestUser;
  let follower: TestUser;
  let same: TestUser;
  let staff: TestUser;

  beforeAll(async () => {
    t = await TestApp.start({ NOTIFICATIONS_RELAY: 'off' });
    relay = t.app.get(NotificationsRelay);
    asker = await t.register('nasker');
    helper = await t.register('nhelper');
    follower = await t.register('nfollow');
    same = await t.register('nsame');
    staff = await t.official(await t.register('nstaff'));
  });
  afterAll(() => t.close());

  const drain = async (): Promise<void> => {
    while ((await relay.runOnce()).events > 0);
  };
  const list = async (user: TestUser, first = 20, after?: string) =>
    (await t.ok<Listed>(LIST, { first, after }, user.token)).notifications;
  const kindsOf = async (user: TestUser, questionId: string) =>
    (await list(user, 50)).edges.filter((e) => e.node.question?.id === questionId).map((e) => e.node.kind);

  it('tells followers of new and official answers, the answer author of an accept, and me-too members once when solved', async () => {
    const q = await ask(t, asker, '余额宝转出一直不到账', '已经三天了');
    await t.ok(FOLLOW, { id: q.id }, follower.token);
    await t.ok(ME_TOO, { id: q.id }, same.token); // me-too also follows
    const a = await answer(t, helper, q.id, '转出到银行卡要 T+1，节假日顺延。');
    await drain();
    expect(await kindsOf(asker, q.id)).toEqual(['NEW_ANSWER']);
    expect(await kindsOf(follower, q.id)).toEqual(['NEW_ANSWER']);
    expect(await kindsOf(helper, q.id)).toEqual([]); // not told of their own answer

    await t.ok(ACCEPT, { id: a }, asker.token);
    const official = await t.ok<{ postAnswer: { id: string } }>(
      ANSWER,
      { input: { questionId: q.id, body: '您好，节假日到账会顺延，请耐心等待。' } },
      staff.token,
    );
    await drain();
    expect(await kindsOf(helper, q.id)).toEqual(['ANSWER_ACCEPTED']);
    expect(await kindsOf(follower, q.id)).toEqual(['OFFICIAL_ANSWER', 'NEW_ANSWER']);
    // Solved by the accept, solved again by the official answer: one ME_TOO_SOLVED.
    expect((await kindsOf(same, q.id)).filter((k) => k === 'ME_TOO_SOLVED')).toEqual(['ME_TOO_SOLVED']);
    const top = (await list(follower)).edges[0].node;
    expect(top).toMatchObject({
      kind: 'OFFICIAL_ANSWER',
      isRead: false,
      answer: { id: official.postAnswer.id },
      actor: { handle: staff.handle },
    });

    // An endorsement is an official answer too.
    const q2 = await ask(t, asker, '花呗账单分期后能提前还吗', '想一次还清');
    const a2 = await answer(t, helper, q2.id, '可以，在账单页选择提前还款。');
    await t.ok(MARK, { id: a2 }, staff.token);
    await drain();
    expect(await kindsOf(asker, q2.id)).toEqual(['OFFICIAL_ANSWER', 'NEW_ANSWER']);
  });

  it('pages newest first, counts unread and marks read by id or all at once', async () => {
    const reader = await t.register('nreader');
    const q = await ask(t, reader, '怎么关闭免密支付', '找不到入口');
    for (const body of ['设置-支付设置', '我的-设置-免密支付', '联系客服关闭'])
      await answer(t, helper, q.id, body);
    await drain();
    const page1 = await list(reader, 2);
    expect(page1.unreadCount).toBe(3);
    expect(page1.edges).toHaveLength(2);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = await list(reader, 2, page1.pageInfo.endCursor ?? undefined);
    expect(page2.edges).toHaveLength(1);
    const ids = [...page1.edges, ...page2.edges].map((e) => Number(e.node.id));
    expect(ids).toEqual([...ids].sort((x, y) => y - x));

    const one = await t.ok<{ markNotificationsRead: { marked: number; unreadCount: number } }>(
      READ,
      { ids: [page1.edges[0].node.id] },
      reader.token,
    );
    expect(one.markNotificationsRead).toEqual({ marked: 1, unreadCount: 2 });
    // Someone else's ids are not theirs to mark.
    const other = await t.ok<{ markNotificationsRead: { marked: number } }>(
      READ,
      { ids: [page1.edges[1].node.id] },
      helper.token,
    );
    expect(other.markNotificationsRead.marked).toBe(0);
    const all = await t.ok<{ markNotificationsRead: { marked: number; unreadCount: number } }>(
      READ,
      {},
      reader.token,
    );
    expect(all.markNotificationsRead).toEqual({ marked: 2, unreadCount: 0 });
    expect(codes(await t.gql(LIST, {}))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(READ, { ids: ['x'] }, reader.token))).toEqual(['BAD_USER_INPUT']);
  });

  it('loses nothing when the relay is not running, and never notifies twice', async () => {
    const q = await ask(t, asker, '商家不退款怎么投诉', '说好的七天无理由');
    await answer(t, helper, q.id, '在订单页发起投诉。');
    const count = async () =>
      Number(
        (await t.db.query('SELECT COUNT(*) AS n FROM notifications WHERE question_id = ?', [q.id]))[0].n,
      );
    expect(await count()).toBe(0); // the write is committed, the notice not yet made
    await drain();
    expect(await count()).toBe(1);
    await drain();
    expect(await count()).toBe(1);
    // A relay that crashed after inserting but before moving its cursor replays the same events.
    const [cursor] = await t.db.query(
      `SELECT last_event_id AS id FROM outbox_cursors WHERE consumer = 'notifications'`,
    );
    await t.db.query(`UPDATE outbox_cursors SET last_event_id = ? WHERE consumer = 'notifications'`, [
      Number(cursor.id) - 3,
    ]);
    await drain();
    expect(await count()).toBe(1);
  });

  it('keeps outbox rows that the notifications relay has not read when purging', async () => {
    const q = await ask(t, asker, '提现手续费怎么算', '每次都扣钱');
    await answer(t, helper, q.id);
    const [cursor] = await t.db.query(
      `SELECT last_event_id AS id FROM outbox_cursors WHERE consumer = 'notifications'`,
    );
    const [max] = await t.db.query('SELECT MAX(id) AS id FROM outbox_events');
    expect(Number(max.id)).toBeGreaterThan(Number(cursor.id));
    // Pretend every row was indexed long ago: only the rows the cursor has passed may go.
    await t.db.query('UPDATE outbox_events SET processed_at = NOW(3) - INTERVAL 30 DAY');
    await t.app.get(SearchOutboxRepository).purgeProcessed(7);
    const [left] = await t.db.query('SELECT MIN(id) AS min, COUNT(*) AS n FROM outbox_events');
    expect(Number(left.min)).toBe(Number(cursor.id) + 1);
    await drain();
    expect(await kindsOf(asker, q.id)).toEqual(['NEW_ANSWER']);
  });

  it('reminds the asker once to accept, 3 days after the first answer (moving the clock)', async () => {
    const q = await ask(t, asker, '芝麻分突然降了', '没有逾期');
    await answer(t, helper, q.id, '可能是查询次数多了。');
    const accepted = await ask(t, asker, '芝麻分怎么查', '找不到');
    await t.ok(ACCEPT, { id: await answer(t, helper, accepted.id) }, asker.token);
    const reminders = t.app.get(AcceptReminders);
    expect(await reminders.remindDue()).toBe(0); // not yet 3 days

    const clock = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(Date.now() + 3 * DAY + 60000));
    try {
      expect(await reminders.remindDue()).toBeGreaterThanOrEqual(1);
      expect(await reminders.remindDue()).toBe(0); // one reminder per question, ever
    } finally {
      clock.mockRestore();
    }
    await drain();
    expect(await kindsOf(asker, q.id)).toEqual(['ACCEPT_REMINDER', 'NEW_ANSWER']);
    expect(await kindsOf(asker, accepted.id)).not.toContain('ACCEPT_REMINDER');
    expect(await kindsOf(helper, q.id)).toEqual([]);
  });

  describe('live over graphql-ws', () => {
    beforeAll(() => t.app.get(NotificationsRunner).start());
    afterAll(() => t.app.get(NotificationsRunner).stop());

    it('delivers a notification to the recipient only, after another user answers', async () => {
      const q = await ask(t, asker, '手机丢了怎么冻结账户', '很着急');
      const mine = await listen(t.url, asker.token);
      const bystander = await listen(t.url, follower.token);
      try {
        await answer(t, helper, q.id, '马上拨打客服电话挂失。');
        const got = await eventually(async () => {
          expect(mine.received).toHaveLength(1);
          return mine.received[0];
        }, 10000);
        expect(got).toMatchObject({
          data: {
            notificationAdded: {
              kind: 'NEW_ANSWER',
              question: { id: q.id },
              actor: { handle: helper.handle },
            },
          },
        });
        expect(bystander.received).toEqual([]);
      } finally {
        await mine.close();
        await bystander.close();
      }
    });

    it('delivers the desk notices live: claimed and handed off to the asker (no actor), assigned to the official', async () => {
      const q = await ask(t, asker, '官方台实时通知测试', '账户被限制了，怎么办？');
      const holder = await t.official(await t.register('nholder'));
      const assignee = await t.official(await t.register('nassignee'));
      const moderator = await t.withRole(await t.register('nmod'), Role.MODERATOR);
      const askerSocket = await listen(t.url, asker.token);
      const assigneeSocket = await listen(t.url, assignee.token);
      const bystander = await listen(t.url, follower.token);
      type Got = { data: { notificationAdded: { kind: string; question: { id: string }; actor: unknown } } };
      const kinds = (l: Listener) =>
        (l.received as Got[]).map((r) => r.data.notificationAdded).filter((n) => n.question?.id === q.id);
      try {
        await t.ok(`mutation($id: ID!) { claimThread(questionId: $id) { id } }`, { id: q.id }, holder.token);
        await eventually(async () => expect(kinds(askerSocket)).toHaveLength(1), 10000);
        expect(kinds(askerSocket)[0]).toMatchObject({ kind: 'DESK_CLAIMED', actor: null });

        await t.ok(
          `mutation($id: ID!, $u: ID!) { assignThread(questionId: $id, userId: $u) { id } }`,
          { id: q.id, u: assignee.id },
          moderator.token,
        );
        await eventually(async () => expect(kinds(assigneeSocket)).toHaveLength(1), 10000);
        expect(kinds(assigneeSocket)[0]).toMatchObject({
          kind: 'DESK_ASSIGNED',
          actor: { handle: moderator.handle },
        });

        await t.ok(
          `mutation($id: ID!, $r: String!) { handOffToPrivateSupport(questionId: $id, reason: $r) { id } }`,
          { id: q.id, r: '需要核对交易单号' },
          assignee.token,
        );
        await eventually(async () => expect(kinds(askerSocket)).toHaveLength(2), 10000);
        expect(kinds(askerSocket)[1]).toMatchObject({ kind: 'PRIVATE_SUPPORT', actor: null });
        // Nobody else hears about it; the asker never got the assignment.
        expect(kinds(bystander)).toEqual([]);
        expect(kinds(askerSocket).map((n) => n.kind)).toEqual(['DESK_CLAIMED', 'PRIVATE_SUPPORT']);
      } finally {
        await askerSocket.close();
        await assigneeSocket.close();
        await bystander.close();
      }
    });

    it('refuses a socket with a bad token and a subscription without one', async () => {
      const bad = await listen(t.url, 'not-a-token', false);
      await eventually(async () => expect(bad.closeCodes).toContain(4403), 5000);
      await bad.close();
      const anon = await listen(t.url, undefined);
      await eventually(async () => expect(anon.errors.length).toBeGreaterThan(0), 5000);
      await anon.close();
    });
  });

  describe('across API instances with Redis', () => {
    const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
    let reachable = false;
    let writer: TestApp;
    let reader: TestApp;

    beforeAll(async () => {
      const probe = new Redis(redisUrl, {
        lazyConnect: true,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      reachable = await probe.connect().then(
        () => probe.ping().then(() => true),
        () => false,
      );
      probe.disconnect();
      if (!reachable) return;
      // Same database: one instance relays, the socket is held by the other.
      writer = await TestApp.start({ REDIS_URL: redisUrl, NOTIFICATIONS_RELAY: 'on' });
      reader = await TestApp.start({ REDIS_URL: redisUrl, NOTIFICATIONS_RELAY: 'off' });
    });
    afterAll(async () => {
      await writer?.close();
      await reader?.close();
    });

    it('pushes a notice created by one instance to a socket on another', async () => {
      if (!reachable) {
        console.warn(`Redis not reachable at ${redisUrl}: cross-instance delivery not tested`);
        return;
      }
      const q = await ask(writer, asker, '跨实例通知测试问题', '内容');
      const sub = await listen(reader.url, asker.token);
      try {
        await answer(writer, helper, q.id, '跨实例回答');
        await eventually(async () => expect(sub.received).toHaveLength(1), 10000);
        expect(sub.received[0]).toMatchObject({
          data: { notificationAdded: { kind: 'NEW_ANSWER', question: { id: q.id } } },
        });
      } finally {
        await sub.close();
      }
    });
  });
});

interface Listener {
  received: unknown[];
  errors: unknown[];
  closeCodes: number[];
  close: () => Promise<void>;
}

/** Subscribes to notificationAdded over a real WebSocket; resolves once the server has it. */
async function listen(httpUrl: string, token: string | undefined, waitReady = true): Promise<Listener> {
  const out: Listener = { received: [], errors: [], closeCodes: [], close: async () => undefined };
  const client: Client = createClient({
    url: `${httpUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: false,
    on: { closed: (e) => out.closeCodes.push((e as { code: number }).code) },
    onNonLazyError: (e) => out.errors.push(e),
  });
  const connected = new Promise<void>((resolve) => client.on('connected', () => resolve()));
  const dispose = client.subscribe(
    { query: SUBSCRIBE },
    { next: (v) => out.received.push(v), error: (e) => out.errors.push(e), complete: () => undefined },
  );
  out.close = async () => {
    dispose();
    await client.dispose();
  };
  if (waitReady) {
    await connected;
    // The server registers the subscription right after the subscribe message; give it a moment.
    await new Promise((r) => setTimeout(r, 300));
  }
  return out;
}
