import { DEMO_PASSWORD, DEMO_THREADS, DEMO_USERS, seedDemo } from '@app/demo';
import { runCli } from '../helpers/cli';
import { TestApp } from '../helpers/test-app';

interface Badge {
  kind: string;
  label: string;
}
interface DemoQuestion {
  id: string;
  title: string;
  status: string;
  isSolved: boolean;
  tags: string[];
  answerCount: number;
  duplicateOf: { id: string; title: string } | null;
  acceptedAnswer: { id: string } | null;
  officialAnswers: {
    id: string;
    author: { handle: string; badges: Badge[] };
    endorsedBy: { handle: string } | null;
  }[];
}

const BY_AUTHOR = `query($author: String!) {
  questions(filter: { author: $author }, first: 50) {
    pageInfo { hasNextPage }
    edges { node {
      id title status isSolved tags answerCount
      duplicateOf { id title }
      acceptedAnswer { id }
      officialAnswers { id author { handle badges { kind label } } endorsedBy { handle } }
    } }
  }
}`;

const SEARCH = `query($q: String!) { searchQuestions(query: $q, first: 20) { edges { node { id title } } } }`;

describe('demo seed', () => {
  let t: TestApp;

  /** Every demo thread, read back through the public `questions` query (other tests' threads excluded). */
  const demoQuestions = async (): Promise<DemoQuestion[]> => {
    const all: DemoQuestion[] = [];
    for (const { handle } of DEMO_USERS) {
      const data = await t.ok<{
        questions: { pageInfo: { hasNextPage: boolean }; edges: { node: DemoQuestion }[] };
      }>(BY_AUTHOR, { author: handle });
      expect(data.questions.pageInfo.hasNextPage).toBe(false);
      all.push(...data.questions.edges.map((e) => e.node));
    }
    return all;
  };

  const counts = async (): Promise<Record<string, number>> => {
    const handles = DEMO_USERS.map((u) => u.handle);
    const [row] = await t.db.query(
      `SELECT
         (SELECT COUNT(*) FROM users WHERE handle IN (?)) AS users,
         (SELECT COUNT(*) FROM questions q JOIN users u ON u.id = q.author_id WHERE u.handle IN (?)) AS questions,
         (SELECT COUNT(*) FROM answers a JOIN users u ON u.id = a.author_id WHERE u.handle IN (?)) AS answers,
         (SELECT COUNT(*) FROM votes v JOIN users u ON u.id = v.user_id WHERE u.handle IN (?)) AS votes,
         (SELECT COUNT(*) FROM outbox_events o JOIN questions q ON q.id = o.aggregate_id
            JOIN users u ON u.id = q.author_id
           WHERE o.aggregate_type = 'question' AND u.handle IN (?)) AS outbox`,
      [handles, handles, handles, handles, handles],
    );
    return Object.fromEntries(Object.entries(row as Record<string, unknown>).map(([k, v]) => [k, Number(v)]));
  };

  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  it('seeds the demo community inside the running API (the --demo path)', async () => {
    const report = await seedDemo(t.app);
    expect(report).toMatchObject({
      usersCreated: DEMO_USERS.length,
      threadsCreated: DEMO_THREADS.length,
      threadsSkipped: 0,
    });
    // How long it took is reported (timing belongs in benchmarks, not in assertions).
    console.log(`demo seed took ${report.elapsedMs} ms`);
  }, 180000);

  it('shows about 40 threads with official answers, accepted answers, a closed duplicate and English threads', async () => {
    const qs = await demoQuestions();
    expect(qs.length).toBe(DEMO_THREADS.length);
    expect(qs.length).toBeGreaterThanOrEqual(38);

    const official = qs.flatMap((q) => q.officialAnswers);
    expect(
      official.filter((a) =>
        a.author.badges.some((b) => b.kind === 'OFFICIAL' && b.label === '支付宝官方客服'),
      ).length,
    ).toBeGreaterThanOrEqual(5);
    // A member's answer endorsed by an official account.
    expect(official.some((a) => a.endorsedBy?.handle === 'alipay_support')).toBe(true);

    expect(qs.filter((q) => q.acceptedAnswer !== null).length).toBeGreaterThanOrEqual(5);
    expect(qs.filter((q) => q.status === 'SOLVED').length).toBeGreaterThan(qs.length / 2);
    expect(qs.some((q) => q.status === 'OPEN')).toBe(true);

    const closed = qs.filter((q) => q.status === 'CLOSED');
    expect(closed).toHaveLength(1);
    const canonical = qs.find((q) => q.id === closed[0].duplicateOf?.id);
    expect(canonical).toMatchObject({ status: 'SOLVED', duplicateOf: null });
    expect(closed[0].duplicateOf?.title).toBe(canonical?.title);

    expect(qs.filter((q) => /^[A-Z][\x20-\x7E—]+$/.test(q.title)).length).toBeGreaterThanOrEqual(3);
    expect(qs.some((q) => q.tags.includes('expat'))).toBe(true);
    expect(qs.some((q) => q.tags.includes('花呗'))).toBe(true);
  });

  it('signs in with the printed demo logins', async () => {
    const login = `mutation($input: LoginInput!) { login(input: $input) { user { role isOfficial badges { kind label } } } }`;
    const as = async (handle: string): Promise<{ role: string; isOfficial: boolean; badges: Badge[] }> =>
      (
        await t.ok<{ login: { user: { role: string; isOfficial: boolean; badges: Badge[] } } }>(login, {
          input: { handle, password: DEMO_PASSWORD },
        })
      ).login.user;
    expect(await as('alipay_support')).toMatchObject({
      isOfficial: true,
      badges: [{ kind: 'OFFICIAL', label: '支付宝官方客服' }],
    });
    expect(await as('mod_lin')).toMatchObject({ role: 'MODERATOR', isOfficial: false });
    expect(await as('xiaowang')).toMatchObject({ role: 'MEMBER', isOfficial: false, badges: [] });
  });

  it('gives the official desk a backlog: categorised open threads, a claim, a hand-off, canned replies', async () => {
    const login = `mutation($input: LoginInput!) { login(input: $input) { token } }`;
    const { token } = (
      await t.ok<{ login: { token: string } }>(login, {
        input: { handle: 'alipay_support', password: DEMO_PASSWORD },
      })
    ).login;
    const desk = await t.ok<{
      officialQueue: {
        totalCount: number;
        edges: {
          node: {
            meTooCount: number;
            claim: { owner: { handle: string } } | null;
            question: { category: { key: string } | null };
          };
        }[];
      };
      cannedReplies: { title: string }[];
      deskTargets: { categoryKey: string; firstResponseMinutes: number }[];
    }>(
      `{ officialQueue(sort: ME_TOO, first: 50) { totalCount edges { node { meTooCount claim { owner { handle } } question { category { key } } } } }
         cannedReplies { title } deskTargets { categoryKey firstResponseMinutes } }`,
      {},
      token,
    );
    const nodes = desk.officialQueue.edges.map((e) => e.node);
    expect(desk.officialQueue.totalCount).toBeGreaterThanOrEqual(4);
    expect(nodes.filter((n) => n.question.category !== null).length).toBeGreaterThanOrEqual(4);
    expect(nodes[0].meTooCount).toBeGreaterThan(0);
    expect(nodes.some((n) => n.claim?.owner.handle === 'security_center')).toBe(true);
    expect(desk.cannedReplies.length).toBeGreaterThanOrEqual(3);
    expect(desk.deskTargets).toContainEqual({ categoryKey: 'account', firstResponseMinutes: 120 });
    const [handoff] = await t.db.query('SELECT COUNT(*) AS n FROM desk_handoffs');
    expect(Number(handoff.n)).toBe(1);
  });

  it('writes outbox rows, so the search relay indexes the demo threads', async () => {
    const c = await counts();
    // At least one row per thread (asked) and per answer (posted).
    expect(c.outbox).toBeGreaterThanOrEqual(c.questions + c.answers);
    const title = DEMO_THREADS.find((th) => th.key === 'huabei-autorepay-failed')?.title as string;
    const deadline = Date.now() + 30000;
    let titles: string[] = [];
    while (Date.now() < deadline) {
      const res = await t.gql<{ searchQuestions: { edges: { node: { title: string } }[] } }>(SEARCH, {
        q: '花呗自动还款失败',
      });
      titles = res.data?.searchQuestions.edges.map((e) => e.node.title) ?? [];
      if (titles.includes(title)) break;
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(titles).toContain(title);
  }, 60000);

  it('files the threads under the account, transaction and security categories, which search counts', async () => {
    const [row] = await t.db.query(
      `SELECT COUNT(*) AS n FROM questions q JOIN users u ON u.id = q.author_id
        WHERE u.handle IN (?) AND q.category_key IS NULL`,
      [DEMO_USERS.map((u) => u.handle)],
    );
    expect(Number(row.n)).toBe(0);
    const FACETS = `query($f: SearchFilter) {
      searchQuestions(query: "", first: 50, filter: $f) { edges { node { category { key } } } categoryFacets { key count } }
    }`;
    type R = {
      searchQuestions: { edges: { node: { category: { key: string } } }[]; categoryFacets: { key: string; count: number }[] };
    };
    const deadline = Date.now() + 30000;
    let facets: { key: string; count: number }[] = [];
    while (Date.now() < deadline) {
      facets = (await t.ok<R>(FACETS, {})).searchQuestions.categoryFacets;
      if (facets.length === 3) break;
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(facets.map((f) => f.key)).toEqual(['account', 'transaction', 'security']);
    for (const f of facets) expect(f.count).toBeGreaterThan(0);
    const security = (await t.ok<R>(FACETS, { f: { category: 'security' } })).searchQuestions;
    expect(security.edges.length).toBe(facets[2].count);
    expect(security.edges.every((e) => e.node.category.key === 'security')).toBe(true);
  }, 60000);

  it('creates nothing on a second run (the CLI) and prints the logins', async () => {
    const before = await counts();
    const run = await runCli(['seed']);
    // stderr is in the compared object so that a failure shows why.
    expect({ code: run.code, stderr: run.stderr }).toMatchObject({ code: 0 });
    expect(run.stdout).toContain('nothing created');
    for (const handle of ['xiaowang', 'alipay_support', 'mod_lin']) expect(run.stdout).toContain(handle);
    expect(run.stdout).toContain(DEMO_PASSWORD);
    expect(await counts()).toEqual(before);
    expect((await demoQuestions()).length).toBe(DEMO_THREADS.length);
  }, 120000);

  it('refuses to run in production', async () => {
    const run = await runCli(['seed'], {
      NODE_ENV: 'production',
      JWT_SECRET: 'production-test-secret-0123456789abcdef',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('NODE_ENV=production');
  }, 120000);
});
