import { Role } from '@app/accounts';
import { Clock } from '@app/core';
import { DeskSweep } from '@app/forum';
import { NotificationsRelay } from '@app/notifications';
import { answer, ask } from '../helpers/forum-ops';
import { TestApp, TestUser, codes } from '../helpers/test-app';

const MIN = 60000;
const PUBLIC_URL = 'https://forum.example.test';

const QUEUE = `query($f: DeskQueueFilter, $s: DeskQueueSort, $first: Int, $after: String) {
  officialQueue(filter: $f, sort: $s, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { question { id } meTooCount targetMinutes timeLeftSeconds isBreached waitingSeconds
      claim { owner { handle } } } }
  }
}`;
const CLAIM = `mutation($id: ID!) { claimThread(questionId: $id) { id officialHandling } }`;
const RELEASE = `mutation($id: ID!) { releaseThread(questionId: $id) { id officialHandling } }`;
const ASSIGN = `mutation($id: ID!, $u: ID!) { assignThread(questionId: $id, userId: $u) { id deskClaim { owner { handle } assignedBy { handle } } } }`;
const THREAD = `query($id: ID!) { question(id: $id) { id officialHandling answerCount
  deskClaim { owner { handle } expiresAt }
  privateSupport { isOpen channel note outcome caseReference reason closedAt } } }`;
const HANDOFF = `mutation($id: ID!, $r: String!, $c: SupportChannel) {
  handOffToPrivateSupport(questionId: $id, reason: $r, channel: $c) { id privateSupport { caseReference isOpen } } }`;
const CLOSE_CASE = `mutation($ref: String!, $o: String!) { closePrivateSupportCase(caseReference: $ref, outcome: $o) { id privateSupport { isOpen outcome } } }`;
const CREATE_CANNED = `mutation($i: CannedReplyInput!) { createCannedReply(input: $i) { id usageCount unknownVariables } }`;
const PREVIEW = `query($id: ID!, $q: ID!) { previewCannedReply(id: $id, questionId: $q) { text usageCount } }`;
const INSERT = `mutation($id: ID!, $q: ID!) { insertCannedReply(id: $id, questionId: $q) { text usageCount } }`;
const STATS = `query($from: String!, $to: String!, $c: String) { deskStats(from: $from, to: $to, category: $c) {
  day categoryKey asked answeredOfficially firstResponseP50Seconds firstResponseP90Seconds breaches handoffs
  deflectedDrafts reverified } }`;
const BREACHES = `query { deskBreaches(days: 2, first: 50) { totalCount edges { node { question { id } isBreached firstResponseAt } } } }`;
const ACTIONS = `query($q: ID) { deskActions(questionId: $q, first: 50) { edges { node { action detail actor { handle } subjectUser { handle } createdAt } } } }`;

interface QueueData {
  officialQueue: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: {
      node: {
        question: { id: string };
        meTooCount: number;
        targetMinutes: number;
        timeLeftSeconds: number;
        isBreached: boolean;
        claim: { owner: { handle: string } } | null;
      };
    }[];
  };
}

