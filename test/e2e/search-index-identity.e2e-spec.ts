import { cloneBaseDatabase, isolateTestFile } from '../helpers/isolated-database';
import { eventually } from '../helpers/eventually';
import { runCli } from '../helpers/cli';
import { ASK } from '../helpers/forum-ops';
import { OutboxRelay } from '@app/search';
import { GqlResponse, TestApp, codes } from '../helpers/test-app';

// One Meilisearch and one index prefix, several databases: the index must always answer for the
// database the API serves (libs/search/src/identity).

const SEARCH = `query($q: String!) { searchQuestions(query: $q, first: 10) { edges { node { id title } } } }`;
const SIMILAR = `query($t: String!) { similarQuestions(title: $t) { question { id title } } }`;

interface Titles {
  searchQuestions: { edges: { node: { id: string; title: string } }[] };
}

const titlesOf = (res: GqlResponse<Titles>): string[] =>
  (res.data?.searchQuestions.edges ?? []).map((e) => e.node.title);

async function askAll(t: TestApp, titles: string[]): Promise<string[]> {
  const user = await t.register('ident');
  const ids: string[] = [];
  for (const title of titles) {
    const data = await t.ok<{ askQuestion: { question: { id: string } } }>(
      ASK,
      { input: { title, body: `${title}。具体情况如上，求解决办法。`, tags: ['测试'] } },
      user.token,
    );
    ids.push(data.askQuestion.question.id);
  }
  return ids;
}

async function indexed(t: TestApp): Promise<void> {
  await eventually(async () => {
    const [row] = (await t.db.query(
      'SELECT COUNT(*) AS n FROM outbox_events WHERE processed_at IS NULL',
    )) as {
      n: string;
    }[];
    expect(Number(row.n)).toBe(0);
  }, 30000);
}

const A_TITLES = ['鲸鱼卡绑定一直失败怎么办', '鲸鱼卡的年费怎么退'];
const B_TITLES = ['海豚码付款时提示超时', '海豚码被别人冒用了'];

