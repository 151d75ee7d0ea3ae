import { Role } from '@app/accounts';
import { Clock } from '@app/core';
import { eventually } from '../helpers/eventually';
import { ACCEPT, answer, ask } from '../helpers/forum-ops';
import { TestApp, TestUser, codes } from '../helpers/test-app';

const SIMILAR = `query($title: String!, $draftId: String) { similarQuestions(title: $title, draftId: $draftId) { question { id } } }`;
const CLICK = `mutation($d: String!, $q: ID!) { recordSuggestionClick(draftId: $d, questionId: $q) }`;
const ASK = `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }`;
const STATS = `query($from: DateTime!, $to: DateTime!) {
  deflectionStats(from: $from, to: $to) {
    abandonAfterMinutes
    days { day draftsShown draftsClicked deflected postedAnyway }
    totals { draftsShown draftsClicked deflected postedAnyway }
  }
}`;
const DRAFT_TITLE = '余额宝的钱转不出来怎么办';
const MIN = 60000;

interface Stats {
  deflectionStats: {
    abandonAfterMinutes: number;
    days: {
      day: string;
      draftsShown: number;
      draftsClicked: number;
      deflected: number;
      postedAnyway: number;
    }[];
    totals: { draftsShown: number; draftsClicked: number; deflected: number; postedAnyway: number };
  };
}

