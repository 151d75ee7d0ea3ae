import { AuthService } from '@app/accounts';
import { ReindexService } from '@app/search';
import { seedThreads, SeedResult } from '../../bench/lib/api/seed-threads';
import { eventually } from '../helpers/eventually';
import { ACCEPT, ANSWER, ASK, VOTE } from '../helpers/forum-ops';
import { TestApp } from '../helpers/test-app';

/**
 * Query plans of the hot paths (issue 13): on a seeded forum (bench:api's bulk seeder, a few thousand
 * threads with answers, votes, tags, notifications and outbox history), every SQL statement the API
 * and its background relays send while serving lists, user pages, tag filters, the thread page,
 * notifications, search (the hits hydrated by id, their cards' authors, tags and answers) and writes
 * is captured from TypeORM and EXPLAINed: none may read a big table in full
 * (type ALL, or a full index scan, over at least MIN_ROWS estimated rows). A failure names the statement:
 * add the index it needs through a migration.
 */
const THREADS = 3000;
// The smallest seeded big table (users) has about 200 rows; lookup tables (tags, categories) fewer.
const MIN_ROWS = 150;

// Words of the seeded titles and bodies (the bench reads the AFQMC corpus; the test needs no file).
const WORDS = [
  '花呗',
  '借呗',
  '还款',
  '额度',
  '逾期',
  '分期',
  '提现',
  '账单',
  '利息',
  '银行卡',
  '余额宝',
  '转账',
];
const corpus = Array.from(
  { length: 500 },
  (_, i) => `${WORDS[i % 12]}${WORDS[(i * 7 + 3) % 12]}怎么${WORDS[(i * 5 + 1) % 12]}第${i}问`,
);

const PAGES = {
  list: `query($filter: QuestionFilter, $after: String) {
    questions(filter: $filter, first: 20, after: $after) {
      edges { node { id title tags answerCount score author { id handle displayName } officialAnswers { id } } }
      pageInfo { endCursor hasNextPage }
    }
  }`,
  profile: `query($h: String!) {
    user(handle: $h) {
      id displayName badges { kind label }
      questions(first: 20) { edges { node { id title tags answerCount officialAnswers { id } } } }
      answers(first: 20) { edges { node { id score isAccepted question { id title } } } }
    }
  }`,
  thread: `query($id: ID!) {
    question(id: $id) {
      id title bodyHtml tags score viewerHasMeToo viewerIsFollowing category { key name }
      author { id handle badges { kind label } } acceptedAnswer { id } duplicateOf { id }
      answers(first: 30) { totalCount edges { node { id bodyHtml isAccepted isOfficial isStale
        author { id handle isOfficial badges { kind label } } endorsedBy { id displayName } } } }
    }
  }`,
  notifications: `query($after: String) {
    notifications(first: 20, after: $after) { unreadCount edges { node { id } } pageInfo { endCursor hasNextPage } }
  }`,
  tags: `query { tags(first: 20) { name count } }`,
  // The web client's search card (bench/lib/api/operations.ts SEARCH).
  search: `query($query: String!, $after: String) {
    searchQuestions(query: $query, first: 10, after: $after) {
      estimatedTotalCount facets { name count } categoryFacets { key name count }
      pageInfo { endCursor hasNextPage }
      edges { cursor highlightedTitle snippet score node { id title status isSolved tags answerCount
        meTooCount score createdAt category { key name } author { id handle displayName } officialAnswers { id } } }
    }
  }`,
};

interface SearchPage {
  searchQuestions: { edges: { node: { id: string } }[]; pageInfo: { endCursor: string | null } };
}

interface Statement {
  sql: string;
  params: unknown[];
}

interface PlanRow {
  table: string | null;
  type: string | null;
  key: string | null;
  rows: string | number | null;
  Extra: string | null;
}