describe('search index identity: one Meilisearch, several databases', () => {
  let databaseA: string;
  let databaseB: string;
  const production = {
    NODE_ENV: 'production',
    JWT_SECRET: 'production-test-secret-0123456789abcdef',
    SEARCH_RELAY: 'inline',
  };

  beforeAll(async () => {
    await isolateTestFile();
    databaseA = process.env.DATABASE_URL as string;
    databaseB = await cloneBaseDatabase('b');

    // Database B's threads, as a restored backup would have them: rows whose outbox rows were
    // processed long ago (into some other index), so the relay has nothing left to send.
    const prep = await TestApp.start({
      DATABASE_URL: databaseB,
      MEILI_INDEX_PREFIX: `${process.env.MEILI_INDEX_PREFIX}_prep`,
    });
    await askAll(prep, B_TITLES);
    await indexed(prep);
    await prep.close();
  });

  it('A, then B, then A again: always searches the database it serves (development rebuilds)', async () => {
    const a = await TestApp.start({ DATABASE_URL: databaseA });
    try {
      await askAll(a, A_TITLES);
      await indexed(a);
      await eventually(async () =>
        expect(titlesOf(await a.gql<Titles>(SEARCH, { q: '鲸鱼卡' })).sort()).toEqual([...A_TITLES].sort()),
      );
    } finally {
      await a.close();
    }

    // B shares the ids 1 and 2 with A: served from A's documents, 鲸鱼卡 would show B's threads.
    const b = await TestApp.start({ DATABASE_URL: databaseB });
    try {
      expect(titlesOf(await b.gql<Titles>(SEARCH, { q: '鲸鱼卡' }))).toEqual([]);
      expect(titlesOf(await b.gql<Titles>(SEARCH, { q: '海豚码' })).sort()).toEqual([...B_TITLES].sort());
      const similar = await b.ok<{ similarQuestions: { question: { title: string } }[] }>(SIMILAR, {
        t: '海豚码付款超时了',
      });
      expect(similar.similarQuestions.map((s) => s.question.title)).toContain('海豚码付款时提示超时');
      const ready = (await (await fetch(`${b.url}/health/ready`)).json()) as {
        details: Record<string, Record<string, unknown>>;
      };
      expect(ready.details.searchIndexIdentity).toMatchObject({
        status: 'up',
        state: 'match',
        degraded: false,
      });
    } finally {
      await b.close();
    }

    const again = await TestApp.start({ DATABASE_URL: databaseA });
    try {
      expect(titlesOf(await again.gql<Titles>(SEARCH, { q: '海豚码' }))).toEqual([]);
      expect(titlesOf(await again.gql<Titles>(SEARCH, { q: '鲸鱼卡' })).sort()).toEqual([...A_TITLES].sort());
    } finally {
      await again.close();
    }
  });

  it('production against a foreign index: refuses search with the reason, keeps writing, serves after reindex', async () => {
    // The index now mirrors A (previous test); this production server uses B.
    const p = await TestApp.start({ ...production, DATABASE_URL: databaseB });
    try {
      const search = await p.gql(SEARCH, { q: '海豚码' });
      expect(codes(search)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(search.errors?.[0].message).toMatch(/built from another database/);
      expect(search.errors?.[0].extensions?.reason).toBe('SEARCH_INDEX_FOREIGN');
      expect(codes(await p.gql(SIMILAR, { t: '海豚码付款超时了' }))).toEqual(['SERVICE_UNAVAILABLE']);

      const readyRes = await fetch(`${p.url}/health/ready`);
      const ready = (await readyRes.json()) as {
        status: string;
        degraded: string[];
        details: Record<string, Record<string, unknown>>;
      };
      expect(readyRes.status).toBe(200);
      expect(ready.status).toBe('degraded');
      expect(ready.degraded).toContain('searchIndexIdentity');
      expect(ready.details.searchIndexIdentity).toMatchObject({
        status: 'down',
        state: 'foreign',
        degraded: true,
        searchServed: false,
        fix: 'npm run cli -- reindex',
      });
      expect(String(ready.details.searchIndexIdentity.reason)).toMatch(
        /was built from database \w+ \(instance \w{8}, schema \w+\), but this server uses database \w+/,
      );
      const metrics = await (await fetch(`${p.url}/metrics`)).text();
      expect(metrics).toMatch(/^search_index_identity_mismatch 1$/m);

      // Writes still work; their outbox rows wait (never written into A's index).
      const [asked] = await askAll(p, ['海豚码能不能改绑到新手机']);
      const [pending] = (await p.db.query(
        `SELECT COUNT(*) AS n FROM outbox_events WHERE aggregate_id = ? AND processed_at IS NULL`,
        [asked],
      )) as { n: string }[];
      expect(Number(pending.n)).toBeGreaterThan(0);

      const reindex = await runCli(['reindex'], { DATABASE_URL: databaseB });
      expect(reindex.code).toBe(0);
      await eventually(async () => {
        const res = await p.gql<Titles>(SEARCH, { q: '海豚码' });
        expect(res.errors).toBeUndefined();
        expect(titlesOf(res).sort()).toEqual([...B_TITLES, '海豚码能不能改绑到新手机'].sort());
      }, 30000);
      expect(await (await fetch(`${p.url}/metrics`)).text()).toMatch(/^search_index_identity_mismatch 0$/m);
    } finally {
      await p.close();
    }
  });

  it('drops a hit whose row no longer matches its indexed document, and queues it for re-indexing', async () => {
    const t = await TestApp.start({ DATABASE_URL: databaseA, SEARCH_RELAY: 'off' });
    try {
      // A row changed behind the index's back (a restored row, a lost event): same id, other thread.
      const [{ id }] = (await t.db.query('SELECT id FROM questions WHERE title = ?', [
        '鲸鱼卡的年费怎么退',
      ])) as {
        id: string;
      }[];
      await t.db.query('UPDATE questions SET title = ?, body = ? WHERE id = ?', [
        '独角兽贴纸在哪里领取',
        '独角兽贴纸。',
        id,
      ]);
      expect(titlesOf(await t.gql<Titles>(SEARCH, { q: '年费' }))).toEqual([]);
      const similar = await t.ok<{ similarQuestions: { question: { id: string } }[] }>(SIMILAR, {
        t: '鲸鱼卡的年费怎么退',
      });
      expect(similar.similarQuestions.map((s) => s.question.id)).not.toContain(String(id));
      expect(similar.similarQuestions.length).toBeGreaterThan(0); // the other 鲸鱼卡 thread still comes

      const queued = (await t.db.query(
        `SELECT topic FROM outbox_events WHERE aggregate_id = ? AND processed_at IS NULL`,
        [id],
      )) as { topic: string }[];
      expect(queued.map((r) => r.topic)).toEqual(['search.stale_document']); // once, however many searches

      await t.app.get(OutboxRelay).runOnce();
      expect(titlesOf(await t.gql<Titles>(SEARCH, { q: '独角兽贴纸' }))).toEqual(['独角兽贴纸在哪里领取']);
      expect(titlesOf(await t.gql<Titles>(SEARCH, { q: '年费' }))).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
