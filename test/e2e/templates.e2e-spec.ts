import { Role } from '@app/accounts';
import { ACCEPT, answer, ask } from '../helpers/forum-ops';
import { GqlResponse, TestApp, TestUser, codes } from '../helpers/test-app';

const CATEGORIES = `{ categories { key name position fields { key label required } } }`;
const ASK_IN = `mutation($input: AskQuestionInput!) {
  askQuestion(input: $input) {
    question { id body category { key name } }
    maskedPersonalData { kind field masked }
  }
}`;
const UPSERT = `mutation($i: UpsertCategoryInput!) { upsertCategory(input: $i) { key name position fields { key label required } } }`;
const RECOMMENDED = `query($first: Int) { recommendedThreads(first: $first) { id title status } }`;

const field = (res: GqlResponse): unknown => res.errors?.[0]?.extensions?.field;

let t: TestApp;

beforeAll(async () => {
  t = await TestApp.start();
});
afterAll(() => t.close());

describe('question templates per category', () => {
  let asker: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    asker = await t.register('tpl');
    admin = await t.withRole(await t.register('tpladm'), Role.ADMIN);
  });

  const questionCount = async (): Promise<number> =>
    Number((await t.db.query('SELECT COUNT(*) AS n FROM questions'))[0].n);

  it('lists the four seeded categories with what to prepare, in order', async () => {
    const { categories } = await t.ok<{
      categories: {
        key: string;
        name: string;
        fields: { key: string; label: string; required: boolean }[];
      }[];
    }>(CATEGORIES);
    expect(categories.map((c) => [c.key, c.name])).toEqual([
      ['account', '账户类'],
      ['transaction', '交易纠纷'],
      ['security', '安全咨询'],
      ['other', '其他'],
    ]);
    const security = categories.find((c) => c.key === 'security');
    expect(security?.fields).toEqual([
      { key: 'device_or_city_changed', label: '手机或城市是否变更', required: true },
      { key: 'message', label: '提示的原文', required: true },
      { key: 'happened_at', label: '发生时间', required: true },
    ]);
    expect(categories.find((c) => c.key === 'transaction')?.fields.map((f) => f.key)).toEqual([
      'order_number',
      'merchant',
      'amount',
      'date',
    ]);
  });

  it('renders the details into the body, records the category and masks personal data in them', async () => {
    const res = await t.ok<{
      askQuestion: {
        question: { id: string; body: string; category: { key: string; name: string } };
        maskedPersonalData: { kind: string; field: string; masked: string }[];
      };
    }>(
      ASK_IN,
      {
        input: {
          title: '换手机后登录被风控限制',
          body: '登录后一直提示有风险。',
          tags: ['风控'],
          category: 'security',
          details: [
            { key: 'message', value: '当前操作存在风险，请联系客服 13812345678' },
            { key: 'device_or_city_changed', value: '是' },
            { key: 'happened_at', value: '昨天晚上' },
          ],
        },
      },
      asker.token,
    );
    const q = res.askQuestion.question;
    expect(q.category).toEqual({ key: 'security', name: '安全咨询' });
    expect(q.body).toContain(
      '登录后一直提示有风险。\n\n### 补充信息\n- **手机或城市是否变更**：是\n- **提示的原文**：',
    );
    expect(q.body).toContain('- **发生时间**：昨天晚上');
    expect(q.body).not.toContain('13812345678');
    expect(res.askQuestion.maskedPersonalData).toEqual([
      expect.objectContaining({ kind: 'PHONE', field: 'body' }),
    ]);
    const [row] = await t.db.query('SELECT category_key FROM questions WHERE id = ?', [q.id]);
    expect(row.category_key).toBe('security');
  });

  it('rejects bad templates input as BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const before = await questionCount();
    const input = (extra: Record<string, unknown>) => ({
      input: { title: '信用卡绑不上', body: '一直提示失败', tags: [], ...extra },
    });
    const cases: [Record<string, unknown>, string][] = [
      [{ category: 'nope' }, 'category'],
      [{ category: 'Bad Key!' }, 'category'],
      [{ details: [{ key: 'message', value: 'x' }] }, 'category'],
      [
        { category: 'security', details: [{ key: 'device_or_city_changed', value: '否' }] },
        'details.message',
      ],
      [{ category: 'transaction', details: [] }, 'details.order_number'],
      [
        {
          category: 'account',
          details: [
            { key: 'restriction', value: '转账' },
            { key: 'message', value: '账户异常' },
            { key: 'favourite_colour', value: '蓝' },
          ],
        },
        'details',
      ],
      [
        {
          category: 'account',
          details: [
            { key: 'restriction', value: '转账' },
            { key: 'message', value: '长'.repeat(501) },
          ],
        },
        'details.message',
      ],
      [
        {
          category: 'account',
          details: [
            { key: 'restriction', value: '   ' },
            { key: 'message', value: '账户异常' },
          ],
        },
        'details.restriction',
      ],
    ];
    for (const [extra, expected] of cases) {
      const res = await t.gql(ASK_IN, input(extra), asker.token);
      expect([codes(res), field(res)]).toEqual([['BAD_USER_INPUT'], expected]);
    }
    expect(await questionCount()).toBe(before);
  });

  it('lets admins edit templates without a deploy, and only admins', async () => {
    const i = {
      key: 'card_binding',
      name: '绑卡问题',
      fields: [
        { key: 'bank', label: '银行', required: true },
        { key: 'message', label: '提示的原文', required: false },
      ],
    };
    const created = await t.ok<{ upsertCategory: { key: string; position: number; fields: unknown[] } }>(
      UPSERT,
      { i },
      admin.token,
    );
    expect(created.upsertCategory).toMatchObject({ key: 'card_binding', position: 5 });
    const member = await t.register('tplm');
    const mod = await t.withRole(await t.register('tplmod'), Role.MODERATOR);
    expect(codes(await t.gql(UPSERT, { i }, member.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(UPSERT, { i }, mod.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(UPSERT, { i }))).toEqual(['UNAUTHENTICATED']);
    const badKey = await t.gql(UPSERT, { i: { ...i, key: 'Card' } }, admin.token);
    expect([codes(badKey), field(badKey)]).toEqual([['BAD_USER_INPUT'], 'key']);
    const badField = await t.gql(
      UPSERT,
      { i: { ...i, fields: [{ key: '9lives', label: 'x', required: false }] } },
      admin.token,
    );
    expect([codes(badField), field(badField)]).toEqual([['BAD_USER_INPUT'], 'fields.0.key']);

    // Editing replaces the fields; the next question is checked against the new template.
    await t.ok(
      UPSERT,
      { i: { ...i, fields: [{ key: 'card_type', label: '卡的类型', required: true }] } },
      admin.token,
    );
    const old = await t.gql(
      ASK_IN,
      {
        input: {
          title: '银行卡绑不上',
          body: '失败',
          category: 'card_binding',
          details: [{ key: 'bank', value: '招行' }],
        },
      },
      asker.token,
    );
    expect(field(old)).toBe('details');
    const ok = await t.ok<{ askQuestion: { question: { body: string; category: { name: string } } } }>(
      ASK_IN,
      {
        input: {
          title: '银行卡绑不上',
          body: '失败',
          category: 'card_binding',
          details: [{ key: 'card_type', value: '信用卡' }],
        },
      },
      asker.token,
    );
    expect(ok.askQuestion.question.category.name).toBe('绑卡问题');
    expect(ok.askQuestion.question.body).toBe('失败\n\n### 补充信息\n- **卡的类型**：信用卡');
  });
});