describe('query plans of the hot paths on a seeded forum', () => {
  let t: TestApp;
  let seeded: SeedResult;
  const captured = new Map<string, Statement>();
  // Statements sent while the tags page, then a search, was served (issue 13: no aggregate over
  // question_tags per request; the search path's statements named).
  let recording: string[] | null = null;

  beforeAll(async () => {
    t = await TestApp.start();
    seeded = await seedThreads(t.db, { threads: THREADS, corpus });
    // The seeded rows into this test's Meilisearch, so that searches return hits to hydrate.
    await t.app.get(ReindexService).reindex();
    await t.db.query(
      'ANALYZE TABLE questions, answers, votes, question_tags, notifications, outbox_events, users',
    );
    const logger = t.db.logger;
    const original = logger.logQuery.bind(logger);
    logger.logQuery = (sql: string, params?: unknown[], runner?) => {
      const key = sql.replace(/\s+/g, ' ').trim();
      // The test's own look-ups start with a comment and are left out.
      if (/^(SELECT|UPDATE|DELETE)\b/i.test(key) && !captured.has(key))
        captured.set(key, { sql, params: params ?? [] });
      if (recording && !key.startsWith('/*')) recording.push(key);
      original(sql, params, runner);
    };
  }, 300000);
  afterAll(() => t?.close());

  it('captures the statements of lists, user pages, tags, threads, notifications and writes', async () => {
    const member = await t.register('plans');
    const asker = { id: '1', token: (await t.app.get(AuthService).tokenFor('1')).token };
    const hot = seeded.hotThreadIds[1];
    for (const filter of [{}, { status: 'SOLVED' }, { tag: '花呗' }, { author: seeded.busyHandle }]) {
      const first = await t.ok<{ questions: { pageInfo: { endCursor: string } } }>(PAGES.list, { filter });
      await t.ok(PAGES.list, { filter, after: first.questions.pageInfo.endCursor });
    }
    await t.ok(PAGES.profile, { h: seeded.busyHandle });
    recording = [];
    const tags = await t.ok<{ tags: { name: string; count: number }[] }>(PAGES.tags);
    const tagStatements = recording;
    recording = null;
    // The counts come from the tag rows the writes keep, not from the links counted on each request.
    expect(tagStatements.length).toBeGreaterThan(0);
    expect(tagStatements.filter((s) => /question_tags|\bquestions\b/i.test(s))).toEqual([]);
    const [{ links }] = (await t.db.query(
      `/* query-plans */ SELECT COUNT(*) AS links FROM question_tags qt JOIN questions q ON q.id = qt.question_id
        WHERE qt.tag_id = (SELECT id FROM tags WHERE name = ?) AND q.status <> 'CLOSED' AND q.hidden_at IS NULL`,
      [tags.tags[0].name],
    )) as { links: string }[];
    expect(tags.tags[0].count).toBe(Number(links));
    await t.ok(PAGES.thread, { id: hot }, member.token);
    // Search, signed out and signed in, first and second page: hydration by id, the cards' authors,
    // tags and answers, categories; every statement among the captured ones EXPLAINed below.
    recording = [];
    for (const token of [undefined, member.token]) {
      const first = await t.ok<SearchPage>(PAGES.search, { query: '花呗 还款' }, token);
      expect(first.searchQuestions.edges.length).toBeGreaterThan(0);
      await t.ok(
        PAGES.search,
        { query: '花呗 还款', after: first.searchQuestions.pageInfo.endCursor },
        token,
      );
    }
    const searchStatements = recording;
    recording = null;
    expect(searchStatements.some((s) => /FROM `questions`/i.test(s) && /\bIN\b/i.test(s))).toBe(true);
    await t.ok(PAGES.notifications, {}, asker.token);
    // Writes: the services' statements, then the relays' claims of the outbox rows they leave.
    const asked = await t.ok<{ askQuestion: { question: { id: string } } }>(
      ASK,
      { input: { title: '花呗还款日可以改吗', body: '想把还款日改到月底。', tags: ['花呗'] } },
      asker.token,
    );
    const qid = asked.askQuestion.question.id;
    const posted = await t.ok<{ postAnswer: { id: string } }>(
      ANSWER,
      { input: { questionId: qid, body: '可以在设置里改。' } },
      member.token,
    );
    await t.ok(
      VOTE,
      { input: { targetType: 'ANSWER', targetId: posted.postAnswer.id, value: 'UP' } },
      asker.token,
    );
    await t.ok(ACCEPT, { id: posted.postAnswer.id }, asker.token);
    // Both outbox consumers have read the new events: the search relay marked them processed, the
    // notifications relay moved its cursor past them (their claims are among the captured statements).
    await eventually(async () => {
      const [row] = (await t.db.query(
        `/* query-plans */ SELECT (SELECT COUNT(*) FROM outbox_events WHERE processed_at IS NULL) AS pending,
                (SELECT MAX(id) FROM outbox_events) AS last,
                (SELECT MIN(last_event_id) FROM outbox_cursors) AS consumed`,
      )) as { pending: string; last: string; consumed: string }[];
      if (Number(row.pending) > 0 || Number(row.consumed) < Number(row.last))
        throw new Error(JSON.stringify(row));
    }, 60000);
    const statements = [...captured.keys()];
    expect(statements.some((s) => /FROM `?outbox_events`?/i.test(s) && /processed_at IS NULL/i.test(s))).toBe(
      true,
    );
    expect(statements.some((s) => /notifications/i.test(s))).toBe(true);
    expect(statements.length).toBeGreaterThan(15);
  }, 120000);

  it('EXPLAINs every captured statement: no full scan of a big table', async () => {
    const scans: string[] = [];
    for (const { sql, params } of captured.values()) {
      const plan = (await t.db.query(`EXPLAIN ${sql}`, params)) as PlanRow[];
      for (const row of plan) {
        const rows = Number(row.rows ?? 0);
        if ((row.type === 'ALL' || row.type === 'index') && rows >= MIN_ROWS) {
          scans.push(
            `${row.type} on ${row.table} (~${rows} rows, key ${row.key ?? '-'}, ${row.Extra ?? ''}): ${sql.replace(/\s+/g, ' ').slice(0, 300)}`,
          );
        }
      }
    }
    if (process.env.QUERY_PLANS_DUMP) {
      const lines: string[] = [];
      for (const { sql, params } of captured.values()) {
        const plan = (await t.db.query(`EXPLAIN ${sql}`, params)) as PlanRow[];
        lines.push(sql.replace(/\s+/g, ' ').slice(0, 400));
        for (const r of plan)
          lines.push(`   ${r.table} ${r.type} key=${r.key} rows=${r.rows} ${r.Extra ?? ''}`);
      }
      (await import('node:fs')).writeFileSync(process.env.QUERY_PLANS_DUMP, lines.join('\n'));
    }
    expect(scans).toEqual([]);
  }, 120000);
});
