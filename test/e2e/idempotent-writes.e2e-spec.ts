import { randomUUID } from 'node:crypto';
import { ask } from '../helpers/forum-ops';
import { TestApp, TestUser, codes } from '../helpers/test-app';

// Issue 18: askQuestion and postAnswer take an idempotencyKey, so a client retrying after a time-out
// (or sending twice) never creates the question or answer twice.

const ASK = `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { question { id title tags } } }`;
const ANSWER = `mutation($input: PostAnswerInput!) { postAnswer(input: $input) { id body } }`;
const COUNTS = `query($id: ID!) { question(id: $id) { answerCount } }`;

type AskData = { askQuestion: { question: { id: string; title: string; tags: string[] } } };
type AnswerData = { postAnswer: { id: string; body: string } };

describe('idempotent askQuestion and postAnswer', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    t = await TestApp.start();
    alice = await t.register('idalice');
    bob = await t.register('idbob');
  });
  afterAll(() => t.close());

  const questionsTitled = async (title: string): Promise<string[]> =>
    (await t.db.query('SELECT id FROM questions WHERE title = ? ORDER BY id', [title])).map(
      (r: { id: string }) => String(r.id),
    );
  const askedEvents = async (questionId: string): Promise<number> => {
    const [row] = await t.db.query(
      `SELECT COUNT(*) AS n FROM outbox_events WHERE aggregate_id = ? AND topic = 'question.asked'`,
      [questionId],
    );
    return Number(row.n);
  };
  const askInput = (title: string, key?: string): Record<string, unknown> => ({
    title,
    body: '花呗还款日扣款失败，银行卡余额充足。',
    tags: ['花呗', '还款'],
    idempotencyKey: key,
  });

  describe('askQuestion', () => {
    it('returns the first question when the same request is sent again with its key', async () => {
      const title = `重复提交的问题 ${randomUUID().slice(0, 8)}`;
      const key = randomUUID();
      const first = await t.ok<AskData>(ASK, { input: askInput(title, key) }, alice.token);
      const again = await t.ok<AskData>(ASK, { input: askInput(title, key) }, alice.token);
      expect(again.askQuestion.question).toEqual(first.askQuestion.question);
      expect(await questionsTitled(title)).toEqual([first.askQuestion.question.id]);
      expect(await askedEvents(first.askQuestion.question.id)).toBe(1);
    });

    it('creates one question when the same keyed request arrives many times at once', async () => {
      const title = `并发重试的问题 ${randomUUID().slice(0, 8)}`;
      const key = randomUUID();
      const results = await Promise.all(
        Array.from({ length: 12 }, () => t.gql<AskData>(ASK, { input: askInput(title, key) }, alice.token)),
      );
      expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
      const ids = new Set(results.map((r) => r.data?.askQuestion.question.id));
      expect(ids.size).toBe(1);
      const stored = await questionsTitled(title);
      expect(stored).toEqual([...ids]);
      expect(await askedEvents(stored[0])).toBe(1);
      const [tags] = await t.db.query('SELECT COUNT(*) AS n FROM question_tags WHERE question_id = ?', [
        stored[0],
      ]);
      expect(Number(tags.n)).toBe(2);
    });

    it('answers CONFLICT when the key is reused for different content, and writes nothing', async () => {
      const key = randomUUID();
      const title = `第一个问题 ${randomUUID().slice(0, 8)}`;
      await t.ok<AskData>(ASK, { input: askInput(title, key) }, alice.token);
      const other = `另一个问题 ${randomUUID().slice(0, 8)}`;
      const res = await t.gql(ASK, { input: askInput(other, key) }, alice.token);
      expect(codes(res)).toEqual(['CONFLICT']);
      expect(res.errors?.[0].message).toMatch(/idempotencyKey/);
      expect(await questionsTitled(other)).toEqual([]);
      const changedTags = await t.gql(
        ASK,
        { input: { ...askInput(title, key), tags: ['花呗'] } },
        alice.token,
      );
      expect(codes(changedTags)).toEqual(['CONFLICT']);
    });

    it('keeps keys per member: another member may use the same key', async () => {
      const key = randomUUID();
      const title = `同一个键不同用户 ${randomUUID().slice(0, 8)}`;
      const a = await t.ok<AskData>(ASK, { input: askInput(title, key) }, alice.token);
      const b = await t.ok<AskData>(ASK, { input: askInput(title, key) }, bob.token);
      expect(b.askQuestion.question.id).not.toBe(a.askQuestion.question.id);
      expect(await questionsTitled(title)).toHaveLength(2);
    });

    it('still creates a new question for every request without a key', async () => {
      const title = `没有键的问题 ${randomUUID().slice(0, 8)}`;
      await t.ok<AskData>(ASK, { input: askInput(title) }, alice.token);
      await t.ok<AskData>(ASK, { input: askInput(title) }, alice.token);
      expect(await questionsTitled(title)).toHaveLength(2);
    });

    it('refuses a malformed key with BAD_USER_INPUT on the field', async () => {
      for (const key of ['short', 'x'.repeat(65), '有中文的键值abcdefg', 'has space in it']) {
        const res = await t.gql(ASK, { input: askInput('格式不对的键', key) }, alice.token);
        expect(codes(res)).toEqual(['BAD_USER_INPUT']);
        expect(res.errors?.[0].extensions?.field).toBe('idempotencyKey');
      }
    });
  });

  describe('postAnswer', () => {
    let questionId: string;
    const answerCount = async (): Promise<number> =>
      (await t.ok<{ question: { answerCount: number } }>(COUNTS, { id: questionId })).question.answerCount;
    const answersBy = async (user: TestUser): Promise<number> => {
      const [row] = await t.db.query(
        'SELECT COUNT(*) AS n FROM answers WHERE question_id = ? AND author_id = ?',
        [questionId, user.id],
      );
      return Number(row.n);
    };

    beforeAll(async () => {
      questionId = (await ask(t, alice, '花呗自动还款没有扣款', '设置了自动还款但是没扣。', ['花呗'])).id;
    });

    it('returns the first answer for a repeated key, sequentially and in parallel, and counts it once', async () => {
      const key = randomUUID();
      const input = { questionId, body: '在支付宝里重新开通自动还款即可。', idempotencyKey: key };
      const first = await t.ok<AnswerData>(ANSWER, { input }, bob.token);
      const again = await t.ok<AnswerData>(ANSWER, { input }, bob.token);
      expect(again.postAnswer).toEqual(first.postAnswer);
      const parallelKey = randomUUID();
      const parallel = await Promise.all(
        Array.from({ length: 10 }, () =>
          t.gql<AnswerData>(
            ANSWER,
            { input: { ...input, body: '也可以手动还款。', idempotencyKey: parallelKey } },
            bob.token,
          ),
        ),
      );
      expect(parallel.flatMap((r) => r.errors ?? [])).toEqual([]);
      expect(new Set(parallel.map((r) => r.data?.postAnswer.id)).size).toBe(1);
      expect(await answersBy(bob)).toBe(2);
      expect(await answerCount()).toBe(2);
    });

    it('answers CONFLICT for a key reused with another body, and another member may use the key', async () => {
      const key = randomUUID();
      await t.ok<AnswerData>(
        ANSWER,
        { input: { questionId, body: '第一种办法。', idempotencyKey: key } },
        bob.token,
      );
      const before = await answerCount();
      const res = await t.gql(
        ANSWER,
        { input: { questionId, body: '第二种办法。', idempotencyKey: key } },
        bob.token,
      );
      expect(codes(res)).toEqual(['CONFLICT']);
      expect(await answerCount()).toBe(before);
      const carol = await t.register('idcarol');
      await t.ok<AnswerData>(
        ANSWER,
        { input: { questionId, body: '第二种办法。', idempotencyKey: key } },
        carol.token,
      );
      expect(await answerCount()).toBe(before + 1);
    });

    it('does not use up a key on a write that failed', async () => {
      const key = randomUUID();
      const missing = await t.gql(
        ANSWER,
        { input: { questionId: '999999999', body: '答错了帖子。', idempotencyKey: key } },
        bob.token,
      );
      expect(codes(missing)).toEqual(['NOT_FOUND']);
      const ok = await t.gql<AnswerData>(
        ANSWER,
        { input: { questionId, body: '答对了帖子。', idempotencyKey: key } },
        bob.token,
      );
      expect(ok.errors).toBeUndefined();
      expect(ok.data?.postAnswer.body).toContain('答对了帖子');
    });

    it('keeps askQuestion and postAnswer keys apart', async () => {
      const key = randomUUID();
      const q = await t.ok<AskData>(
        ASK,
        { input: askInput(`键的作用域 ${key.slice(0, 8)}`, key) },
        bob.token,
      );
      const a = await t.ok<AnswerData>(
        ANSWER,
        { input: { questionId, body: '同一个键。', idempotencyKey: key } },
        bob.token,
      );
      expect(a.postAnswer.id).toBeTruthy();
      expect(q.askQuestion.question.id).toBeTruthy();
    });
  });
});
