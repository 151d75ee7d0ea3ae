import { Role } from '@app/accounts';
import { THREAD, answer, ask, outboxCount } from '../helpers/forum-ops';
import { TestApp, TestUser, codes } from '../helpers/test-app';

const REPORT = `mutation($i: ReportPostInput!) { reportPost(input: $i) { id status targetType targetId reason } }`;
const REPORTS = `query($s: ReportStatus) { reports(status: $s, first: 50) { edges { node { id targetId status reason } } } }`;
const HIDE = `mutation($i: ModeratePostInput!) { hidePost(input: $i) { isHidden hiddenReason reportsResolved } }`;
const RESTORE = `mutation($i: ModeratePostInput!) { restorePost(input: $i) { isHidden hiddenReason } }`;
const LIST = `query($tag: String) { questions(filter: { tag: $tag }, first: 50) { edges { node { id isHidden } } } }`;

describe('moderation', () => {
  let t: TestApp;
  let author: TestUser;
  let reader: TestUser;
  let mod: TestUser;

  beforeAll(async () => {
    t = await TestApp.start();
    author = await t.register('modauthor');
    reader = await t.register('modreader');
    mod = await t.withRole(await t.register('moderator'), Role.MODERATOR);
  });
  afterAll(() => t.close());

  it('takes one open report per user and post, and lists it for moderators only', async () => {
    const q = await ask(t, author, '广告：低价代还花呗');
    const input = { i: { targetType: 'QUESTION', targetId: q.id, reason: '疑似诈骗广告' } };
    const first = await t.ok<{ reportPost: { id: string; status: string } }>(REPORT, input, reader.token);
    expect(first.reportPost.status).toBe('OPEN');
    expect(codes(await t.gql(REPORT, input, reader.token))).toEqual(['CONFLICT']);
    expect(codes(await t.gql(REPORT, { i: { ...input.i, reason: '' } }, mod.token))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(codes(await t.gql(REPORT, input, author.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(REPORT, { i: { ...input.i, targetId: '99999999' } }, reader.token))).toEqual([
      'NOT_FOUND',
    ]);
    expect(codes(await t.gql(REPORTS, {}, reader.token))).toEqual(['FORBIDDEN']);
    const queue = await t.ok<{ reports: { edges: { node: { id: string } }[] } }>(REPORTS, {}, mod.token);
    expect(queue.reports.edges.map((e) => e.node.id)).toContain(first.reportPost.id);
  });

  it('hides a question from everyone but moderators and the author, and restores it', async () => {
    const tag = `诈骗${Date.now() % 100000}`;
    const q = await ask(t, author, '加微信帮你解封账户', '收费解封，联系我', [tag]);
    await t.ok(REPORT, { i: { targetType: 'QUESTION', targetId: q.id, reason: '诈骗' } }, reader.token);
    const before = await outboxCount(t, q.id);
    const hidden = await t.ok<{ hidePost: { isHidden: boolean; reportsResolved: number } }>(
      HIDE,
      { i: { targetType: 'QUESTION', targetId: q.id, reason: '诈骗信息' } },
      mod.token,
    );
    expect(hidden.hidePost).toEqual({ isHidden: true, hiddenReason: '诈骗信息', reportsResolved: 1 });
    expect(await outboxCount(t, q.id)).toBe(before + 1);

    const thread = async (token?: string) =>
      (
        await t.ok<{ question: { isHidden: boolean; hiddenReason: string } | null }>(
          THREAD.replace('id title', 'id isHidden hiddenReason title'),
          { id: q.id },
          token,
        )
      ).question;
    expect(await thread()).toBeNull();
    expect(await thread(reader.token)).toBeNull();
    expect(await thread(author.token)).toMatchObject({ isHidden: true, hiddenReason: '诈骗信息' });
    expect(await thread(mod.token)).toMatchObject({ isHidden: true });
    const list = async (token?: string) =>
      (await t.ok<{ questions: { edges: unknown[] } }>(LIST, { tag }, token)).questions.edges.length;
    expect(await list()).toBe(0);
    expect(await list(reader.token)).toBe(0);
    expect(await list(author.token)).toBe(1);
    expect(await list(mod.token)).toBe(1);
    const tags = await t.ok<{ tags: { name: string }[] }>(`{ tags(first: 200) { name } }`);
    expect(tags.tags.map((x) => x.name)).not.toContain(tag);

    const restored = await t.ok<{ restorePost: { isHidden: boolean } }>(
      RESTORE,
      { i: { targetType: 'QUESTION', targetId: q.id, reason: '误判，已核实' } },
      mod.token,
    );
    expect(restored.restorePost.isHidden).toBe(false);
    expect(await thread()).toMatchObject({ isHidden: false });
    expect(await list()).toBe(1);
  });

  it('hides an answer inside a thread for other readers', async () => {
    const q = await ask(t, author);
    const good = await answer(t, reader, q.id, '正常的回答');
    const bad = await answer(t, reader, q.id, '加我QQ代办');
    await t.ok(HIDE, { i: { targetType: 'ANSWER', targetId: bad, reason: '广告' } }, mod.token);
    const ids = async (token?: string) =>
      (
        await t.ok<{ question: { answers: { edges: { node: { id: string } }[] } } }>(
          THREAD,
          { id: q.id },
          token,
        )
      ).question.answers.edges.map((e) => e.node.id);
    expect(await ids()).toEqual([good]);
    expect(await ids(author.token)).toEqual([good]);
    expect((await ids(reader.token)).sort()).toEqual([good, bad].sort());
    expect((await ids(mod.token)).sort()).toEqual([good, bad].sort());
  });

  it('lets only moderators hide, restore and dismiss, and validates input', async () => {
    const q = await ask(t, author);
    const input = { i: { targetType: 'QUESTION', targetId: q.id, reason: '测试' } };
    expect(codes(await t.gql(HIDE, input, reader.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(HIDE, input, author.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(HIDE, input))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(RESTORE, input, reader.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(HIDE, { i: { ...input.i, targetId: '99999999' } }, mod.token))).toEqual([
      'NOT_FOUND',
    ]);
    expect(codes(await t.gql(HIDE, { i: { ...input.i, reason: 'x' } }, mod.token))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect((await thread(q.id)).question?.isHidden).toBe(false);
    const report = await t.ok<{ reportPost: { id: string } }>(
      REPORT,
      { i: { targetType: 'QUESTION', targetId: q.id, reason: '不确定' } },
      reader.token,
    );
    const dismiss = `mutation($id: ID!) { dismissReport(reportId: $id) { status } }`;
    expect(codes(await t.gql(dismiss, { id: report.reportPost.id }, reader.token))).toEqual(['FORBIDDEN']);
    expect(
      (await t.ok<{ dismissReport: { status: string } }>(dismiss, { id: report.reportPost.id }, mod.token))
        .dismissReport.status,
    ).toBe('DISMISSED');
    // A dismissed report no longer blocks a new one from the same user.
    await t.ok(REPORT, { i: { targetType: 'QUESTION', targetId: q.id, reason: '再次举报' } }, reader.token);

    async function thread(id: string) {
      return t.ok<{ question: { isHidden: boolean } | null }>(
        `query($id: ID!) { question(id: $id) { isHidden } }`,
        { id },
      );
    }
  });
});
