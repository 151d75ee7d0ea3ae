import { AuthService, Role } from '@app/accounts';
import { Clock } from '@app/core';
import {
  ACCEPT,
  ANSWER,
  MARK,
  THREAD,
  UNACCEPT,
  UNMARK,
  VOTE,
  answer,
  ask,
  outboxCount,
} from '../helpers/forum-ops';
import { TestApp, TestUser, codes } from '../helpers/test-app';

interface ThreadAnswer {
  id: string;
  isOfficial: boolean;
  isAccepted: boolean;
  score: number;
  endorsedBy: { handle: string } | null;
}
interface Thread {
  status: string;
  isSolved: boolean;
  answerCount: number;
  acceptedAnswer: { id: string } | null;
  officialAnswers: { id: string }[];
  answers: { totalCount: number; edges: { node: ThreadAnswer }[] };
}

describe('answers, accepted and official answers, votes', () => {
  let t: TestApp;
  let asker: TestUser;
  let helper: TestUser;
  let helper2: TestUser;
  let staff: TestUser;
  let moderator: TestUser;

  const thread = async (id: string): Promise<Thread> =>
    (await t.ok<{ question: Thread }>(THREAD, { id })).question;

  beforeAll(async () => {
    t = await TestApp.start();
    asker = await t.register('asker');
    helper = await t.register('helper');
    helper2 = await t.register('helper2');
    staff = await t.official(await t.register('staff'), '支付宝官方客服');
    moderator = await t.withRole(await t.register('mod'), Role.MODERATOR);
  });
  afterAll(() => t.close());

  describe('posting answers', () => {
    it('posts an answer, counts it and writes an outbox row', async () => {
      const q = await ask(t, asker);
      const res = await t.ok<{ postAnswer: Record<string, unknown> }>(
        ANSWER,
        { input: { questionId: q.id, body: '打开安全中心，**申请解除限制**。🙂' } },
        helper.token,
      );
      expect(res.postAnswer).toMatchObject({
        body: '打开安全中心，**申请解除限制**。🙂',
        isOfficial: false,
        isAccepted: false,
        endorsedBy: null,
        score: 0,
        author: { handle: helper.handle, isOfficial: false },
      });
      const th = await thread(q.id);
      expect(th).toMatchObject({ answerCount: 1, status: 'OPEN', isSolved: false });
      expect(await outboxCount(t, q.id)).toBe(2);
    });

    it('makes an answer by an official account official from the start and the thread solved', async () => {
      const q = await ask(t, asker);
      const res = await t.ok<{
        postAnswer: { isOfficial: boolean; endorsedBy: null; author: { isOfficial: boolean } };
      }>(ANSWER, { input: { questionId: q.id, body: '您好，请通过人脸识别解除限制。' } }, staff.token);
      expect(res.postAnswer).toMatchObject({
        isOfficial: true,
        endorsedBy: null,
        author: { isOfficial: true },
      });
      const th = await thread(q.id);
      expect(th).toMatchObject({ status: 'SOLVED', isSolved: true });
      expect(th.officialAnswers).toHaveLength(1);
    });

    it.each([
      ['an unknown question', { questionId: '99999999', body: '答案' }, 'NOT_FOUND'],
      ['a malformed id', { questionId: 'abc', body: '答案' }, 'BAD_USER_INPUT'],
      ['an empty body', { questionId: '1', body: ' ' }, 'BAD_USER_INPUT'],
    ])('rejects %s', async (_, input, code) => {
      expect(codes(await t.gql(ANSWER, { input }, helper.token))).toEqual([code]);
    });

    it('requires sign-in', async () => {
      const q = await ask(t, asker);
      expect(codes(await t.gql(ANSWER, { input: { questionId: q.id, body: '答案' } }))).toEqual([
        'UNAUTHENTICATED',
      ]);
    });

    it('edits an answer as its author, keeps the old version, and forbids others', async () => {
      const q = await ask(t, asker);
      const a = await answer(t, helper, q.id, '第一版');
      const edit = `mutation($input: EditAnswerInput!) { editAnswer(input: $input) { body revisions { body } } }`;
      expect(codes(await t.gql(edit, { input: { id: a, body: '别人改的' } }, helper2.token))).toEqual([
        'FORBIDDEN',
      ]);
      const res = await t.ok<{ editAnswer: { body: string; revisions: { body: string }[] } }>(
        edit,
        { input: { id: a, body: '第二版' } },
        helper.token,
      );
      expect(res.editAnswer).toEqual({ body: '第二版', revisions: [{ body: '第一版' }] });
      const mod = await t.gql(edit, { input: { id: a, body: '版主修订' } }, moderator.token);
      expect(mod.errors).toBeUndefined();
    });
  });

  describe('accepting', () => {
    it('lets the asker accept, replace and un-accept; status follows', async () => {
      const q = await ask(t, asker);
      const a1 = await answer(t, helper, q.id);
      const a2 = await answer(t, helper2, q.id, '另一个办法');
      const first = await t.ok<{ acceptAnswer: Thread }>(ACCEPT, { id: a1 }, asker.token);
      expect(first.acceptAnswer).toMatchObject({
        status: 'SOLVED',
        isSolved: true,
        acceptedAnswer: { id: a1 },
      });
      await t.ok(ACCEPT, { id: a2 }, asker.token);
      const th = await thread(q.id);
      expect(th.acceptedAnswer).toEqual({ id: a2 });
      expect(th.answers.edges.filter((e) => e.node.isAccepted).map((e) => e.node.id)).toEqual([a2]);
      const un = await t.ok<{ unacceptAnswer: Thread }>(UNACCEPT, { id: q.id }, asker.token);
      expect(un.unacceptAnswer).toMatchObject({ status: 'OPEN', isSolved: false, acceptedAnswer: null });
    });

    it('lets a moderator accept, and forbids anyone else', async () => {
      const q = await ask(t, asker);
      const a = await answer(t, helper, q.id);
      expect(codes(await t.gql(ACCEPT, { id: a }, helper.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(ACCEPT, { id: a }, staff.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(ACCEPT, { id: a }))).toEqual(['UNAUTHENTICATED']);
      expect((await thread(q.id)).acceptedAnswer).toBeNull();
      expect(codes(await t.gql(UNACCEPT, { id: q.id }, helper.token))).toEqual(['FORBIDDEN']);
      await t.ok(ACCEPT, { id: a }, moderator.token);
      expect((await thread(q.id)).acceptedAnswer).toEqual({ id: a });
    });

    it('rejects unknown and malformed answer ids', async () => {
      expect(codes(await t.gql(ACCEPT, { id: '99999999' }, asker.token))).toEqual(['NOT_FOUND']);
      expect(codes(await t.gql(ACCEPT, { id: '-1' }, asker.token))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql(UNACCEPT, { id: '99999999' }, asker.token))).toEqual(['NOT_FOUND']);
    });

    it('keeps exactly one accepted answer when many accepts race', async () => {
      const q = await ask(t, asker);
      const ids: string[] = [];
      for (let i = 0; i < 12; i++) ids.push(await answer(t, i % 2 ? helper : helper2, q.id, `办法 ${i}`));
      const results = await Promise.all(
        [...ids, ...ids].map((id, i) => t.gql(ACCEPT, { id }, i % 3 === 0 ? moderator.token : asker.token)),
      );
      expect(results.every((r) => r.errors === undefined)).toBe(true);
      const th = await thread(q.id);
      const accepted = th.answers.edges.filter((e) => e.node.isAccepted);
      expect(accepted).toHaveLength(1);
      expect(th.acceptedAnswer).toEqual({ id: accepted[0].node.id });
      const [row] = await t.db.query('SELECT accepted_answer_id AS id, status FROM questions WHERE id = ?', [
        q.id,
      ]);
      expect(row).toEqual({ id: accepted[0].node.id, status: 'SOLVED' });
    });

    it('records the accept time from the injected Clock', async () => {
      const q = await ask(t, asker);
      const a = await answer(t, helper, q.id);
      const at = new Date('2031-06-01T09:30:00.123Z'); // a time no test run is near
      const clock = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(at);
      try {
        await t.ok(ACCEPT, { id: a }, asker.token);
      } finally {
        clock.mockRestore();
      }
      const [row] = (await t.db.query('SELECT accepted_at AS at FROM questions WHERE id = ?', [q.id])) as {
        at: Date;
      }[];
      expect(row.at.toISOString()).toBe(at.toISOString());
    });
  });

  describe('official answers', () => {
    it('lets an official account endorse an answer, recording who and when, and withdraw it', async () => {
      const q = await ask(t, asker);
      const a = await answer(t, helper, q.id);
      const before = Date.now();
      const res = await t.ok<{
        markOfficialAnswer: { isOfficial: boolean; endorsedBy: { handle: string }; endorsedAt: string };
      }>(MARK, { id: a }, staff.token);
      expect(res.markOfficialAnswer).toMatchObject({
        isOfficial: true,
        endorsedBy: { handle: staff.handle },
      });
      expect(new Date(res.markOfficialAnswer.endorsedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(await thread(q.id)).toMatchObject({ status: 'SOLVED', officialAnswers: [{ id: a }] });
      const un = await t.ok<{ unmarkOfficialAnswer: Record<string, unknown> }>(
        UNMARK,
        { id: a },
        staff.token,
      );
      expect(un.unmarkOfficialAnswer).toMatchObject({
        isOfficial: false,
        endorsedBy: null,
        endorsedAt: null,
      });
      expect(await thread(q.id)).toMatchObject({ status: 'OPEN', officialAnswers: [] });
    });

    it('lets a moderator endorse, is idempotent, and forbids members and the asker', async () => {
      const q = await ask(t, asker);
      const a = await answer(t, helper, q.id);
      expect(codes(await t.gql(MARK, { id: a }, asker.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(MARK, { id: a }, helper2.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(MARK, { id: a }))).toEqual(['UNAUTHENTICATED']);
      expect((await thread(q.id)).officialAnswers).toEqual([]);
      await t.ok(MARK, { id: a }, moderator.token);
      await t.ok(MARK, { id: a }, staff.token);
      const [row] = await t.db.query('SELECT official_answer_count AS n FROM questions WHERE id = ?', [q.id]);
      expect(row.n).toBe(1);
      expect(codes(await t.gql(UNMARK, { id: a }, helper.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(MARK, { id: '99999999' }, staff.token))).toEqual(['NOT_FOUND']);
    });

    it('stops a revoked official account from endorsing', async () => {
      const former = await t.official(await t.register('former'));
      const q = await ask(t, asker);
      const a = await answer(t, helper, q.id);
      const admin = await t.withRole(await t.register('adm'), Role.ADMIN);
      await t.ok(
        `mutation($id: ID!) { revokeOfficialBadge(userId: $id) { id } }`,
        { id: former.id },
        admin.token,
      );
      // The revoke also revoked the tokens issued while official; signed in again, the account is a member.
      expect(codes(await t.gql(MARK, { id: a }, former.token))).toEqual(['UNAUTHENTICATED']);
      const fresh = (await t.app.get(AuthService).tokenFor(former.id)).token;
      expect(codes(await t.gql(MARK, { id: a }, fresh))).toEqual(['FORBIDDEN']);
    });
  });

  describe('thread order', () => {
    it('orders official, then accepted, then score, then oldest', async () => {
      const q = await ask(t, asker);
      const oldLow = await answer(t, helper, q.id, '最早的回答');
      const high = await answer(t, helper2, q.id, '得票最多');
      const accepted = await answer(t, helper, q.id, '被采纳');
      const newLow = await answer(t, helper2, q.id, '后来的回答');
      const official = await answer(t, staff, q.id, '官方回答');
      await t.ok(VOTE, { input: { targetType: 'ANSWER', targetId: high, value: 'UP' } }, asker.token);
      await t.ok(VOTE, { input: { targetType: 'ANSWER', targetId: high, value: 'UP' } }, helper.token);
      await t.ok(ACCEPT, { id: accepted }, asker.token);
      const th = await thread(q.id);
      expect(th.answers.edges.map((e) => e.node.id)).toEqual([official, accepted, high, oldLow, newLow]);
      expect(th.answers.totalCount).toBe(5);
    });

    it('pages through a thread’s answers with cursors', async () => {
      const q = await ask(t, asker);
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push(await answer(t, helper, q.id, `回答 ${i}`));
      const PAGE = `query($id: ID!, $after: String) { question(id: $id) { answers(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } } }`;
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const res: {
          question: {
            answers: {
              edges: { node: { id: string } }[];
              pageInfo: { hasNextPage: boolean; endCursor: string };
            };
          };
        } = await t.ok(PAGE, { id: q.id, after });
        seen.push(...res.question.answers.edges.map((e) => e.node.id));
        if (!res.question.answers.pageInfo.hasNextPage) break;
        after = res.question.answers.pageInfo.endCursor;
      }
      expect(seen).toEqual(ids);
      expect(codes(await t.gql(PAGE, { id: q.id, after: 'garbage!' }))).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('votes', () => {
    it('counts one vote per user, changeable and withdrawable', async () => {
      const q = await ask(t, asker);
      const vote = (value: string, user: TestUser) =>
        t.ok<{ vote: { value: string; score: number } }>(
          VOTE,
          { input: { targetType: 'QUESTION', targetId: q.id, value } },
          user.token,
        );
      expect((await vote('UP', helper)).vote).toMatchObject({ value: 'UP', score: 1 });
      expect((await vote('UP', helper)).vote).toMatchObject({ value: 'UP', score: 1 });
      expect((await vote('DOWN', helper)).vote).toMatchObject({ value: 'DOWN', score: -1 });
      expect((await vote('UP', helper2)).vote).toMatchObject({ score: 0 });
      expect((await vote('NONE', helper)).vote).toMatchObject({ value: 'NONE', score: 1 });
      const [row] = await t.db.query(
        'SELECT COUNT(*) AS n FROM votes WHERE target_id = ? AND target_type = ?',
        [q.id, 'QUESTION'],
      );
      expect(Number(row.n)).toBe(1);
    });

    it("shows each viewer their own vote on the question and its answers (viewerVote), NONE signed out", async () => {
      const q = await ask(t, asker);
      const a1 = await answer(t, helper, q.id);
      const a2 = await answer(t, helper, q.id);
      const vote = (targetType: string, targetId: string, value: string, user: TestUser) =>
        t.ok(VOTE, { input: { targetType, targetId, value } }, user.token);
      await vote('QUESTION', q.id, 'UP', helper);
      await vote('ANSWER', a1, 'DOWN', asker);
      await vote('ANSWER', a2, 'UP', asker);
      await vote('ANSWER', a2, 'DOWN', helper2);
      const VIEW = `query($id: ID!) { question(id: $id) { viewerVote answers(first: 10) { edges { node { id viewerVote } } } } }`;
      type V = { question: { viewerVote: string; answers: { edges: { node: { id: string; viewerVote: string } }[] } } };
      const seen = async (user?: TestUser): Promise<Record<string, string>> => {
        const { question } = await t.ok<V>(VIEW, { id: q.id }, user?.token);
        return { q: question.viewerVote, ...Object.fromEntries(question.answers.edges.map((e) => [e.node.id, e.node.viewerVote])) };
      };
      expect(await seen(asker)).toEqual({ q: 'NONE', [a1]: 'DOWN', [a2]: 'UP' });
      expect(await seen(helper)).toEqual({ q: 'UP', [a1]: 'NONE', [a2]: 'NONE' });
      expect(await seen(helper2)).toEqual({ q: 'NONE', [a1]: 'NONE', [a2]: 'DOWN' });
      expect(await seen()).toEqual({ q: 'NONE', [a1]: 'NONE', [a2]: 'NONE' });
      await vote('ANSWER', a2, 'NONE', asker);
      expect((await seen(asker))[a2]).toBe('NONE');
    });

    it('keeps the score right when one user races votes', async () => {
      const q = await ask(t, asker);
      const a = await answer(t, helper, q.id);
      await Promise.all(
        Array.from({ length: 10 }, () =>
          t.gql(VOTE, { input: { targetType: 'ANSWER', targetId: a, value: 'UP' } }, helper2.token),
        ),
      );
      const [row] = await t.db.query('SELECT score FROM answers WHERE id = ?', [a]);
      expect(row.score).toBe(1);
    });

    it('forbids voting on your own post and rejects unknown targets', async () => {
      const q = await ask(t, asker);
      const a = await answer(t, helper, q.id);
      expect(
        codes(
          await t.gql(VOTE, { input: { targetType: 'QUESTION', targetId: q.id, value: 'UP' } }, asker.token),
        ),
      ).toEqual(['FORBIDDEN']);
      expect(
        codes(
          await t.gql(VOTE, { input: { targetType: 'ANSWER', targetId: a, value: 'DOWN' } }, helper.token),
        ),
      ).toEqual(['FORBIDDEN']);
      expect(
        codes(
          await t.gql(
            VOTE,
            { input: { targetType: 'ANSWER', targetId: '99999999', value: 'UP' } },
            helper.token,
          ),
        ),
      ).toEqual(['NOT_FOUND']);
      expect(
        codes(
          await t.gql(
            VOTE,
            { input: { targetType: 'ANSWER', targetId: a, value: 'SIDEWAYS' } },
            helper2.token,
          ),
        ),
      ).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql(VOTE, { input: { targetType: 'ANSWER', targetId: a, value: 'UP' } }))).toEqual(
        ['UNAUTHENTICATED'],
      );
      const [row] = await t.db.query('SELECT score FROM questions WHERE id = ?', [q.id]);
      expect(row.score).toBe(0);
    });
  });
});
