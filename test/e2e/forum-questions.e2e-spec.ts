import { Role } from '@app/accounts';
import { TestApp, TestUser, codes } from '../helpers/test-app';
import { ASK, CLOSE, THREAD, ask, answer, outboxCount } from '../helpers/forum-ops';

describe('questions', () => {
  let t: TestApp;
  let asker: TestUser;
  let other: TestUser;
  let moderator: TestUser;

  beforeAll(async () => {
    t = await TestApp.start();
    asker = await t.register('asker', '小王');
    other = await t.register('other');
    moderator = await t.withRole(await t.register('mod'), Role.MODERATOR);
  });
  afterAll(() => t.close());

  describe('successful', () => {
    it('asks a Chinese question with Markdown, emoji and normalised tags, and writes an outbox row', async () => {
      const res = await t.ok<{ askQuestion: { question: Record<string, unknown> } }>(
        ASK,
        {
          input: {
            title: '  花呗还款失败怎么办？😭  ',
            body: '## 情况\n银行卡余额充足，但是**还款失败**。',
            tags: ['花呗', ' Huabei ', '花呗', '还款'],
          },
        },
        asker.token,
      );
      const q = res.askQuestion.question;
      expect(q).toMatchObject({
        title: '花呗还款失败怎么办？😭',
        body: '## 情况\n银行卡余额充足，但是**还款失败**。',
        tags: ['花呗', 'huabei', '还款'],
        status: 'OPEN',
        isSolved: false,
        answerCount: 0,
        score: 0,
        author: { handle: asker.handle },
      });
      expect(await outboxCount(t, q.id as string)).toBe(1);
    });

    it('counts title length in characters: 150 Chinese characters or emoji pass', async () => {
      await ask(t, asker, '风'.repeat(150));
      await ask(t, asker, '😀'.repeat(150));
    });

    it('reads a thread by id and returns null for an unknown id', async () => {
      const q = await ask(t, asker);
      const res = await t.ok<{ question: { id: string; author: { handle: string } } }>(THREAD, { id: q.id });
      expect(res.question).toMatchObject({ id: q.id, author: { handle: asker.handle } });
      expect((await t.ok<{ question: null }>(THREAD, { id: '987654321' })).question).toBeNull();
      expect((await t.ok<{ question: null }>(THREAD, { id: 'not-an-id' })).question).toBeNull();
    });

    it('edits a question as the author and keeps the previous version', async () => {
      const q = await ask(t, asker, '账户被冻结了怎么解封', '昨天突然冻结', ['冻结']);
      const edit = await t.ok<{
        editQuestion: {
          title: string;
          body: string;
          tags: string[];
          revisions: { title: string; body: string; tags: string[] }[];
        };
      }>(
        `mutation($input: EditQuestionInput!) { editQuestion(input: $input) { title body tags revisions { title body tags } } }`,
        { input: { id: q.id, title: '账户被冻结了怎么解封？', tags: ['冻结', '解封'] } },
        asker.token,
      );
      expect(edit.editQuestion).toMatchObject({
        title: '账户被冻结了怎么解封？',
        body: '昨天突然冻结',
        tags: ['冻结', '解封'],
      });
      expect(edit.editQuestion.revisions).toEqual([
        { title: '账户被冻结了怎么解封', body: '昨天突然冻结', tags: ['冻结'] },
      ]);
      expect(await outboxCount(t, q.id)).toBe(2);
    });

    it('lets a moderator edit anyone’s question', async () => {
      const q = await ask(t, asker);
      const res = await t.gql(
        `mutation($input: EditQuestionInput!) { editQuestion(input: $input) { body } }`,
        { input: { id: q.id, body: '版主整理后的内容' } },
        moderator.token,
      );
      expect(res.errors).toBeUndefined();
    });

    it('closes a question as a duplicate (asker), pointing at the canonical thread', async () => {
      const canonical = await ask(t, other, '退款一直没到账');
      const dup = await ask(t, asker, '商家退款没到账怎么办');
      const res = await t.ok<{ closeAsDuplicate: { status: string; duplicateOf: { id: string } } }>(
        CLOSE,
        { q: dup.id, d: canonical.id },
        asker.token,
      );
      expect(res.closeAsDuplicate).toEqual({
        id: dup.id,
        status: 'CLOSED',
        duplicateOf: { id: canonical.id },
      });
    });

    it('re-points threads that were duplicates of a question closed in turn (no chains)', async () => {
      const a = await ask(t, other, '花呗额度突然降低');
      const b = await ask(t, other, '花呗额度被降了');
      const c = await ask(t, other, '花呗额度为什么变少');
      await t.ok(CLOSE, { q: c.id, d: b.id }, moderator.token);
      await t.ok(CLOSE, { q: b.id, d: a.id }, moderator.token);
      const res = await t.ok<{ question: { duplicateOf: { id: string } } }>(THREAD, { id: c.id });
      expect(res.question.duplicateOf.id).toBe(a.id);
    });
  });

  describe('failing', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['an empty title', { title: '   ', body: '内容', tags: [] }, 'title'],
      ['a 3-character title', { title: '花呗?', body: '内容', tags: [] }, 'title'],
      ['a 151-character title', { title: '风'.repeat(151), body: '内容', tags: [] }, 'title'],
      ['a multi-line title', { title: '花呗还款\n失败了', body: '内容', tags: [] }, 'title'],
      ['an empty body', { title: '花呗还款失败', body: '  ', tags: [] }, 'body'],
      ['a 20001-character body', { title: '花呗还款失败', body: '字'.repeat(20001), tags: [] }, 'body'],
      ['six tags', { title: '花呗还款失败', body: '内容', tags: ['a', 'b', 'c', 'd', 'e', 'f'] }, 'tags'],
      ['a tag with spaces', { title: '花呗还款失败', body: '内容', tags: ['two words'] }, 'tags'],
      ['a 33-character tag', { title: '花呗还款失败', body: '内容', tags: ['标'.repeat(33)] }, 'tags'],
      ['a control character', { title: '花呗\u0007还款失败', body: '内容', tags: [] }, 'title'],
    ];
    it.each(cases)('rejects %s with BAD_USER_INPUT and writes nothing', async (_, input, field) => {
      const [before] = await t.db.query('SELECT COUNT(*) AS n FROM questions');
      const res = await t.gql(ASK, { input }, asker.token);
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors?.[0].extensions?.field).toBe(field);
      const [after] = await t.db.query('SELECT COUNT(*) AS n FROM questions');
      expect(after.n).toBe(before.n);
    });

    it('rejects wrong GraphQL types without a stack trace', async () => {
      const res = await t.gql(ASK, { input: { title: 123, body: null, tags: 'x' } }, asker.token);
      expect(res.status).toBe(400);
      expect(codes(res)[0]).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(res)).not.toMatch(/at .*\.(ts|js):\d+/);
    });

    it('requires sign-in to ask', async () => {
      expect(codes(await t.gql(ASK, { input: { title: '花呗还款失败', body: '内容', tags: [] } }))).toEqual([
        'UNAUTHENTICATED',
      ]);
    });

    it('forbids editing someone else’s question and keeps it unchanged', async () => {
      const q = await ask(t, asker, '借呗提前还款有手续费吗');
      const res = await t.gql(
        `mutation($input: EditQuestionInput!) { editQuestion(input: $input) { id } }`,
        { input: { id: q.id, title: '被别人改掉的标题' } },
        other.token,
      );
      expect(codes(res)).toEqual(['FORBIDDEN']);
      const thread = await t.ok<{ question: { title: string } }>(THREAD, { id: q.id });
      expect(thread.question.title).toBe('借呗提前还款有手续费吗');
      const [rev] = await t.db.query('SELECT COUNT(*) AS n FROM post_revisions WHERE target_id = ?', [q.id]);
      expect(Number(rev.n)).toBe(0);
    });

    it('rejects an edit with nothing to change, and an unknown question', async () => {
      const q = await ask(t, asker);
      const edit = `mutation($input: EditQuestionInput!) { editQuestion(input: $input) { id } }`;
      expect(codes(await t.gql(edit, { input: { id: q.id } }, asker.token))).toEqual(['BAD_USER_INPUT']);
      expect(
        codes(await t.gql(edit, { input: { id: '99999999', title: '不存在的问题' } }, asker.token)),
      ).toEqual(['NOT_FOUND']);
    });

    it('forbids closing as duplicate for anyone but the asker or a moderator', async () => {
      const a = await ask(t, other, '支付宝账号被盗了');
      const b = await ask(t, asker, '账号被盗怎么找回');
      expect(codes(await t.gql(CLOSE, { q: b.id, d: a.id }, other.token))).toEqual(['FORBIDDEN']);
      const thread = await t.ok<{ question: { status: string } }>(THREAD, { id: b.id });
      expect(thread.question.status).toBe('OPEN');
    });

    it('rejects a missing target, itself, and a target that is a duplicate', async () => {
      const a = await ask(t, asker, '转账被限制了');
      const b = await ask(t, asker, '转账被限额');
      const c = await ask(t, asker, '转账受限怎么办');
      expect(codes(await t.gql(CLOSE, { q: a.id, d: '99999999' }, asker.token))).toEqual(['NOT_FOUND']);
      expect(codes(await t.gql(CLOSE, { q: a.id, d: a.id }, asker.token))).toEqual(['BAD_USER_INPUT']);
      await t.ok(CLOSE, { q: b.id, d: a.id }, asker.token);
      const res = await t.gql(CLOSE, { q: c.id, d: b.id }, asker.token);
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      const outboxBefore = await outboxCount(t, c.id);
      expect(outboxBefore).toBe(1);
      const thread = await t.ok<{ question: { status: string } }>(THREAD, { id: c.id });
      expect(thread.question.status).toBe('OPEN');
    });

    it('refuses answers on a question closed as duplicate without writing anything', async () => {
      const a = await ask(t, asker, '余额宝转出不到账');
      const b = await ask(t, asker, '余额宝转出一直没到');
      await t.ok(CLOSE, { q: b.id, d: a.id }, asker.token);
      const before = await outboxCount(t, b.id);
      const res = await t.gql(
        `mutation($input: PostAnswerInput!) { postAnswer(input: $input) { id } }`,
        { input: { questionId: b.id, body: '答案' } },
        other.token,
      );
      expect(codes(res)).toEqual(['CONFLICT']);
      const [row] = await t.db.query('SELECT answer_count AS n FROM questions WHERE id = ?', [b.id]);
      expect(row.n).toBe(0);
      expect(await outboxCount(t, b.id)).toBe(before);
      // the canonical thread still takes answers
      await answer(t, other, a.id);
    });
  });
});