describe('official desk', () => {
  let t: TestApp;
  let asker: TestUser;
  let member: TestUser;
  let officials: TestUser[];
  let moderator: TestUser;
  let relay: NotificationsRelay;

  beforeAll(async () => {
    t = await TestApp.start({
      NOTIFICATIONS_RELAY: 'off',
      PUBLIC_URL,
      DESK_CLAIM_IDLE_MINUTES: '60',
      // Limits on (the test run turns them off) to check the desk's own; generous for the set-up.
      RATE_LIMIT: 'on',
      RATE_LIMITS: JSON.stringify({
        ...Object.fromEntries(
          ['ask', 'answer', 'register', 'refused', 'refusedAddress', 'official'].map((a) => [
            a,
            { newMember: [[1000, 600]], member: [[1000, 600]], staff: [[1000, 600]] },
          ]),
        ),
        cannedReply: { staff: [[4, 600]] },
      }),
    });
    relay = t.app.get(NotificationsRelay);
    asker = await t.register('dasker', '小王');
    member = await t.register('dmember');
    officials = [];
    for (let i = 0; i < 8; i++) officials.push(await t.official(await t.register(`doff${i}`)));
    moderator = await t.withRole(await t.register('dmod'), Role.MODERATOR);
  });
  afterAll(() => t.close());

  /** Asks a question and places it in a category, asked `minutesAgo` before now. */
  async function thread(category: string | null, minutesAgo: number, title: string, tags = ['风控']) {
    const q = await ask(t, asker, title, '描述一下遇到的问题。', tags);
    await t.db.query('UPDATE questions SET category_key = ?, created_at = ? WHERE id = ?', [
      category,
      new Date(Date.now() - minutesAgo * MIN),
      q.id,
    ]);
    return q.id;
  }

  async function drain(): Promise<void> {
    while ((await relay.runOnce()).events > 0);
  }

  async function kinds(user: TestUser, questionId: string): Promise<string[]> {
    const rows = await t.db.query(
      'SELECT kind FROM notifications WHERE user_id = ? AND question_id = ? ORDER BY kind',
      [user.id, questionId],
    );
    return rows.map((r: { kind: string }) => r.kind);
  }

  async function queue(token: string, variables: Record<string, unknown>, mine: string[]): Promise<string[]> {
    const data = await t.ok<QueueData>(QUEUE, { first: 50, ...variables }, token);
    return data.officialQueue.edges.map((e) => e.node.question.id).filter((id) => mine.includes(id));
  }

  /** Walks a desk list page by page (`first` per page); returns the ids in order and the list read at once. */
  async function walk(
    query: string,
    field: string,
    idOf: (node: Record<string, unknown>) => string,
    variables: Record<string, unknown>,
    token: string,
    first = 2,
  ): Promise<{ paged: string[]; whole: string[]; totalCount: number }> {
    type Conn = {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { cursor: string; node: Record<string, unknown> }[];
    };
    const paged: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 200; i++) {
      const data: Record<string, Conn> = await t.ok<Record<string, Conn>>(
        query,
        { ...variables, first, after },
        token,
      );
      const conn: Conn = data[field];
      paged.push(...conn.edges.map((e) => idOf(e.node)));
      expect(conn.pageInfo.endCursor).toBe(conn.edges.at(-1)?.cursor ?? null);
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    const all = (await t.ok<Record<string, Conn>>(query, { ...variables, first: 50 }, token))[field];
    return { paged, whole: all.edges.map((e) => idOf(e.node)), totalCount: all.totalCount };
  }

  describe('queue', () => {
    let a: string;
    let b: string;
    let c: string;
    let solved: string;
    let ids: string[];

    beforeAll(async () => {
      a = await thread('account', 180, '账户冻结了怎么解冻');
      b = await thread('transaction', 300, '商家不退款怎么办');
      c = await thread('other', 60, '花呗额度突然降低', ['花呗额度']);
      solved = await thread('account', 240, '已经有官方回答的问题');
      await answer(t, officials[7], solved, '官方：请在设置中申请解冻。');
      await t.db.query(
        'UPDATE questions SET me_too_count = CASE id WHEN ? THEN 5 WHEN ? THEN 2 ELSE 0 END WHERE id IN (?)',
        [b, c, [a, b, c]],
      );
      ids = [a, b, c, solved];
    });

    it('lists open threads without an official answer, in each order', async () => {
      const tok = officials[0].token;
      expect(await queue(tok, { s: 'WAITING' }, ids)).toEqual([b, a, c]);
      expect(await queue(tok, { s: 'ME_TOO' }, ids)).toEqual([b, c, a]);
      // account 2 h target (asked 3 h ago: breached), transaction 8 h, other 24 h.
      expect(await queue(tok, { s: 'TIME_LEFT' }, ids)).toEqual([a, b, c]);
      const data = await t.ok<QueueData>(QUEUE, { s: 'TIME_LEFT', first: 50 }, tok);
      const nodeA = data.officialQueue.edges.find((e) => e.node.question.id === a)!.node;
      expect(nodeA).toMatchObject({ targetMinutes: 120, isBreached: true });
      expect(nodeA.timeLeftSeconds).toBeLessThan(-3500);
    });

    it('filters by category, tag, breach and claim', async () => {
      const tok = officials[0].token;
      expect(await queue(tok, { f: { category: 'transaction' } }, ids)).toEqual([b]);
      expect(await queue(tok, { f: { tag: '花呗额度' } }, ids)).toEqual([c]);
      expect(await queue(tok, { f: { breachedOnly: true } }, ids)).toEqual([a]);
      await t.ok(CLAIM, { id: a }, officials[0].token);
      expect(await queue(tok, { f: { claim: 'UNCLAIMED' } }, ids)).toEqual([b, c]);
      expect(await queue(tok, { f: { claim: 'CLAIMED' } }, ids)).toEqual([a]);
      expect(await queue(tok, { f: { claim: 'MINE' } }, ids)).toEqual([a]);
      expect(await queue(officials[1].token, { f: { claim: 'MINE' } }, ids)).toEqual([]);
      // Moderators see the queue too; members and visitors do not.
      expect(await queue(moderator.token, { f: { claim: 'CLAIMED' } }, ids)).toEqual([a]);
      expect(codes(await t.gql(QUEUE, {}, member.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(QUEUE, {}))).toEqual(['UNAUTHENTICATED']);
    });

    it('pages by cursor without gaps or repeats', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 20; i++) {
        const page: QueueData = await t.ok<QueueData>(
          QUEUE,
          { s: 'WAITING', first: 1, after },
          officials[0].token,
        );
        seen.push(...page.officialQueue.edges.map((e) => e.node.question.id));
        if (!page.officialQueue.pageInfo.hasNextPage) break;
        after = page.officialQueue.pageInfo.endCursor;
      }
      const all = await t.ok<QueueData>(QUEUE, { s: 'WAITING', first: 50 }, officials[0].token);
      expect(seen).toEqual(all.officialQueue.edges.map((e) => e.node.question.id));
      expect(seen.length).toBe(all.officialQueue.totalCount);
    });
    it('pages every order by cursor without gaps or repeats', async () => {
      const Q = `query($s: DeskQueueSort, $first: Int, $after: String) {
        officialQueue(sort: $s, first: $first, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } edges { cursor node { question { id } } } } }`;
      for (const sort of ['WAITING', 'ME_TOO', 'TIME_LEFT']) {
        const got = await walk(
          Q,
          'officialQueue',
          (n) => (n.question as { id: string }).id,
          { s: sort },
          officials[0].token,
        );
        expect(got.paged).toEqual(got.whole);
        expect(new Set(got.paged).size).toBe(got.totalCount);
        expect(got.totalCount).toBeGreaterThanOrEqual(3);
      }
    });

    it('a thread leaving the queue between two pages makes the next page skip nothing (keyset, not offset)', async () => {
      // Three threads older than any other, so they open the WAITING order.
      const x = await thread('other', 9000, '翻页测试：第一个');
      const y = await thread('other', 8990, '翻页测试：第二个');
      const z = await thread('other', 8980, '翻页测试：第三个');
      const Q = `query($after: String) { officialQueue(sort: WAITING, first: 1, after: $after) {
        pageInfo { endCursor } edges { node { question { id } } } } }`;
      type P = {
        officialQueue: { pageInfo: { endCursor: string }; edges: { node: { question: { id: string } } }[] };
      };
      const first = await t.ok<P>(Q, {}, officials[0].token);
      expect(first.officialQueue.edges.map((e) => e.node.question.id)).toEqual([x]);
      // x gets its official answer: it leaves the queue before the next page is read.
      await answer(t, officials[7], x, '官方：已处理。');
      const next = await t.ok<P>(Q, { after: first.officialQueue.pageInfo.endCursor }, officials[0].token);
      expect(next.officialQueue.edges.map((e) => e.node.question.id)).toEqual([y]);
      const third = await t.ok<P>(Q, { after: next.officialQueue.pageInfo.endCursor }, officials[0].token);
      expect(third.officialQueue.edges.map((e) => e.node.question.id)).toEqual([z]);
      // A cursor of another list, or a made-up one, is refused.
      const forged = Buffer.from('desk:[1,"2",3]').toString('base64url');
      expect(codes(await t.gql(Q, { after: forged }, officials[0].token))).toEqual(['BAD_USER_INPUT']);
      const offset = Buffer.from('desk:3').toString('base64url');
      expect(codes(await t.gql(Q, { after: offset }, officials[0].token))).toEqual(['BAD_USER_INPUT']);
      for (const id of [y, z]) await answer(t, officials[7], id, '官方：已处理。');
    });
  });

  it('pages breaches and stale official answers by cursor without gaps or repeats, ties included', async () => {
    // Breaches: same asking time (ties on the due time, broken by id), 10 h ago in a 2 h category.
    const tied = new Date(Date.now() - 600 * MIN);
    for (let i = 0; i < 3; i++) {
      const id = await thread('account', 600, `超时翻页测试${i}`);
      await t.db.query('UPDATE questions SET created_at = ? WHERE id = ?', [tied, id]);
    }
    const B = `query($first: Int, $after: String) { deskBreaches(days: 2, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { question { id } } } } }`;
    const breaches = await walk(
      B,
      'deskBreaches',
      (n) => (n.question as { id: string }).id,
      {},
      officials[0].token,
      1,
    );
    expect(breaches.paged).toEqual(breaches.whole);
    expect(breaches.paged.length).toBe(breaches.totalCount);
    expect(breaches.totalCount).toBeGreaterThanOrEqual(3);

    // Stale official answers: three verified at the same old moment.
    const old = new Date(Date.now() - 400 * 24 * 60 * MIN);
    for (let i = 0; i < 3; i++) {
      const q = await thread('other', 10, `核实翻页测试${i}`);
      const a = await answer(t, officials[6], q, `官方回复${i}：请按步骤处理。`);
      await t.db.query('UPDATE answers SET created_at = ?, verified_at = ? WHERE id = ?', [old, old, a]);
    }
    const S = `query($first: Int, $after: String) { staleOfficialAnswers(first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { answer { id } } } } }`;
    const stale = await walk(
      S,
      'staleOfficialAnswers',
      (n) => (n.answer as { id: string }).id,
      {},
      officials[0].token,
      1,
    );
    expect(stale.paged).toEqual(stale.whole);
    expect(stale.paged.length).toBe(stale.totalCount);
    expect(stale.totalCount).toBeGreaterThanOrEqual(3);
  });

  it('gives a thread to exactly one of many concurrent claims', async () => {
    const q = await thread('account', 10, '多人同时认领的问题');
    const results = await Promise.all(officials.map((o) => t.gql(CLAIM, { id: q }, o.token)));
    const won = results.filter((r) => !r.errors);
    expect(won).toHaveLength(1);
    expect(results.filter((r) => r.errors).flatMap((r) => codes(r))).toEqual(Array(7).fill('CONFLICT'));
    const winner = officials[results.findIndex((r) => !r.errors)];
    const [row] = await t.db.query('SELECT user_id FROM desk_claims WHERE question_id = ?', [q]);
    expect(String(row.user_id)).toBe(winner.id);
    // 官方处理中 for everyone; who holds it only for the desk.
    const anon = await t.ok<{ question: { officialHandling: boolean; deskClaim: unknown } }>(THREAD, {
      id: q,
    });
    expect(anon.question).toMatchObject({ officialHandling: true, deskClaim: null });
    const asMember = await t.ok<{ question: { deskClaim: unknown } }>(THREAD, { id: q }, member.token);
    expect(asMember.question.deskClaim).toBeNull();
    const asDesk = await t.ok<{ question: { deskClaim: { owner: { handle: string } } } }>(
      THREAD,
      { id: q },
      officials[0].token,
    );
    expect(asDesk.question.deskClaim.owner.handle).toBe(winner.handle);
    await drain();
    expect(await kinds(asker, q)).toEqual(['DESK_CLAIMED']);
    // The asker's notice says 官方处理中, not who: no actor, stored or shown.
    const NOTICES = `query { notifications(first: 50) { edges { node { kind question { id } actor { handle } } } } }`;
    type N = {
      notifications: { edges: { node: { kind: string; question: { id: string }; actor: unknown } }[] };
    };
    const claimedNotice = async () =>
      (await t.ok<N>(NOTICES, {}, asker.token)).notifications.edges
        .map((e) => e.node)
        .filter((n) => n.kind === 'DESK_CLAIMED' && n.question.id === q);
    expect(await claimedNotice()).toEqual([{ kind: 'DESK_CLAIMED', question: { id: q }, actor: null }]);
    const [stored] = await t.db.query(
      "SELECT actor_id FROM notifications WHERE user_id = ? AND question_id = ? AND kind = 'DESK_CLAIMED'",
      [asker.id, q],
    );
    expect(stored.actor_id).toBeNull();
    // A notice written before this rule (actor stored) shows no actor either.
    await t.db.query(
      "UPDATE notifications SET actor_id = ? WHERE user_id = ? AND question_id = ? AND kind = 'DESK_CLAIMED'",
      [winner.id, asker.id, q],
    );
    expect((await claimedNotice())[0].actor).toBeNull();
    // Members cannot claim; moderators assign to official accounts only.
    expect(codes(await t.gql(CLAIM, { id: q }, member.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(ASSIGN, { id: q, u: member.id }, moderator.token))).toEqual(['BAD_USER_INPUT']);
  });

  it('lets a claim lapse after the idle time (moved clock), then another official account may take it', async () => {
    const q = await thread('transaction', 5, '认领过期的问题');
    await t.ok(CLAIM, { id: q }, officials[1].token);
    expect(codes(await t.gql(CLAIM, { id: q }, officials[2].token))).toEqual(['CONFLICT']);
    expect(codes(await t.gql(RELEASE, { id: q }, officials[2].token))).toEqual(['FORBIDDEN']);
    const clock = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(Date.now() + 61 * MIN));
    try {
      const seen = await t.ok<{ question: { officialHandling: boolean } }>(THREAD, { id: q });
      expect(seen.question.officialHandling).toBe(false);
      expect(await queue(officials[1].token, { f: { claim: 'UNCLAIMED' } }, [q])).toEqual([q]);
      const taken = await t.ok<{ claimThread: { officialHandling: boolean } }>(
        CLAIM,
        { id: q },
        officials[2].token,
      );
      expect(taken.claimThread.officialHandling).toBe(true);
      expect(codes(await t.gql(CLAIM, { id: q }, officials[1].token))).toEqual(['CONFLICT']);
    } finally {
      clock.mockRestore();
    }
    // Another official account cannot move a held thread; a moderator can.
    expect(codes(await t.gql(ASSIGN, { id: q, u: officials[5].id }, officials[4].token))).toEqual([
      'CONFLICT',
    ]);
    // Assignment moves the thread and tells the assignee; a moderator may release anyone's claim.
    const assigned = await t.ok<{
      assignThread: { deskClaim: { owner: { handle: string }; assignedBy: { handle: string } } };
    }>(ASSIGN, { id: q, u: officials[3].id }, moderator.token);
    expect(assigned.assignThread.deskClaim).toEqual({
      owner: { handle: officials[3].handle },
      assignedBy: { handle: moderator.handle },
    });
    const released = await t.ok<{ releaseThread: { officialHandling: boolean } }>(
      RELEASE,
      { id: q },
      moderator.token,
    );
    expect(released.releaseThread.officialHandling).toBe(false);
    await drain();
    expect(await kinds(officials[3], q)).toEqual(['DESK_ASSIGNED']);
    // The audit trail shows every step with who did it, to moderators only.
    const audit = await t.ok<{
      deskActions: { edges: { node: { action: string; actor: { handle: string } } }[] };
    }>(ACTIONS, { q }, moderator.token);
    expect(audit.deskActions.edges.map((e) => [e.node.action, e.node.actor.handle])).toEqual([
      ['RELEASE', moderator.handle],
      ['ASSIGN', moderator.handle],
      ['CLAIM', officials[2].handle],
      ['CLAIM', officials[1].handle],
    ]);
    expect(codes(await t.gql(ACTIONS, { q }, officials[1].token))).toEqual(['FORBIDDEN']);
  });

  it('reminds before the first-response target, once, and lists the breach', async () => {
    const sweep = t.app.get(DeskSweep);
    const open = await thread('account', 0, '账户冻结急需处理');
    const held = await thread('account', 0, '账户冻结已有人跟进');
    await t.ok(CLAIM, { id: held }, officials[4].token);
    await sweep.remindDue();
    expect(await t.db.query('SELECT * FROM desk_reminders WHERE question_id IN (?)', [[open, held]])).toEqual(
      [],
    );

    // 2 h target, reminder 30 min before: at +95 min both are due (the claim kept alive by a re-claim).
    const clock = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(Date.now() + 59 * MIN));
    await t.ok(CLAIM, { id: held }, officials[4].token);
    clock.mockReturnValue(new Date(Date.now() + 95 * MIN));
    try {
      await sweep.remindDue();
      await sweep.remindDue();
    } finally {
      clock.mockRestore();
    }
    const sent = await t.db.query('SELECT question_id FROM desk_reminders WHERE question_id IN (?)', [
      [open, held],
    ]);
    expect(sent).toHaveLength(2);
    await drain();
    for (const o of officials) expect(await kinds(o, open)).toEqual(['DESK_TARGET_REMINDER']);
    expect(await kinds(officials[4], held)).toEqual(['DESK_TARGET_REMINDER']);
    for (const o of officials.filter((x) => x !== officials[4])) expect(await kinds(o, held)).toEqual([]);

    // Past the target: the open one is a breach; a late official answer is a breach too.
    const late = await thread('account', 180, '三小时后才有官方回复');
    await answer(t, officials[5], late, '官方：已为您处理。');
    const later = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(Date.now() + 125 * MIN));
    try {
      const data = await t.ok<{
        deskBreaches: {
          edges: {
            node: { question: { id: string }; isBreached: boolean; firstResponseAt: string | null };
          }[];
        };
      }>(BREACHES, {}, officials[0].token);
      const byId = new Map(data.deskBreaches.edges.map((e) => [e.node.question.id, e.node]));
      expect(byId.get(open)).toMatchObject({ isBreached: true, firstResponseAt: null });
      expect(byId.get(late)?.firstResponseAt).not.toBeNull();
      expect(byId.has(held)).toBe(true);
    } finally {
      later.mockRestore();
    }
    const [fr] = await t.db.query(
      'SELECT seconds, target_minutes FROM desk_first_responses WHERE question_id = ?',
      [late],
    );
    expect(Number(fr.seconds)).toBeGreaterThan(180 * 60 - 5);
    expect(Number(fr.target_minutes)).toBe(120);
  });

  it('fills in canned reply variables for insertion, counting uses, posting nothing', async () => {
    const q = await thread('account', 5, '账户被冻结了');
    const created = await t.ok<{
      createCannedReply: { id: string; usageCount: number; unknownVariables: string[] };
    }>(
      CREATE_CANNED,
      {
        i: {
          category: 'account',
          title: '冻结解冻步骤',
          body: '{asker} 您好，{category}问题请按步骤操作。进度见 {thread_url} 。{order_no}',
        },
      },
      officials[0].token,
    );
    const id = created.createCannedReply.id;
    expect(created.createCannedReply).toMatchObject({ usageCount: 0, unknownVariables: ['order_no'] });
    const expected = `小王 您好，账户类问题请按步骤操作。进度见 ${PUBLIC_URL}/q/${q} 。{order_no}`;
    const preview = await t.ok<{ previewCannedReply: { text: string; usageCount: number } }>(
      PREVIEW,
      { id, q },
      officials[1].token,
    );
    expect(preview.previewCannedReply).toEqual({ text: expected, usageCount: 0 });
    const inserted = await t.ok<{ insertCannedReply: { text: string; usageCount: number } }>(
      INSERT,
      { id, q },
      officials[1].token,
    );
    expect(inserted.insertCannedReply).toEqual({ text: expected, usageCount: 1 });
    const thread1 = await t.ok<{ question: { answerCount: number } }>(THREAD, { id: q });
    expect(thread1.question.answerCount).toBe(0);
    const listed = await t.ok<{ cannedReplies: { id: string; usageCount: number }[] }>(
      `query { cannedReplies(category: "account") { id usageCount } }`,
      {},
      officials[2].token,
    );
    expect(listed.cannedReplies).toContainEqual({ id, usageCount: 1 });
    expect(
      codes(await t.gql(CREATE_CANNED, { i: { title: '成员模板', body: '成员不能写模板' } }, member.token)),
    ).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(PREVIEW, { id, q }, member.token))).toEqual(['FORBIDDEN']);
    // The desk's own rate limit (4 canned-reply writes in 10 min in this run): the fifth is refused.
    const more = [];
    for (let i = 0; i < 4; i++) {
      more.push(
        await t.gql(CREATE_CANNED, { i: { title: `模板${i}`, body: '您好，请稍候。' } }, officials[6].token),
      );
    }
    expect(more.slice(0, 4).flatMap((r) => codes(r))).toEqual([]);
    expect(
      codes(
        await t.gql(CREATE_CANNED, { i: { title: '模板x', body: '您好，请稍候。' } }, officials[6].token),
      ),
    ).toEqual(['RATE_LIMITED']);
  });

  it('hands a thread off to private support with a case reference for the asker and a public note', async () => {
    const q = await thread('transaction', 30, '一笔交易被重复扣款');
    await t.ok(CLAIM, { id: q }, officials[0].token);
    const res = await t.ok<{
      handOffToPrivateSupport: { privateSupport: { caseReference: string; isOpen: boolean } };
    }>(HANDOFF, { id: q, r: '需要核对具体交易单号', c: 'HOTLINE' }, officials[0].token);
    const ref = res.handOffToPrivateSupport.privateSupport.caseReference;
    expect(ref).toMatch(/^CS\d{8}\d{6}$/);
    type T = { question: { officialHandling: boolean; privateSupport: Record<string, unknown> } };
    const anon = await t.ok<T>(THREAD, { id: q });
    expect(anon.question.officialHandling).toBe(false);
    expect(anon.question.privateSupport).toMatchObject({
      isOpen: true,
      channel: 'HOTLINE',
      caseReference: null,
      reason: null,
      outcome: null,
    });
    expect(anon.question.privateSupport.note).toContain('95188');
    expect(anon.question.privateSupport.note).toContain('请勿在帖子中公开');
    const own = await t.ok<T>(THREAD, { id: q }, asker.token);
    expect(own.question.privateSupport).toMatchObject({ caseReference: ref, reason: null });
    const desk = await t.ok<T>(THREAD, { id: q }, officials[3].token);
    expect(desk.question.privateSupport).toMatchObject({
      caseReference: ref,
      reason: '需要核对具体交易单号',
    });
    expect(await queue(officials[0].token, {}, [q])).toEqual([]);
    expect(codes(await t.gql(HANDOFF, { id: q, r: '再次转人工' }, officials[1].token))).toEqual(['CONFLICT']);
    expect(codes(await t.gql(HANDOFF, { id: q, r: '成员不能' }, member.token))).toEqual(['FORBIDDEN']);
    await drain();
    expect(await kinds(asker, q)).toContain('PRIVATE_SUPPORT');

    const closed = await t.ok<{
      closePrivateSupportCase: { privateSupport: { isOpen: boolean; outcome: string } };
    }>(CLOSE_CASE, { ref, o: '已核实为重复扣款，款项已原路退回' }, officials[2].token);
    expect(closed.closePrivateSupportCase.privateSupport).toEqual({
      isOpen: false,
      outcome: '已核实为重复扣款，款项已原路退回',
    });
    expect(codes(await t.gql(CLOSE_CASE, { ref, o: '再次关闭' }, officials[2].token))).toEqual(['CONFLICT']);
    await drain();
    expect(await kinds(asker, q)).toEqual(['DESK_CLAIMED', 'PRIVATE_SUPPORT', 'PRIVATE_SUPPORT_CLOSED']);
  });

  it('computes the figures of a known UTC day', async () => {
    const day = '2026-01-15';
    const at = (hhmm: string) => new Date(`${day}T${hhmm}:00.000Z`);
    const place = async (category: string, asked: string, answeredAt: string | null, verifiedAt?: string) => {
      const q = await ask(t, asker, `统计用问题 ${category} ${asked}`, '统计数据。', ['统计']);
      await t.db.query('UPDATE questions SET category_key = ?, created_at = ? WHERE id = ?', [
        category,
        at(asked),
        q.id,
      ]);
      if (answeredAt) {
        const a = await answer(t, officials[6], q.id, '官方回复：请按步骤处理。');
        await t.db.query('UPDATE answers SET created_at = ?, verified_at = ? WHERE id = ?', [
          at(answeredAt),
          verifiedAt ? at(verifiedAt) : at(answeredAt),
          a,
        ]);
      }
      return q.id;
    };
    await place('account', '01:00', '01:30'); // 30 min: within 2 h
    await place('account', '02:00', '05:00'); // 3 h: breach
    const waiting = await place('transaction', '03:00', null); // never answered: breach by now
    await place('other', '04:00', '04:10', '12:00'); // 10 min; re-verified at noon
    await t.ok(HANDOFF, { id: waiting, r: '需要核实身份' }, officials[6].token);
    await t.db.query('UPDATE desk_handoffs SET opened_at = ? WHERE question_id = ?', [at('06:00'), waiting]);
    await t.db.query(
      `INSERT INTO suggestion_drafts (draft_id, first_shown_at, shown_count, clicked_at, clicked_question_id, last_event_at)
       VALUES ('desk-stats-draft-1', ?, 1, ?, ?, ?)`,
      [at('07:00'), at('07:01'), waiting, at('07:01')],
    );

    const data = await t.ok<{ deskStats: Record<string, unknown>[] }>(
      STATS,
      { from: day, to: '2026-01-16' },
      officials[0].token,
    );
    expect(data.deskStats).toEqual([
      {
        day,
        categoryKey: null,
        asked: 4,
        answeredOfficially: 3,
        firstResponseP50Seconds: 1800,
        firstResponseP90Seconds: 10800,
        breaches: 2,
        handoffs: 1,
        deflectedDrafts: 1,
        reverified: 1,
      },
      {
        day,
        categoryKey: 'account',
        asked: 2,
        answeredOfficially: 2,
        firstResponseP50Seconds: 1800,
        firstResponseP90Seconds: 10800,
        breaches: 1,
        handoffs: 0,
        deflectedDrafts: null,
        reverified: 0,
      },
      {
        day,
        categoryKey: 'other',
        asked: 1,
        answeredOfficially: 1,
        firstResponseP50Seconds: 600,
        firstResponseP90Seconds: 600,
        breaches: 0,
        handoffs: 0,
        deflectedDrafts: null,
        reverified: 1,
      },
      {
        day,
        categoryKey: 'transaction',
        asked: 1,
        answeredOfficially: 0,
        firstResponseP50Seconds: null,
        firstResponseP90Seconds: null,
        breaches: 1,
        handoffs: 1,
        deflectedDrafts: null,
        reverified: 0,
      },
    ]);
    const one = await t.ok<{ deskStats: { categoryKey: string; asked: number }[] }>(
      STATS,
      { from: day, to: '2026-01-16', c: 'account' },
      moderator.token,
    );
    expect(one.deskStats).toEqual([
      expect.objectContaining({ categoryKey: 'account', asked: 2, breaches: 1 }),
    ]);
    expect(codes(await t.gql(STATS, { from: day, to: '2026-01-16' }, member.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(STATS, { from: '2026-01-16', to: day }, officials[0].token))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});
