import { Role } from '@app/accounts';
import { VOTE, answer, ask } from '../helpers/forum-ops';
import { TestApp, TestUser, codes } from '../helpers/test-app';

// Issue 10, items 3 and 4: the review's reproductions of hidden threads leaking and old revisions
// staying public, as tests.

const HIDE = `mutation($i: ModeratePostInput!) { hidePost(input: $i) { isHidden } }`;
const USER_ANSWERS = `query($h: String!) { user(handle: $h) { answers { edges { node { id
  question { id title body hiddenReason answers { edges { node { id } } } } } } } } }`;
const REVISIONS = `query($id: ID!) { question(id: $id) {
  revisions { id title body isRedacted redactionReason redactionNotice redactedBy { handle } }
  answers { edges { node { id revisions { id body isRedacted } } } }
} }`;
const REDACT = `mutation($id: ID!, $r: String!) { redactRevision(revisionId: $id, reason: $r) {
  id title body tags isRedacted redactedAt redactionReason redactionNotice redactedBy { handle } } }`;
const EDIT_Q = `mutation($i: EditQuestionInput!) { editQuestion(input: $i) { id } }`;
const EDIT_A = `mutation($i: EditAnswerInput!) { editAnswer(input: $i) { id } }`;

interface UserAnswers {
  user: {
    answers: {
      edges: {
        node: {
          id: string;
          question: {
            id: string;
            title: string;
            body: string;
            hiddenReason: string | null;
            answers: { edges: { node: { id: string } }[] };
          };
        };
      }[];
    };
  };
}