describe('deflection, measured', () => {
  let t: TestApp;
  let drafter: TestUser;
  let moderator: TestUser;
  let solvedId: string;

  beforeAll(async () => {
    t = await TestApp.start();
    drafter = await t.register('dfl');
    moderator = await t.withRole(await t.register('dflmod'), Role.MODERATOR);
    const asker = await t.register('dflasker');
    const q = await ask(t, asker, '余额宝转不出来怎么办', '点了转出一直失败');
    await t.ok(
      ACCEPT,
      { id: await answer(t, await t.register('dflh'), q.id, '换一张银行卡试试。') },
      asker.token,
    );
    solvedId = q.id;
    await eventually(async () => {
      const res = await t.ok<{ similarQuestions: unknown[] }>(SIMILAR, { title: DRAFT_TITLE });
      expect(res.similarQuestions.length).toBeGreaterThan(0);
    });
  });
  afterAll(() => t.close());

  const show = (draftId: string, token?: string) => t.ok(SIMILAR, { title: DRAFT_TITLE, draftId }, token);
  const click = (draftId: string, token?: string) => t.ok(CLICK, { d: draftId, q: solvedId }, token);
  const post = (draftId: string) =>
    t.ok(ASK, { input: { title: `我的问题 ${draftId}`, body: '还是想问一下', draftId } }, drafter.token);
  const stats = async (): Promise<Stats['deflectionStats']> => {
    const now = Date.now();
    const range = {
      from: new Date(now - 2 * 86400000).toISOString(),
      to: new Date(now + 2 * 86400000).toISOString(),
    };
    return (await t.ok<Stats>(STATS, range, moderator.token)).deflectionStats;
  };

  it('counts shown, clicked, deflected and posted-anyway drafts from a scripted sequence', async () => {
    await show('draft-deflected-1', drafter.token); // shown twice, clicked, then left
    await show('draft-deflected-1', drafter.token);
    await click('draft-deflected-1', drafter.token);
    await show('draft-anon-click-2'); // signed out: shown, clicked, left
    await click('draft-anon-click-2');
    await show('draft-clicked-posted-3', drafter.token); // clicked and still posted
    await click('draft-clicked-posted-3', drafter.token);
    await post('draft-clicked-posted-3');
    await show('draft-posted-4', drafter.token); // posted without clicking
    await post('draft-posted-4');
    await show('draft-ignored-5', drafter.token); // shown, nothing else yet
    await post('draft-never-shown-6'); // no suggestions shown: not a shown draft

    // Within 30 minutes of their last event, clicked drafts are still in progress, not deflected.
    const early = await stats();
    expect(early.abandonAfterMinutes).toBe(30);
    expect(early.totals).toEqual({ draftsShown: 5, draftsClicked: 3, deflected: 0, postedAnyway: 2 });

    const clock = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(Date.now() + 31 * MIN));
    try {
      const later = await stats();
      expect(later.totals).toEqual({ draftsShown: 5, draftsClicked: 3, deflected: 2, postedAnyway: 2 });
      const summed = later.days.reduce((n, d) => n + d.draftsShown, 0);
      expect(summed).toBe(5);
      expect(later.days[0].day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    } finally {
      clock.mockRestore();
    }

    const [row] = await t.db.query(`SELECT * FROM suggestion_drafts WHERE draft_id = 'draft-deflected-1'`);
    expect(row).toMatchObject({
      user_id: drafter.id,
      shown_count: 2,
      clicked_question_id: solvedId,
      posted_question_id: null,
    });
    expect(String(row.shown_question_ids).split(',')).toContain(solvedId);
    // Only ids, counts and times: no draft text is kept.
    expect(Object.keys(row).sort()).toEqual([
      'clicked_at',
      'clicked_question_id',
      'draft_id',
      'first_shown_at',
      'last_event_at',
      'posted_at',
      'posted_question_id',
      'shown_count',
      'shown_question_ids',
      'user_id',
    ]);
    const [anon] = await t.db.query(
      `SELECT user_id FROM suggestion_drafts WHERE draft_id = 'draft-anon-click-2'`,
    );
    expect(anon.user_id).toBeNull();
  });

  it("ignores another user's events on a draft", async () => {
    const other = await t.register('dflother');
    await show('draft-owned-7', drafter.token);
    await click('draft-owned-7', other.token);
    const [row] = await t.db.query(
      `SELECT clicked_at FROM suggestion_drafts WHERE draft_id = 'draft-owned-7'`,
    );
    expect(row.clicked_at).toBeNull();
  });

  it('never fails the asker when recording fails', async () => {
    await t.db.query('RENAME TABLE suggestion_drafts TO suggestion_drafts_away');
    try {
      await post('draft-while-broken-8');
      expect(
        await t.ok<{ similarQuestions: unknown[] }>(SIMILAR, {
          title: DRAFT_TITLE,
          draftId: 'draft-broken-9',
        }),
      ).toBeTruthy();
      expect(await t.ok(CLICK, { d: 'draft-broken-9', q: solvedId })).toEqual({
        recordSuggestionClick: true,
      });
    } finally {
      await t.db.query('RENAME TABLE suggestion_drafts_away TO suggestion_drafts');
    }
  });

  const draftRows = async (prefix: string): Promise<number> => {
    const [row] = await t.db.query('SELECT COUNT(*) AS n FROM suggestion_drafts WHERE draft_id LIKE ?', [
      `${prefix}%`,
    ]);
    return Number(row.n);
  };

  it('records at most one draft per request, however many aliases ask', async () => {
    const fields = Array.from(
      { length: 15 },
      (_, i) =>
        `s${i}: similarQuestions(title: "${DRAFT_TITLE}", draftId: "draft-alias-${i}-abc") { question { id } }`,
    );
    const res = await t.gql(`{ ${fields.join('\n')} }`);
    expect(res.errors).toBeUndefined();
    expect((res.data as Record<string, unknown[]>).s14.length).toBeGreaterThan(0);
    expect(await draftRows('draft-alias-')).toBe(1);
  });

  it('limits deflection records per address when signed out, per account when signed in', async () => {
    const limited = await TestApp.start({
      RATE_LIMIT: 'on',
      RATE_LIMITS: JSON.stringify({ draft: { member: [[2, 3600]] } }),
    });
    try {
      const showOn = (draftId: string, token?: string) =>
        limited.ok(SIMILAR, { title: DRAFT_TITLE, draftId }, token);
      for (let i = 0; i < 4; i++) await showOn(`draft-anon-limit-${i}`);
      // The searches all answered; only two were recorded.
      expect(await draftRows('draft-anon-limit-')).toBe(2);
      const member = await t.register('dfllim');
      for (let i = 0; i < 3; i++) await showOn(`draft-member-limit-${i}`, member.token);
      expect(await draftRows('draft-member-limit-')).toBe(2);
    } finally {
      await limited.close();
    }
  });

  it('validates draft ids and keeps the numbers to moderators', async () => {
    for (const bad of ['short', 'has spaces in it', 'x'.repeat(65), '草稿草稿草稿草稿']) {
      const res = await t.gql(SIMILAR, { title: DRAFT_TITLE, draftId: bad });
      expect([codes(res), res.errors?.[0]?.extensions?.field]).toEqual([['BAD_USER_INPUT'], 'draftId']);
    }
    expect(codes(await t.gql(CLICK, { d: 'no', q: solvedId }))).toEqual(['BAD_USER_INPUT']);
    const range = { from: new Date(Date.now() - 86400000).toISOString(), to: new Date().toISOString() };
    expect(codes(await t.gql(STATS, range, drafter.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(STATS, range))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(STATS, { from: range.to, to: range.from }, moderator.token))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});
