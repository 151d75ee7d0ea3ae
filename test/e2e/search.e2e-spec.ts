import { Role } from '@app/accounts';
import { eventually } from '../helpers/eventually';
import { ACCEPT, ANSWER, CLOSE, MARK } from '../helpers/forum-ops';
import { TestApp, TestUser, codes } from '../helpers/test-app';

// The index is shared with the other test files of the run, so every test scopes its searches with
// a tag or a marker word of its own.

const SEARCH = `query($q: String!, $f: SearchFilter, $first: Int, $after: String) {
  searchQuestions(query: $q, filter: $f, first: $first, after: $after) {
    edges { cursor score highlightedTitle snippet node { id title status isSolved tags author { handle } } }
    pageInfo { hasNextPage endCursor }
    facets { name count }
    estimatedTotalCount
  }
}`;
const SIMILAR = `query($title: String!, $body: String, $limit: Int) {
  similarQuestions(title: $title, body: $body, limit: $limit) { score question { id title status isSolved } }
}`;
const ASK = `mutation($input: AskQuestionInput!) {
  askQuestion(input: $input) { question { id title } similarQuestions { score question { id title } } }
}`;

interface Edge {
  cursor: string;
  score: number;
  highlightedTitle: string;
  snippet: string;
  node: { id: string; title: string; status: string; isSolved: boolean; tags: string[] };
}
interface SearchResult {
  searchQuestions: {
    edges: Edge[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    facets: { name: string; count: number }[];
    estimatedTotalCount: number;
  };
}
interface Similar {
  score: number;
  question: { id: string; title: string; status: string; isSolved: boolean };
}

const unique = (): string => Math.random().toString(36).slice(2, 10).padEnd(8, 'x');

describe('search', () => {
  let t: TestApp;
  let asker: TestUser;
  let helper: TestUser;
  let staff: TestUser;

  beforeAll(async () => {
    t = await TestApp.start({ RATE_LIMIT: 'off' });
    asker = await t.register('sasker');
    helper = await t.register('shelper');
    staff = await t.official(await t.register('sstaff'));
  });
  afterAll(() => t.close());

  const search = async (q: string, f: Record<string, unknown> = {}, first?: number, after?: string) =>
    (await t.ok<SearchResult>(SEARCH, { q, f, first, after })).searchQuestions;
  const ids = (edges: Edge[]): string[] => edges.map((e) => e.node.id);
  const askQ = async (title: string, body: string, tags: string[], user = asker) =>
    (
      await t.ok<{ askQuestion: { question: { id: string }; similarQuestions: Similar[] } }>(
        ASK,
        { input: { title, body, tags } },
        user.token,
      )
    ).askQuestion;
  const answerQ = async (questionId: string, body: string, user = helper): Promise<string> =>
    (await t.ok<{ postAnswer: { id: string } }>(ANSWER, { input: { questionId, body } }, user.token))
      .postAnswer.id;
  const similar = async (title: string, body?: string, limit?: number) =>
    (await t.ok<{ similarQuestions: Similar[] }>(SIMILAR, { title, body, limit })).similarQuestions;

  describe('successful', () => {
    it('finds Chinese and English questions, with typos in English words', async () => {
      const tag = `t${unique()}`;
      const zh = await askQ('支付宝账户被冻结了怎么办', '昨天换了手机登录，账户就被**冻结**了。', [tag]);
      const en = await askQ('Huabei repayment failed with an error', 'The repayment keeps failing.', [tag]);
      await eventually(async () => {
        expect(ids((await search('账户冻结', { tags: [tag] })).edges)).toEqual([zh.question.id]);
        expect(ids((await search('repayment', { tags: [tag] })).edges)).toEqual([en.question.id]);
      });
      expect(ids((await search('repaymnet failed', { tags: [tag] })).edges)).toEqual([en.question.id]);
      expect(ids((await search('HUABEI', { tags: [tag] })).edges)).toEqual([en.question.id]);
      const hit = (await search('冻结', { tags: [tag] })).edges[0];
      expect(hit.highlightedTitle).toBe('支付宝账户被<mark>冻结</mark>了怎么办');
      expect(hit.snippet).toContain('<mark>冻结</mark>');
      expect(hit.snippet).not.toContain('**');
      expect(hit.score).toBeGreaterThan(0.5);
      expect(hit.node).toMatchObject({ title: '支付宝账户被冻结了怎么办', tags: [tag], status: 'OPEN' });
    });

    it('matches domain synonyms (账号冻结 finds 账户被冻结, 退钱 finds 退款)', async () => {
      const tag = `t${unique()}`;
      const frozen = await askQ('我的账户被冻结了', '登录提示账户异常', [tag]);
      const refund = await askQ('商家一直不给退款', '申请了两周还没到账', [tag]);
      await eventually(async () => {
        expect(ids((await search('账号冻结', { tags: [tag] })).edges)).toEqual([frozen.question.id]);
        expect(ids((await search('退钱', { tags: [tag] })).edges)).toEqual([refund.question.id]);
      });
      expect(ids((await search('封号', { tags: [tag] })).edges)).toEqual([frozen.question.id]);
      expect(ids((await search('huabei 花呗', { tags: [tag] })).edges)).toEqual([]);
    });

    it('searches the accepted and official answers, and snippets show the fix', async () => {
      const tag = `t${unique()}`;
      const q = await askQ('花呗自动还款没有扣款', '到了还款日没有自动扣', [tag]);
      const a = await answerQ(q.question.id, '在网商银行重新签约代扣协议就好了');
      await t.ok(ACCEPT, { id: a }, asker.token);
      await eventually(async () => {
        const edge = (await search('签约代扣', { tags: [tag] })).edges[0];
        expect(edge?.node.id).toBe(q.question.id);
        expect(edge.node.isSolved).toBe(true);
        expect(edge.snippet).toContain('<mark>');
        expect(edge.snippet).toContain('网商银行');
      });
    });

    it('filters by solved, official answer and tags, and counts tags as facets', async () => {
      const tag = `t${unique()}`;
      const marker = `mk${unique()}`;
      const open = await askQ(`${marker} 转账一直失败`, '提示风险', [tag, 'zhuanzhang']);
      const accepted = await askQ(`${marker} 转账到银行卡失败`, '银行卡转账', [tag, 'zhuanzhang']);
      const official = await askQ(`${marker} 转账限额是多少`, '每天最多能转多少', [tag, 'xiane']);
      await t.ok(ACCEPT, { id: await answerQ(accepted.question.id, '换一张储蓄卡') }, asker.token);
      await answerQ(official.question.id, '单日限额以页面提示为准', staff);
      await eventually(async () => {
        const all = await search(marker);
        expect(ids(all.edges).sort()).toEqual([open, accepted, official].map((q) => q.question.id).sort());
        expect(all.facets).toEqual([
          { name: tag, count: 3 },
          { name: 'zhuanzhang', count: 2 },
          { name: 'xiane', count: 1 },
        ]);
        expect(all.estimatedTotalCount).toBe(3);
        expect(ids((await search(marker, { solvedOnly: true })).edges).sort()).toEqual(
          [accepted.question.id, official.question.id].sort(),
        );
      });
      expect(ids((await search(marker, { hasOfficialAnswer: true })).edges)).toEqual([official.question.id]);
      const tagged = await search(marker, { tags: ['ZHUANZHANG', tag] });
      expect(ids(tagged.edges).sort()).toEqual([open.question.id, accepted.question.id].sort());
      expect(tagged.facets.find((f) => f.name === 'xiane')).toBeUndefined();
    });

    it('filters by template category and counts categories as facets, in the categories\' order', async () => {
      const marker = `mk${unique()}`;
      const ask = async (title: string, category: string | null, details: { key: string; value: string }[] = []) =>
        (
          await t.ok<{ askQuestion: { question: { id: string } } }>(
            ASK,
            { input: { title: `${marker} ${title}`, body: '说明一下情况', tags: ['fenlei'], category, details } },
            asker.token,
          )
        ).askQuestion.question.id;
      const other1 = await ask('余额宝转出没有到账', 'other');
      const other2 = await ask('花呗账单日怎么修改', 'other', [{ key: 'tried', value: '重启了应用' }]);
      const account = await ask('账户被限制收款', 'account', [
        { key: 'restriction', value: '收款' },
        { key: 'message', value: '账户存在风险' },
      ]);
      const none = await ask('没有选分类的问题', null);
      const F = `query($q: String!, $f: SearchFilter) {
        searchQuestions(query: $q, filter: $f) { edges { node { id category { key } } } categoryFacets { key name count } }
      }`;
      type R = {
        searchQuestions: {
          edges: { node: { id: string; category: { key: string } | null } }[];
          categoryFacets: { key: string; name: string; count: number }[];
        };
      };
      await eventually(async () => {
        const all = (await t.ok<R>(F, { q: marker, f: {} })).searchQuestions;
        expect(all.edges.map((e) => e.node.id).sort()).toEqual([other1, other2, account, none].sort());
        // Ordered like `categories` (account before other), not by count.
        expect(all.categoryFacets).toEqual([
          { key: 'account', name: '账户类', count: 1 },
          { key: 'other', name: '其他', count: 2 },
        ]);
      });
      const other = (await t.ok<R>(F, { q: marker, f: { category: 'other' } })).searchQuestions;
      expect(other.edges.map((e) => e.node.id).sort()).toEqual([other1, other2].sort());
      expect(other.edges.every((e) => e.node.category?.key === 'other')).toBe(true);
      expect(other.categoryFacets).toEqual([{ key: 'other', name: '其他', count: 2 }]);
      // Combined with the other filters, and through the multi-word (federated) path.
      const words = (await t.ok<R>(F, { q: `${marker} 账户`, f: { category: 'account', tags: ['fenlei'] } }))
        .searchQuestions;
      expect(words.edges.map((e) => e.node.id)).toEqual([account]);
      expect(words.categoryFacets).toEqual([{ key: 'account', name: '账户类', count: 1 }]);
      // An unknown key finds nothing; a value that cannot be a key is bad input at the field.
      expect((await t.ok<R>(F, { q: marker, f: { category: 'nosuch' } })).searchQuestions.edges).toEqual([]);
      const bad = await t.gql(F, { q: marker, f: { category: 'x" OR id > 0' } });
      expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
      expect(bad.errors?.[0].extensions?.field).toBe('category');
    });

    it('pages with Relay cursors, and an empty query lists recent solved threads', async () => {
      const tag = `t${unique()}`;
      const marker = `pg${unique()}`;
      const asked: string[] = [];
      for (let i = 0; i < 5; i++) {
        const q = await askQ(`${marker} 余额宝收益问题${i}`, `第${i}个`, [tag]);
        await t.ok(ACCEPT, { id: await answerQ(q.question.id, `回答${i}`) }, asker.token);
        asked.push(q.question.id);
      }
      await eventually(async () => expect((await search(marker)).estimatedTotalCount).toBe(5));
      const seen: string[] = [];
      let after: string | undefined;
      const pages: number[] = [];
      for (;;) {
        const page = await search(marker, {}, 2, after);
        pages.push(page.edges.length);
        seen.push(...ids(page.edges));
        if (!page.pageInfo.hasNextPage) break;
        expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1].cursor);
        after = page.pageInfo.endCursor ?? undefined;
      }
      expect(pages).toEqual([2, 2, 1]);
      expect([...seen].sort()).toEqual([...asked].sort());

      await eventually(async () => {
        const recent = await search('  ', { tags: [tag] }, 10);
        expect(ids(recent.edges)).toEqual([...asked].reverse());
        expect(recent.edges.every((e) => e.node.isSolved)).toBe(true);
      });
      const unsolved = await askQ(`${marker} 还没有人回答`, '无', [tag]);
      await eventually(async () => expect((await search(marker)).estimatedTotalCount).toBe(6));
      expect(ids((await search('', { tags: [tag] })).edges)).not.toContain(unsolved.question.id);
    });

    it('escapes HTML in titles and snippets; <mark> is the only markup', async () => {
      const tag = `t${unique()}`;
      await askQ('<img src=x onerror=alert(1)> 花呗 & 借呗', '<script>alert("借呗")</script> 正文', [tag]);
      await eventually(async () => {
        const edge = (await search('借呗', { tags: [tag] })).edges[0];
        expect(edge.highlightedTitle).toBe('&lt;img src=x onerror=alert(1)&gt; 花呗 &amp; <mark>借呗</mark>');
        expect(edge.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
      });
    });

    it('suggests similar solved threads while asking, never the question itself', async () => {
      const tag = `t${unique()}`;
      const original = await askQ('银行卡绑定失败提示身份信息不一致', '换了新的储蓄卡，一直绑不上', [tag]);
      await t.ok(ACCEPT, { id: await answerQ(original.question.id, '先更新实名信息') }, asker.token);
      await eventually(async () => {
        const found = await similar('储蓄卡绑定失败怎么办', '提示身份信息不一致');
        expect(found.map((s) => s.question.id)).toContain(original.question.id);
      });
      const top = (await similar('银行卡绑定失败提示身份信息不一致', null as unknown as string, 3))[0];
      expect(top.question).toMatchObject({ id: original.question.id, isSolved: true });
      expect(top.score).toBeGreaterThan(0.8);

      const asked = await askQ('储蓄卡绑定失败提示身份信息不一致怎么办', '绑卡一直失败', [tag], helper);
      expect(asked.similarQuestions.map((s) => s.question.id)).toContain(original.question.id);
      expect(asked.similarQuestions.map((s) => s.question.id)).not.toContain(asked.question.id);
      expect(asked.similarQuestions.length).toBeLessThanOrEqual(5);
      // Once indexed, the new question is suggested for others but still not for itself.
      await eventually(async () => {
        const again = await similar('储蓄卡绑定失败提示身份信息不一致怎么办', '绑卡一直失败', 20);
        expect(again.map((s) => s.question.id)).toContain(asked.question.id);
      });
      expect(await similar('请问怎么办呢', '谢谢')).toEqual([]);
    });

    it('drops suggestions scoring below SIMILAR_MIN_SCORE', async () => {
      const marker = `ms${unique()}`;
      const original = await askQ(`${marker} 蚂蚁森林能量被偷了`, '早上起来能量少了', []);
      const strict = await TestApp.start({ RATE_LIMIT: 'off', SIMILAR_MIN_SCORE: '0.9' });
      try {
        const strictSimilar = async (title: string) =>
          (await strict.ok<{ similarQuestions: Similar[] }>(SIMILAR, { title })).similarQuestions;
        await eventually(async () => {
          const exact = await strictSimilar(`${marker} 蚂蚁森林能量被偷了`);
          expect(exact.map((s) => s.question.id)).toEqual([original.question.id]);
        });
        // One word out of several matches: a weak match, kept by default, dropped here.
        const weak = `${marker} 蚂蚁森林 信用卡 年费 账单 分期 提额 逾期`;
        expect((await similar(weak)).map((s) => s.question.id)).toContain(original.question.id);
        const kept = await strictSimilar(weak);
        expect(kept.every((s) => s.score >= 0.9)).toBe(true);
        expect(kept.map((s) => s.question.id)).not.toContain(original.question.id);
      } finally {
        await strict.close();
      }
    });

    it('drops a thread closed as a duplicate from suggestions and search', async () => {
      const marker = `dp${unique()}`;
      const canonical = await askQ(`${marker} 相互宝怎么退出`, '不想参加了', []);
      const duplicate = await askQ(`${marker} 相互宝如何退出`, '怎么取消', [], helper);
      await eventually(async () => {
        expect(ids((await search(marker)).edges).sort()).toEqual(
          [canonical.question.id, duplicate.question.id].sort(),
        );
        expect((await similar(`${marker} 相互宝退出`)).map((s) => s.question.id)).toContain(
          duplicate.question.id,
        );
      });
      const mod = await t.withRole(await t.register('smod'), Role.MODERATOR);
      await t.ok(CLOSE, { q: duplicate.question.id, d: canonical.question.id }, mod.token);
      await eventually(async () => {
        expect(ids((await search(marker)).edges)).toEqual([canonical.question.id]);
        const suggestions = (await similar(`${marker} 相互宝退出`)).map((s) => s.question.id);
        expect(suggestions).toContain(canonical.question.id);
        expect(suggestions).not.toContain(duplicate.question.id);
      });
    });

    it('hydrates hits from MySQL: a row closed or deleted behind the index never shows', async () => {
      const marker = `st${unique()}`;
      const a = await askQ(`${marker} 芝麻信用分下降`, '为什么降了', []);
      const b = await askQ(`${marker} 芝麻信用分怎么提升`, '想提高', []);
      await eventually(async () => expect((await search(marker)).edges).toHaveLength(2));
      // Changes made without an outbox row: the index still holds both documents.
      await t.db.query(`UPDATE questions SET status = 'CLOSED' WHERE id = ?`, [a.question.id]);
      await t.db.query('DELETE FROM questions WHERE id = ?', [b.question.id]);
      expect((await search(marker)).edges).toEqual([]);
      expect(await similar(`${marker} 芝麻信用分`)).toEqual([]);
      // An outbox row for the deleted question makes the relay delete its document.
      await t.db.query(
        `INSERT INTO outbox_events (topic, aggregate_type, aggregate_id, payload) VALUES ('question.deleted', 'question', ?, '{}')`,
        [b.question.id],
      );
      // Checked on the document itself: a's document may legitimately be rewritten as closed too,
      // if the relay re-read it after the direct update above.
      const documentStatus = async (id: string): Promise<number> =>
        (
          await fetch(
            `${process.env.MEILI_URL}/indexes/${process.env.MEILI_INDEX_PREFIX}_questions/documents/${id}`,
            {
              headers: {
                authorization: `Bearer ${process.env.MEILI_MASTER_KEY}`,
                'accept-encoding': 'identity',
              },
            },
          )
        ).status;
      await eventually(async () => expect(await documentStatus(b.question.id)).toBe(404));
      expect((await search(marker)).edges).toEqual([]);
    });

    it('reports search health with the outbox backlog', async () => {
      const res = await fetch(`${t.url}/health/search`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        ok: boolean;
        meilisearch: { reachable: boolean; documents: number };
        outbox: { pending: number; failing: number };
      };
      expect(body.ok).toBe(true);
      expect(body.meilisearch.reachable).toBe(true);
      expect(body.meilisearch.documents).toBeGreaterThan(0);
      expect(body.outbox.pending).toBeGreaterThanOrEqual(0);
      expect(body.outbox.failing).toBe(0);
    });
  });

  describe('failing', () => {
    it('answers a filter-injection attempt with BAD_USER_INPUT', async () => {
      for (const tags of [['a" OR id > 0 OR tags = "b'], ["a' OR 1=1"], ['a\\'], ['x OR y']]) {
        const res = await t.gql(SEARCH, { q: '花呗', f: { tags } });
        expect(codes(res)).toEqual(['BAD_USER_INPUT']);
        expect(res.errors?.[0].extensions?.field).toBe('tags');
      }
      const many = await t.gql(SEARCH, { q: '花呗', f: { tags: ['a', 'b', 'c', 'd', 'e', 'f'] } });
      expect(codes(many)).toEqual(['BAD_USER_INPUT']);
    });

    it('treats search syntax in the query as words, never as a filter', async () => {
      const marker = `qi${unique()}`;
      await askQ(`${marker} 提现到账时间`, '多久到账', []);
      await eventually(async () => expect((await search(marker)).edges).toHaveLength(1));
      const res = await search(`${marker}" OR isSolved = false OR "`);
      expect(res.edges.length).toBeLessThanOrEqual(1);
    });

    it.each([
      ['first: 0', { q: 'x', first: 0 }, 'first'],
      ['first: 51', { q: 'x', first: 51 }, 'first'],
      ['a forged cursor', { q: 'x', after: 'bm9wZTox' }, 'after'],
      ['a 201-character query', { q: '花'.repeat(201) }, 'query'],
      ['a control character', { q: 'a\u0000b' }, 'query'],
    ])('rejects %s with BAD_USER_INPUT', async (_, vars, field) => {
      const res = await t.gql(SEARCH, vars);
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors?.[0].extensions?.field).toBe(field);
    });

    it('rejects bad similarQuestions input with BAD_USER_INPUT', async () => {
      expect(codes(await t.gql(SIMILAR, { title: '花呗', limit: 21 }))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql(SIMILAR, { title: '花呗', limit: 0 }))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql(SIMILAR, { title: '花'.repeat(301) }))).toEqual(['BAD_USER_INPUT']);
    });

    it('does not let anyone but official accounts and moderators mark answers (search sees the change)', async () => {
      const q = await askQ(`of${unique()} 借呗额度被降`, '突然降额', []);
      const a = await answerQ(q.question.id, '按时还款会恢复');
      expect(codes(await t.gql(MARK, { id: a }, helper.token))).toEqual(['FORBIDDEN']);
      await t.ok(MARK, { id: a }, staff.token);
      await eventually(async () => {
        const res = await search('借呗额度', { hasOfficialAnswer: true });
        expect(ids(res.edges)).toContain(q.question.id);
      });
    });
  });
});