describe('hidden posts and revisions', () => {
  let t: TestApp;
  let asker: TestUser;
  let answerer: TestUser;
  let other: TestUser;
  let mod: TestUser;

  beforeAll(async () => {
    t = await TestApp.start();
    asker = await t.register('hp_asker');
    answerer = await t.register('hp_answerer');
    other = await t.register('hp_other');
    mod = await t.withRole(await t.register('hp_mod'), Role.MODERATOR);
  });
  afterAll(() => t.close());

  describe('a hidden thread', () => {
    let qid: string;
    let aid: string;

    beforeAll(async () => {
      const q = await ask(t, asker, '加微信领取花呗提额名额', '联系微信 scam_2024 提供支付密码即可提额');
      qid = q.id;
      aid = await answer(t, answerer, qid, '这是诈骗，不要相信。');
      await t.ok(HIDE, { i: { targetType: 'QUESTION', targetId: qid, reason: '诈骗信息' } }, mod.token);
    });

    it("never reaches anonymous readers or other members through a user's answers", async () => {
      for (const token of [undefined, other.token, asker.token]) {
        const data = await t.ok<UserAnswers>(USER_ANSWERS, { h: answerer.handle }, token);
        expect(data.user.answers.edges.map((e) => e.node.id)).not.toContain(aid);
        expect(JSON.stringify(data)).not.toContain('scam_2024');
      }
    });

    it("shows the answer's author their answer with only a stub of the thread", async () => {
      const data = await t.ok<UserAnswers>(USER_ANSWERS, { h: answerer.handle }, answerer.token);
      const mine = data.user.answers.edges.find((e) => e.node.id === aid);
      expect(mine?.node.question).toEqual({
        id: qid,
        title: '（该问题已被隐藏）',
        body: '',
        hiddenReason: null,
        answers: { edges: [{ node: { id: aid } }] },
      });
    });

    it('still shows moderators the whole thread', async () => {
      const data = await t.ok<UserAnswers>(USER_ANSWERS, { h: answerer.handle }, mod.token);
      const seen = data.user.answers.edges.find((e) => e.node.id === aid);
      expect(seen?.node.question).toMatchObject({
        id: qid,
        title: '加微信领取花呗提额名额',
        hiddenReason: '诈骗信息',
      });
    });

    it('refuses follow, unfollow, meToo, withdrawMeToo, postAnswer and vote with NOT_FOUND', async () => {
      for (const m of ['followQuestion', 'unfollowQuestion', 'meToo', 'withdrawMeToo']) {
        const res = await t.gql(
          `mutation($id: ID!) { ${m}(questionId: $id) { id title } }`,
          { id: qid },
          other.token,
        );
        expect([m, codes(res), res.data]).toEqual([m, ['NOT_FOUND'], null]);
      }
      const post = await t.gql(
        `mutation($i: PostAnswerInput!) { postAnswer(input: $i) { id } }`,
        { i: { questionId: qid, body: '我也来回答' } },
        other.token,
      );
      expect(codes(post)).toEqual(['NOT_FOUND']);
      for (const [targetType, targetId] of [
        ['QUESTION', qid],
        ['ANSWER', aid],
      ]) {
        expect(
          codes(await t.gql(VOTE, { input: { targetType, targetId, value: 'UP' } }, other.token)),
        ).toEqual(['NOT_FOUND']);
      }
      // Nothing was written.
      const [row] = await t.db.query('SELECT answer_count, score FROM questions WHERE id = ?', [qid]);
      expect([Number(row.answer_count), Number(row.score)]).toEqual([1, 0]);
    });

    it('lets its author keep following it', async () => {
      const res = await t.ok<{ followQuestion: { id: string } }>(
        `mutation($id: ID!) { followQuestion(questionId: $id) { id } }`,
        { id: qid },
        asker.token,
      );
      expect(res.followQuestion.id).toBe(qid);
    });
  });

  describe('revisions', () => {
    it('are for the author and moderators only; others get an empty list', async () => {
      const q = await ask(t, asker, '余额提现到银行卡要多久', '加QQ 123456 帮你秒到账');
      const aid = await answer(t, answerer, q.id, '一般两小时内，加微信 scam_777 可加急');
      await t.ok(EDIT_Q, { i: { id: q.id, body: '提现一般多久到账？' } }, mod.token);
      await t.ok(EDIT_A, { i: { id: aid, body: '一般两小时内到账。' } }, mod.token);
      for (const token of [undefined, other.token]) {
        const data = await t.ok<{
          question: { revisions: unknown[]; answers: { edges: { node: { revisions: unknown[] } }[] } };
        }>(REVISIONS, { id: q.id }, token);
        expect(data.question.revisions).toEqual([]);
        expect(data.question.answers.edges[0].node.revisions).toEqual([]);
      }
      const byAuthor = await t.ok<{ question: { revisions: { body: string }[] } }>(
        REVISIONS,
        { id: q.id },
        asker.token,
      );
      expect(byAuthor.question.revisions.map((r) => r.body)).toEqual(['加QQ 123456 帮你秒到账']);
      const answererView = await t.ok<{
        question: { answers: { edges: { node: { revisions: { body: string }[] } }[] } };
      }>(REVISIONS, { id: q.id }, answerer.token);
      expect(answererView.question.answers.edges[0].node.revisions.map((r) => r.body)).toEqual([
        '一般两小时内，加微信 scam_777 可加急',
      ]);
    });

    it('can be redacted by a moderator: the text leaves storage, the notice stays', async () => {
      const q = await ask(t, asker, '花呗分期手续费怎么算', '钓鱼链接 http://phish.example 输入密码');
      await t.ok(EDIT_Q, { i: { id: q.id, body: '分期手续费怎么算？', tags: ['花呗'] } }, mod.token);
      const before = await t.ok<{ question: { revisions: { id: string }[] } }>(
        REVISIONS,
        { id: q.id },
        mod.token,
      );
      const revId = before.question.revisions[0].id;

      expect(codes(await t.gql(REDACT, { id: revId, r: '钓鱼链接' }, asker.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(REDACT, { id: revId, r: '钓鱼链接' }))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await t.gql(REDACT, { id: '999999999', r: '钓鱼链接' }, mod.token))).toEqual([
        'NOT_FOUND',
      ]);
      expect(codes(await t.gql(REDACT, { id: revId, r: '' }, mod.token))).toEqual(['BAD_USER_INPUT']);

      const res = await t.ok<{ redactRevision: Record<string, unknown> }>(
        REDACT,
        { id: revId, r: '钓鱼链接' },
        mod.token,
      );
      expect(res.redactRevision).toMatchObject({
        id: revId,
        title: null,
        body: '',
        tags: null,
        isRedacted: true,
        redactionReason: '钓鱼链接',
        redactionNotice: `redacted by ${mod.handle} because 钓鱼链接`,
        redactedBy: { handle: mod.handle },
      });
      const [row] = await t.db.query(
        'SELECT title, body, tags, redacted_by_id FROM post_revisions WHERE id = ?',
        [revId],
      );
      expect(row).toEqual({ title: null, body: '', tags: null, redacted_by_id: mod.id });
      const dump = JSON.stringify(
        await t.db.query('SELECT * FROM post_revisions WHERE target_id = ?', [q.id]),
      );
      expect(dump).not.toContain('phish.example');
      // The author still sees that a version existed, and why it is gone.
      const byAuthor = await t.ok<{
        question: { revisions: { id: string; isRedacted: boolean; redactionNotice: string }[] };
      }>(REVISIONS, { id: q.id }, asker.token);
      expect(byAuthor.question.revisions).toMatchObject([
        { id: revId, isRedacted: true, redactionNotice: `redacted by ${mod.handle} because 钓鱼链接` },
      ]);
    });
  });
});
