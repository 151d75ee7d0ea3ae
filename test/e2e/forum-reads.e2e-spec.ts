import { ACCEPT, CLOSE, THREAD, answer, ask } from '../helpers/forum-ops';
import { TestApp, TestUser, codes } from '../helpers/test-app';

const LIST = `query($filter: QuestionFilter, $first: Int, $after: String) {
  questions(filter: $filter, first: $first, after: $after) {
    edges { cursor node { id title status tags author { handle } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

type ListResult = {
  questions: {
    edges: { node: { id: string; status: string; tags: string[] } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

describe('reading the forum', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let tag: string;

  beforeAll(async () => {
    t = await TestApp.start();
    alice = await t.register('alice');
    bob = await t.register('bob');
    tag = `退款${Date.now() % 100000}`;
  });
  afterAll(() => t.close());

  it('lists newest first and pages with cursors without gaps or repeats', async () => {
    const mine: string[] = [];
    for (let i = 0; i < 7; i++)
      mine.push((await ask(t, alice, `商家不退款怎么办 第${i}次`, '内容', [tag])).id);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res: ListResult = await t.ok(LIST, { filter: { tag }, first: 3, after });
      seen.push(...res.questions.edges.map((e) => e.node.id));
      after = res.questions.pageInfo.hasNextPage ? res.questions.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual([...mine].reverse());
  });

  it('filters by status and author', async () => {
    const q = await ask(t, bob, '退款申请被拒绝', '内容', [tag]);
    const a = await answer(t, alice, q.id);
    await t.ok(ACCEPT, { id: a }, bob.token);
    const solved: ListResult = await t.ok(LIST, { filter: { tag, status: 'SOLVED' }, first: 50 });
    expect(solved.questions.edges.map((e) => e.node.id)).toEqual([q.id]);
    const byBob: ListResult = await t.ok(LIST, { filter: { author: bob.handle }, first: 50 });
    expect(byBob.questions.edges.map((e) => e.node.id)).toEqual([q.id]);
    const nobody: ListResult = await t.ok(LIST, { filter: { author: 'no_such_handle' } });
    expect(nobody.questions.edges).toEqual([]);
  });

  it('caps the page size and rejects bad cursors', async () => {
    expect(codes(await t.gql(LIST, { first: 51 }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(LIST, { first: 0 }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(LIST, { after: 'bm90LWEtY3Vyc29y' }))).toEqual(['BAD_USER_INPUT']);
  });

  it('shows a user with their questions and answers', async () => {
    const carol = await t.register('carol', '小红');
    const q = await ask(t, carol, '花呗分期可以提前还吗');
    const other = await ask(t, alice, '借呗利息怎么算');
    const a = await answer(t, carol, other.id);
    const res = await t.ok<{
      user: {
        displayName: string;
        questions: { edges: { node: { id: string } }[] };
        answers: { edges: { node: { id: string; question: { id: string } } }[] };
      };
    }>(
      `query($h: String!) { user(handle: $h) { displayName questions { edges { node { id } } } answers { edges { node { id question { id } } } } } }`,
      { h: carol.handle },
    );
    expect(res.user.displayName).toBe('小红');
    expect(res.user.questions.edges.map((e) => e.node.id)).toEqual([q.id]);
    expect(res.user.answers.edges.map((e) => e.node)).toEqual([{ id: a, question: { id: other.id } }]);
  });

  it('counts tags over open and solved questions', async () => {
    const t2 = `冻结${Date.now() % 100000}`;
    await ask(t, alice, '账户冻结了', '内容', [t2]);
    await ask(t, bob, '账号被冻结', '内容', [t2, 'huabei']);
    const res = await t.ok<{ tags: { name: string; count: number }[] }>(
      `{ tags(first: 200) { name count } }`,
    );
    expect(res.tags.find((x) => x.name === t2)).toEqual({ name: t2, count: 2 });
    const counts = res.tags.map((x) => x.count);
    expect([...counts].sort((x, y) => y - x)).toEqual(counts);
  });

  it('keeps tag counts through tag edits and closing as a duplicate', async () => {
    const a = `冻结a${Date.now() % 100000}`;
    const b = `冻结b${Date.now() % 100000}`;
    const countOf = async (): Promise<Record<string, number | undefined>> => {
      const res = await t.ok<{ tags: { name: string; count: number }[] }>(
        `{ tags(first: 200) { name count } }`,
      );
      const by = new Map(res.tags.map((x) => [x.name, x.count]));
      return { [a]: by.get(a), [b]: by.get(b) };
    };
    const first = await ask(t, alice, '冻结的账户怎么解冻', '内容', [a]);
    const second = await ask(t, bob, '账户被冻结怎么办', '内容', [a, b]);
    expect(await countOf()).toEqual({ [a]: 2, [b]: 1 });
    await t.ok(
      `mutation($input: EditQuestionInput!) { editQuestion(input: $input) { id } }`,
      { input: { id: first.id, tags: [b] } },
      alice.token,
    );
    expect(await countOf()).toEqual({ [a]: 1, [b]: 2 });
    await t.ok(CLOSE, { q: second.id, d: first.id }, bob.token);
    // A closed question counts for no tag (a tag no question counts for is not listed).
    expect(await countOf()).toEqual({ [a]: undefined, [b]: 1 });
  });

  it('costs the same small number of SQL statements for a thread with 1 or 30 answers', async () => {
    const helpers = [];
    for (let i = 0; i < 5; i++) helpers.push(await t.register('h'));
    const official = await t.official(await t.register('off'));
    const one = await ask(t, alice, '换手机后登录异常');
    await answer(t, official, one.id);
    const many = await ask(t, alice, '换城市后转账被限制');
    for (let i = 0; i < 30; i++) await answer(t, i === 0 ? official : helpers[i % 5], many.id, `办法 ${i}`);
    const endorser = await t.official(await t.register('off2'));
    const edges = (
      await t.ok<{ question: { answers: { edges: { node: { id: string } }[] } } }>(THREAD, { id: many.id })
    ).question.answers.edges;
    await t.ok(
      `mutation($id: ID!) { markOfficialAnswer(answerId: $id) { id } }`,
      { id: edges[5].node.id },
      endorser.token,
    );

    const cost = async (id: string): Promise<number> => {
      const res = await t.gql(THREAD, { id });
      expect(res.errors).toBeUndefined();
      return Number(res.headers.get('x-sql-queries'));
    };
    const small = await cost(one.id);
    const large = await cost(many.id);
    console.log(`SQL statements per thread page: 1 answer -> ${small}, 30 answers -> ${large}`);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(4);
    expect(large).toBeGreaterThan(0);
  });
});
