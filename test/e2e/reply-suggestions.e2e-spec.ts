import { Role } from '@app/accounts';
import { eventually } from '../helpers/eventually';
import { ACCEPT, ANSWER, answer, ask } from '../helpers/forum-ops';
import { GqlResponse, TestApp, TestUser, codes } from '../helpers/test-app';

const SUGGEST = `query($id: ID!, $limit: Int) {
  replySuggestions(questionId: $id, limit: $limit) {
    score
    answer { id body isOfficial isAccepted }
    sourceQuestion { id title isSolved }
  }
}`;
const ANSWER_SOURCE = `query($id: ID!) { question(id: $id) { answers { edges { node { id sourceQuestion { id } } } } } }`;

interface Suggestion {
  score: number;
  answer: { id: string; isOfficial: boolean; isAccepted: boolean };
  sourceQuestion: { id: string; isSolved: boolean };
}

describe('reply suggestions for official accounts', () => {
  let t: TestApp;
  let asker: TestUser;
  let helper: TestUser;
  let staff: TestUser;
  let member: TestUser;
  let moderator: TestUser;
  let solvedId: string;
  let officialId: string;
  let acceptedId: string;
  let openId: string;
  let newId: string;

  beforeAll(async () => {
    t = await TestApp.start();
    asker = await t.register('rsasker');
    helper = await t.register('rshelper');
    member = await t.register('rsmember');
    staff = await t.official(await t.register('rsstaff'));
    moderator = await t.withRole(await t.register('rsmod'), Role.MODERATOR);

    // A solved thread with an accepted and an official answer, an open one, and the new question.
    const solved = await ask(t, asker, '蚂蚁森林能量被偷了怎么办', '每天早上能量都被好友偷走', ['蚂蚁森林']);
    solvedId = solved.id;
    acceptedId = await answer(t, helper, solvedId, '在设置里开启能量保护罩。');
    await t.ok(ACCEPT, { id: acceptedId }, asker.token);
    officialId = (
      await t.ok<{ postAnswer: { id: string } }>(
        ANSWER,
        { input: { questionId: solvedId, body: '您好，可以使用能量保护罩道具防止被偷。' } },
        staff.token,
      )
    ).postAnswer.id;
    await answer(t, member, solvedId, '我也不知道。'); // neither official nor accepted: not suggested
    const open = await ask(t, member, '蚂蚁森林能量被偷了能找回吗', '能量被好友偷走了', ['蚂蚁森林']);
    openId = open.id;
    await answer(t, helper, openId, '找不回来的。');
    newId = (await ask(t, asker, '蚂蚁森林的能量老是被偷', '每天早上能量都被偷走怎么办', ['蚂蚁森林'])).id;
  });
  afterAll(() => t.close());

  it('returns official then accepted answers of similar solved threads, never open ones or the question itself', async () => {
    const suggestions = await eventually(async () => {
      const res = await t.ok<{ replySuggestions: Suggestion[] }>(SUGGEST, { id: newId }, staff.token);
      expect(res.replySuggestions.length).toBeGreaterThanOrEqual(2);
      return res.replySuggestions;
    });
    const fromSolved = suggestions.filter((s) => s.sourceQuestion.id === solvedId);
    expect(fromSolved.map((s) => s.answer.id)).toEqual([officialId, acceptedId]);
    expect(fromSolved[0].answer.isOfficial).toBe(true);
    expect(fromSolved[1].answer.isAccepted).toBe(true);
    expect(fromSolved[0].score).toBeGreaterThan(0);
    for (const s of suggestions) {
      expect(s.sourceQuestion.isSolved).toBe(true);
      expect([openId, newId]).not.toContain(s.sourceQuestion.id);
      expect(s.answer.isOfficial || s.answer.isAccepted).toBe(true);
    }
    const one = await t.ok<{ replySuggestions: Suggestion[] }>(
      SUGGEST,
      { id: newId, limit: 1 },
      moderator.token,
    );
    expect(one.replySuggestions).toHaveLength(1);
  });

  it('is refused to members and anonymous users', async () => {
    expect(codes(await t.gql(SUGGEST, { id: newId }, member.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(SUGGEST, { id: newId }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(SUGGEST, { id: '99999999' }, staff.token))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(SUGGEST, { id: newId, limit: 0 }, staff.token))).toEqual(['BAD_USER_INPUT']);
  });

  it('records the source thread of an answer posted from a suggestion', async () => {
    const posted = await t.ok<{ postAnswer: { id: string } }>(
      ANSWER,
      {
        input: { questionId: newId, body: '您好，可以使用能量保护罩。', fromSuggestionQuestionId: solvedId },
      },
      staff.token,
    );
    const thread = await t.ok<{
      question: { answers: { edges: { node: { id: string; sourceQuestion: { id: string } | null } }[] } };
    }>(ANSWER_SOURCE, { id: newId });
    expect(
      thread.question.answers.edges.find((e) => e.node.id === posted.postAnswer.id)?.node.sourceQuestion,
    ).toEqual({
      id: solvedId,
    });
    const [row] = await t.db.query('SELECT source_question_id AS s FROM answers WHERE id = ?', [
      posted.postAnswer.id,
    ]);
    expect(String(row.s)).toBe(solvedId);

    const bad = async (from: string): Promise<GqlResponse> =>
      t.gql(
        ANSWER,
        { input: { questionId: newId, body: '回答', fromSuggestionQuestionId: from } },
        staff.token,
      );
    for (const from of ['99999999', newId, 'abc']) {
      const res = await bad(from);
      expect([codes(res), res.errors?.[0]?.extensions?.field]).toEqual([
        ['BAD_USER_INPUT'],
        'fromSuggestionQuestionId',
      ]);
    }
  });
});
