import { Role } from '@app/accounts';
import { foldText } from '@app/core';
import { TestApp, TestUser, codes } from '../helpers/test-app';
import { ask } from '../helpers/forum-ops';
import { eventually } from '../helpers/eventually';

const PHONE = '13812345678';
const ID = '11010519491231002X';
const EMAIL = 'zhangsan@example.com';

describe('personal data and safe rendering', () => {
  let t: TestApp;
  let user: TestUser;

  beforeAll(async () => {
    t = await TestApp.start();
    user = await t.register('pii');
  });
  afterAll(() => t.close());

  async function rawTextInDatabase(): Promise<string> {
    const tables = ['questions', 'answers', 'post_revisions', 'outbox_events'];
    const dumps = await Promise.all(tables.map((table) => t.db.query(`SELECT * FROM ${table}`)));
    return JSON.stringify(dumps);
  }

  it('masks phone, ID and e-mail in a question before storing it and tells the author', async () => {
    const res = await t.ok<{
      askQuestion: {
        question: { id: string; title: string; body: string };
        maskedPersonalData: { kind: string; field: string; masked: string }[];
      };
    }>(
      `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { question { id title body } maskedPersonalData { kind field masked } } }`,
      {
        input: {
          title: `手机${PHONE}收不到验证码`,
          body: `身份证 ${ID}，邮箱 ${EMAIL}，订单号 2093847561029384756`,
          tags: [],
        },
      },
      user.token,
    );
    const { question, maskedPersonalData } = res.askQuestion;
    expect(question.title).toBe('手机138****5678收不到验证码');
    expect(question.body).toBe(
      '身份证 110***********002X，邮箱 z*******@example.com，订单号 2093847561029384756',
    );
    expect(maskedPersonalData).toEqual([
      { kind: 'PHONE', field: 'title', masked: '138****5678' },
      { kind: 'ID_CARD', field: 'body', masked: '110***********002X' },
      { kind: 'EMAIL', field: 'body', masked: 'z*******@example.com' },
    ]);
    const db = await rawTextInDatabase();
    for (const secret of [PHONE, ID, EMAIL]) expect(db).not.toContain(secret);
    expect(db).toContain('2093847561029384756');
  });

  it('masks answers and edits too', async () => {
    const q = await ask(t, user);
    const other = await t.register('pii2');
    const a = await t.ok<{
      postAnswer: { id: string; body: string; maskedPersonalData: { kind: string }[] };
    }>(
      `mutation($input: PostAnswerInput!) { postAnswer(input: $input) { id body maskedPersonalData { kind } } }`,
      { input: { questionId: q.id, body: `加我 ${PHONE}` } },
      other.token,
    );
    expect(a.postAnswer).toMatchObject({ body: '加我 138****5678', maskedPersonalData: [{ kind: 'PHONE' }] });
    const edited = await t.ok<{ editAnswer: { body: string; maskedPersonalData: { kind: string }[] } }>(
      `mutation($input: EditAnswerInput!) { editAnswer(input: $input) { body maskedPersonalData { kind } } }`,
      { input: { id: a.postAnswer.id, body: `邮箱 ${EMAIL}` } },
      other.token,
    );
    expect(edited.editAnswer.maskedPersonalData).toEqual([{ kind: 'EMAIL' }]);
    const q2 = await t.ok<{ editQuestion: { title: string } }>(
      `mutation($input: EditQuestionInput!) { editQuestion(input: $input) { title } }`,
      { input: { id: q.id, title: `请回电 ${PHONE}` } },
      user.token,
    );
    expect(q2.editQuestion.title).toBe('请回电 138****5678');
    const db = await rawTextInDatabase();
    for (const secret of [PHONE, EMAIL]) expect(db).not.toContain(secret);
  });

  // The review's reproduced disguises of one phone number and one e-mail address.
  const VARIANTS = [
    '１３８１２３４５６７８',
    '138\u200b1234\u200b5678',
    '138.1234.5678',
    '138/1234/5678',
    '(138)1234-5678',
    '138  1234  5678',
    'wx13812345678',
    '&#49;3812345678',
    '138**1234**5678',
    'zhangsan＠example.com',
  ];

  /** Every table, every row: the database as text. */
  async function wholeDatabase(): Promise<string> {
    const tables = (await t.db.query('SHOW TABLES')) as Record<string, string>[];
    const dumps = await Promise.all(
      tables.map((row) => t.db.query(`SELECT * FROM \`${Object.values(row)[0]}\``)),
    );
    return JSON.stringify(dumps);
  }

  /** True when the text still holds the phone number or the e-mail, in any of the disguises. */
  function holdsRawSecret(text: string): boolean {
    const folded = foldText(text).text;
    const digits = folded.replace(/[\s./()\-|]/g, '');
    return digits.includes(PHONE) || /zhangsan@/i.test(folded) || VARIANTS.some((v) => text.includes(v));
  }

  async function meiliDocument(id: string): Promise<string | null> {
    const res = await fetch(
      `${process.env.MEILI_URL}/indexes/${process.env.MEILI_INDEX_PREFIX}_questions/documents/${id}`,
      { headers: { authorization: `Bearer ${process.env.MEILI_MASTER_KEY}`, 'accept-encoding': 'identity' } },
    );
    return res.status === 200 ? res.text() : null;
  }

  it('masks every reproduced disguise in titles, bodies, answers and edits; no table and no search document keeps one', async () => {
    const body = VARIANTS.map((v, i) => `${i + 1}. 联系 ${v} 谢谢`).join('\n');
    const res = await t.ok<{
      askQuestion: {
        question: { id: string; title: string; body: string };
        maskedPersonalData: { kind: string; field: string; masked: string }[];
      };
    }>(
      `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { question { id title body } maskedPersonalData { kind field masked } } }`,
      { input: { title: '加我 wx13812345678 帮忙看看', body, tags: [] } },
      user.token,
    );
    const { question, maskedPersonalData } = res.askQuestion;
    expect(maskedPersonalData).toHaveLength(VARIANTS.length + 1);
    expect(question.title).toBe('加我 wx138****5678 帮忙看看');
    expect(question.body.split('\n')).toEqual([
      '1. 联系 １３８****５６７８ 谢谢',
      '2. 联系 138\u200b****\u200b5678 谢谢',
      '3. 联系 138.****.5678 谢谢',
      '4. 联系 138/****/5678 谢谢',
      '5. 联系 (138)****-5678 谢谢',
      '6. 联系 138  ****  5678 谢谢',
      '7. 联系 wx138****5678 谢谢',
      '8. 联系 &#49;38****5678 谢谢',
      '9. 联系 138********5678 谢谢',
      '10. 联系 z*******＠example.com 谢谢',
    ]);
    expect(holdsRawSecret(question.body)).toBe(false);

    const other = await t.register('pii3');
    const answered = await t.ok<{ postAnswer: { id: string; body: string } }>(
      `mutation($input: PostAnswerInput!) { postAnswer(input: $input) { id body } }`,
      { input: { questionId: question.id, body: `我的是 ${VARIANTS.join(' 或 ')}` } },
      other.token,
    );
    expect(holdsRawSecret(answered.postAnswer.body)).toBe(false);
    await t.ok(
      `mutation($input: EditAnswerInput!) { editAnswer(input: $input) { id } }`,
      { input: { id: answered.postAnswer.id, body: `改成 ${VARIANTS.reverse().join('，')}` } },
      other.token,
    );
    await t.ok(
      `mutation($input: EditQuestionInput!) { editQuestion(input: $input) { id } }`,
      { input: { id: question.id, body: `${body}\n补充：&#x31;&#x33;&#x38;1234 5678` } },
      user.token,
    );

    expect(holdsRawSecret(await wholeDatabase())).toBe(false);
    // The search document is built from the stored (masked) text: it never holds the number either,
    // not even with the Markdown marks taken out (138**1234**5678 used to be indexed as 13812345678).
    const doc = await eventually(async () => {
      const d = await meiliDocument(question.id);
      expect(d).toContain('补充');
      return d as string;
    });
    expect(holdsRawSecret(doc)).toBe(false);
  });

  it('refuses a tag that is personal data (a tag is public)', async () => {
    for (const tag of [PHONE, '１３８１２３４５６７８', ID.toLowerCase()]) {
      const res = await t.gql(
        `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }`,
        { input: { title: '标签里的手机号', body: '正文', tags: ['花呗', tag] } },
        user.token,
      );
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors?.[0].extensions?.field).toBe('tags');
    }
    const tags = (await t.db.query('SELECT name FROM tags')) as { name: string }[];
    expect(tags.map((r) => r.name)).not.toContain(PHONE);
  });

  it('masks display names, report reasons and hide reasons', async () => {
    const named = await t.register('pii4', `张三 ${PHONE}`);
    const me = await t.ok<{ me: { displayName: string } }>(`{ me { displayName } }`, {}, named.token);
    expect(me.me.displayName).toBe('张三 138****5678');

    const q = await ask(t, user, '举报理由里的个人信息', '正文');
    const reporter = await t.register('pii5');
    const report = await t.ok<{ reportPost: { reason: string } }>(
      `mutation($input: ReportPostInput!) { reportPost(input: $input) { reason } }`,
      {
        input: {
          targetType: 'QUESTION',
          targetId: q.id,
          reason: `骗子，他的电话 138 1234 5678，邮箱 ${EMAIL}`,
        },
      },
      reporter.token,
    );
    expect(report.reportPost.reason).toBe('骗子，他的电话 138 **** 5678，邮箱 z*******@example.com');

    const moderator = await t.withRole(await t.register('pii6'), Role.MODERATOR);
    const hidden = await t.ok<{ hidePost: { hiddenReason: string } }>(
      `mutation($input: ModeratePostInput!) { hidePost(input: $input) { hiddenReason } }`,
      { input: { targetType: 'QUESTION', targetId: q.id, reason: `留了手机 １３８１２３４５６７８` } },
      moderator.token,
    );
    expect(hidden.hidePost.hiddenReason).toBe('留了手机 １３８****５６７８');
    expect(holdsRawSecret(await wholeDatabase())).toBe(false);
  });

  it('renders images as links, never as <img> (no tracking pixels)', async () => {
    const q = await ask(
      t,
      user,
      '截图里的图片',
      '截图：![错误提示](https://tracker.example/p.gif?reader=1)\n\n<img src="https://tracker.example/q.gif">',
    );
    const res = await t.ok<{ question: { bodyHtml: string } }>(
      `query($id: ID!) { question(id: $id) { bodyHtml } }`,
      { id: q.id },
    );
    expect(res.question.bodyHtml).not.toMatch(/<img\b/i);
    expect(res.question.bodyHtml).toContain(
      '<a href="https://tracker.example/p.gif?reader=1" rel="nofollow ugc noopener" target="_blank">图片：错误提示</a>',
    );
  });

  it('renders bodies to sanitised HTML with nofollow links', async () => {
    const q = await ask(
      t,
      user,
      '链接和脚本的渲染',
      '看[说明](https://example.com)\n<script>alert(1)</script>\n[x](javascript:alert(1))',
    );
    const res = await t.ok<{ question: { bodyHtml: string } }>(
      `query($id: ID!) { question(id: $id) { bodyHtml } }`,
      { id: q.id },
    );
    expect(res.question.bodyHtml).toContain(
      '<a href="https://example.com" rel="nofollow ugc noopener" target="_blank">说明</a>',
    );
    expect(res.question.bodyHtml).not.toMatch(/<script|href="javascript:/i);
  });
});
