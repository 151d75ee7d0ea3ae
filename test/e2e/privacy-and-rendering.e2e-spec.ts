import { TestApp, TestUser } from '../helpers/test-app';
import { ask } from '../helpers/forum-ops';

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