describe('recommended threads', () => {
  it('follows the tags and categories of your questions and me-too marks, solved first, newest first within', async () => {
    const me = await t.register('rec');
    const other = await t.register('reco');
    const helper = await t.register('rech');
    await ask(t, me, '花呗还款失败了', '扣款失败', ['花呗']);
    const marked = await ask(t, other, '借呗额度没了', '突然没有额度', ['借呗']);
    await t.ok(`mutation($id: ID!) { meToo(questionId: $id) { id } }`, { id: marked.id }, me.token);
    await t.ok(
      ASK_IN,
      { input: { title: '转账被风控', body: '提示风险', category: 'security', details: securityDetails } },
      me.token,
    );

    const openHuabei = await ask(t, other, '花呗分期怎么取消', '不想分期了', ['花呗']);
    const solvedHuabei = await ask(t, other, '花呗逾期一天影响征信吗', '忘了还', ['花呗']);
    await t.ok(ACCEPT, { id: await answer(t, helper, solvedHuabei.id) }, other.token);
    const jiebei = await ask(t, other, '借呗提前还款有手续费吗', '想提前还', ['借呗']);
    const security = await t.ok<{ askQuestion: { question: { id: string } } }>(
      ASK_IN,
      { input: { title: '异地登录被限制', body: '出差了', category: 'security', details: securityDetails } },
      other.token,
    );
    await ask(t, other, '怎么修改头像', '找不到入口', ['设置']); // unrelated
    const hidden = await ask(t, other, '花呗被关闭了', '为什么', ['花呗']);
    const mod = await t.withRole(await t.register('recmod'), Role.MODERATOR);
    await t.ok(
      `mutation($i: ModeratePostInput!) { hidePost(input: $i) { isHidden } }`,
      { i: { targetType: 'QUESTION', targetId: hidden.id, reason: '重复' } },
      mod.token,
    );
    const dupe = await ask(t, other, '花呗分期能取消吗', '同上', ['花呗']);
    await t.ok(
      `mutation($q: ID!, $d: ID!) { closeAsDuplicate(questionId: $q, duplicateOfId: $d) { id } }`,
      { q: dupe.id, d: openHuabei.id },
      other.token,
    );

    const res = await t.ok<{ recommendedThreads: { id: string; status: string }[] }>(
      RECOMMENDED,
      {},
      me.token,
    );
    // Threads of the other tests in this file may match too; these are the ones made here.
    const made = new Set([
      openHuabei.id,
      solvedHuabei.id,
      jiebei.id,
      security.askQuestion.question.id,
      hidden.id,
      dupe.id,
      marked.id,
    ]);
    expect(res.recommendedThreads.map((q) => q.id).filter((id) => made.has(id))).toEqual([
      solvedHuabei.id,
      security.askQuestion.question.id,
      jiebei.id,
      openHuabei.id,
    ]);
    expect(res.recommendedThreads[0].status).toBe('SOLVED');
    const two = await t.ok<{ recommendedThreads: unknown[] }>(RECOMMENDED, { first: 2 }, me.token);
    expect(two.recommendedThreads).toHaveLength(2);
    expect(codes(await t.gql(RECOMMENDED, {}))).toEqual(['UNAUTHENTICATED']);
    const fresh = await t.register('recnew');
    expect(
      (await t.ok<{ recommendedThreads: unknown[] }>(RECOMMENDED, {}, fresh.token)).recommendedThreads,
    ).toEqual([]);
  });
});

const securityDetails = [
  { key: 'device_or_city_changed', value: '否' },
  { key: 'message', value: '存在风险' },
  { key: 'happened_at', value: '今天' },
];
