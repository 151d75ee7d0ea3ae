import { randomUUID } from 'node:crypto';
import { ACCEPT, ANSWER, ASK, MARK, UNACCEPT, UNMARK, VOTE, answer, ask } from '../helpers/forum-ops';
import { GqlResponse, TestApp, TestUser } from '../helpers/test-app';

// Issue 18: many members writing at once — asks sharing a popular tag, asks racing on the same new
// tag, answers, votes, accepts, me-too and edits on one hot thread — must all succeed, and every
// stored counter must equal a recount of the rows afterwards. Real MariaDB, real HTTP.

const EDIT_QUESTION = `mutation($input: EditQuestionInput!) { editQuestion(input: $input) { id tags } }`;
const EDIT_ANSWER = `mutation($input: EditAnswerInput!) { editAnswer(input: $input) { id } }`;
const ME_TOO = `mutation($id: ID!) { meToo(questionId: $id) { id } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawMeToo(questionId: $id) { id } }`;
const TAGS = `query { tags(first: 200) { name count } }`;
const HOT_THREAD = `query($id: ID!) {
  question(id: $id) { answerCount score meTooCount status tags acceptedAnswer { id } }
}`;

const MEMBERS = 16;
const ROUNDS = 10;
const POPULAR = '花呗';
const SECOND = '还款';
const VOTE_VALUES = { UP: 1, DOWN: -1, NONE: 0 } as const;
type VoteName = keyof typeof VOTE_VALUES;

interface Failure {
  who: string;
  op: string;
  errors: unknown;
}

describe('concurrent writes (issue 18)', () => {
  let t: TestApp;
  let asker: TestUser;
  let staff: TestUser;
  let members: TestUser[];
  let hotId: string;
  let seededAnswers: string[];
  const suffix = Math.random().toString(36).slice(2, 7);

  // What the clients did, tracked client-side (each writer's own writes are sequential).
  const failures: Failure[] = [];
  const tagsOf = new Map<string, string[]>(); // question id -> its tags after the last write
  const askedBy = new Map<string, number>(); // user id -> questions asked
  const votes = new Map<string, number>(); // `${user}:${type}:${target}` -> value
  const meToo = new Set<string>(); // members whose me-too on the hot thread stands
  let hotAnswersPosted = 0;
  let officialPosted = 0;
  const markedOfficial = new Set<string>();
  let accepted: string | null = null;

  async function call<T>(who: TestUser, op: string, query: string, variables: object): Promise<T | null> {
    const res: GqlResponse<T> = await t.gql<T>(query, variables as Record<string, unknown>, who.token);
    if (res.errors?.length || !res.data) {
      failures.push({ who: who.handle, op, errors: res.errors ?? res.status });
      return null;
    }
    return res.data;
  }

  /**
   * One ask; with `retrying`, the client sends it twice at once under one idempotency key (a retry
   * while the first request is still in flight), which must create one question.
   */
  async function askAs(who: TestUser, op: string, tags: string[], retrying = false): Promise<string | null> {
    type Asked = { askQuestion: { question: { id: string; tags: string[] } } };
    const input = {
      title: `${op}：花呗还款失败怎么办 ${who.handle}`,
      body: '扣款失败，提示余额不足但余额是够的。',
      tags,
      idempotencyKey: retrying ? randomUUID() : undefined,
    };
    const sent = await Promise.all(
      Array.from({ length: retrying ? 2 : 1 }, () => call<Asked>(who, op, ASK, { input })),
    );
    const data = sent[0];
    if (!data || sent.some((d) => !d)) return null;
    const q = data.askQuestion.question;
    if (sent.some((d) => d?.askQuestion.question.id !== q.id)) {
      failures.push({ who: who.handle, op, errors: `one key, several questions: ${JSON.stringify(sent)}` });
    }
    tagsOf.set(q.id, q.tags);
    askedBy.set(who.id, (askedBy.get(who.id) ?? 0) + 1);
    return q.id;
  }

  async function voteAs(who: TestUser, targetType: string, targetId: string, value: VoteName): Promise<void> {
    const data = await call(who, `vote ${targetType}`, VOTE, { input: { targetType, targetId, value } });
    if (data) votes.set(`${who.id}:${targetType}:${targetId}`, VOTE_VALUES[value]);
  }

  /** One member: a burst ask on a brand new tag together with every other member, then a mix. */
  async function memberWriter(who: TestUser, i: number): Promise<void> {
    const ownQuestions: string[] = [];
    const ownAnswers: string[] = [];
    const id = await askAs(who, 'burst', [POPULAR, `新${suffix}`]);
    if (id) ownQuestions.push(id);
    for (let r = 1; r <= ROUNDS; r++) {
      switch ((i + r) % 7) {
        case 0: {
          // The two shared tags in opposite orders on alternate writers.
          const q = await askAs(
            who,
            'ask shared',
            i % 2 ? [POPULAR, SECOND] : [SECOND, POPULAR],
            r % 2 === 0,
          );
          if (q) ownQuestions.push(q);
          break;
        }
        case 1: {
          // A new tag per round, raced by the writers on this step of the round.
          const q = await askAs(who, 'ask new tag', [`r${r}${suffix}`, POPULAR]);
          if (q) ownQuestions.push(q);
          break;
        }
        case 2: {
          // Every other round a client sends its answer twice at once under one idempotency key.
          const input = {
            questionId: hotId,
            body: `第${r}轮：我也是这样解决的，重新绑卡就好了。`,
            idempotencyKey: r % 2 ? randomUUID() : undefined,
          };
          const sent = await Promise.all(
            Array.from({ length: input.idempotencyKey ? 2 : 1 }, () =>
              call<{ postAnswer: { id: string } }>(who, 'answer', ANSWER, { input }),
            ),
          );
          const data = sent[0];
          if (data && sent.every((d) => d?.postAnswer.id === data.postAnswer.id)) {
            hotAnswersPosted += 1;
            ownAnswers.push(data.postAnswer.id);
          } else if (sent.every((d) => d)) {
            failures.push({
              who: who.handle,
              op: 'answer',
              errors: `one key, several answers: ${JSON.stringify(sent)}`,
            });
          }
          break;
        }
        case 3:
          await voteAs(who, 'QUESTION', hotId, (['UP', 'DOWN', 'NONE', 'UP'] as const)[r % 4]);
          break;
        case 4:
          await voteAs(who, 'ANSWER', seededAnswers[(i + r) % seededAnswers.length], i % 3 ? 'UP' : 'DOWN');
          break;
        case 5:
          if (meToo.has(who.id)) {
            if (await call(who, 'withdraw me-too', WITHDRAW, { id: hotId })) meToo.delete(who.id);
          } else if (await call(who, 'me-too', ME_TOO, { id: hotId })) {
            meToo.add(who.id);
          }
          break;
        default: {
          const mine = ownQuestions[r % Math.max(1, ownQuestions.length)];
          if (mine) {
            const tags = r % 2 ? [POPULAR] : [SECOND, `r${r}${suffix}`, POPULAR];
            const data = await call<{ editQuestion: { id: string; tags: string[] } }>(
              who,
              'edit question',
              EDIT_QUESTION,
              { input: { id: mine, body: `补充（第${r}轮）：换了一张卡还是不行。`, tags } },
            );
            if (data) tagsOf.set(mine, data.editQuestion.tags);
          }
          const answerId = ownAnswers[ownAnswers.length - 1];
          if (answerId) {
            await call(who, 'edit answer', EDIT_ANSWER, {
              input: { id: answerId, body: `更新（第${r}轮）：客服说要等24小时。` },
            });
          }
        }
      }
    }
  }

  /** The hot thread's asker: accepts, changes its mind, edits the thread and its tags. */
  async function askerWriter(): Promise<void> {
    for (let r = 0; r < ROUNDS; r++) {
      if (r % 4 === 3) {
        if (await call(asker, 'unaccept', UNACCEPT, { id: hotId })) accepted = null;
      } else {
        const target = seededAnswers[r % seededAnswers.length];
        if (await call(asker, 'accept', ACCEPT, { id: target })) accepted = target;
      }
      const tags = r % 2 ? [POPULAR] : [POPULAR, SECOND];
      const data = await call<{ editQuestion: { tags: string[] } }>(asker, 'edit hot thread', EDIT_QUESTION, {
        input: { id: hotId, body: `更新${r}：还是扣款失败。`, tags },
      });
      if (data) tagsOf.set(hotId, data.editQuestion.tags);
    }
  }

  /** An official account: answers the hot thread and endorses / withdraws seeded answers. */
  async function staffWriter(): Promise<void> {
    for (let r = 0; r < ROUNDS; r++) {
      if (r % 3 === 0) {
        const data = await call(staff, 'official answer', ANSWER, {
          input: { questionId: hotId, body: `官方回复${r}：请在设置中重新签约花呗自动还款。` },
        });
        if (data) officialPosted += 1;
      }
      const target = seededAnswers[r % seededAnswers.length];
      if (markedOfficial.has(target)) {
        if (await call(staff, 'unmark official', UNMARK, { id: target })) markedOfficial.delete(target);
      } else if (await call(staff, 'mark official', MARK, { id: target })) {
        markedOfficial.add(target);
      }
    }
  }

  beforeAll(async () => {
    t = await TestApp.start();
    asker = await t.register('cwasker');
    staff = await t.official(await t.register('cwstaff'));
    const helpers = [await t.register('cwhelp'), await t.register('cwhelp')];
    members = [];
    for (let i = 0; i < MEMBERS; i++) members.push(await t.register('cw'));
    const hot = await ask(t, asker, '花呗自动还款失败怎么办？', '绑定的银行卡扣款失败。', [POPULAR]);
    hotId = hot.id;
    tagsOf.set(hotId, hot.tags);
    askedBy.set(asker.id, 1);
    seededAnswers = [];
    for (let k = 0; k < 4; k++)
      seededAnswers.push(await answer(t, helpers[k % 2], hotId, `方法${k}：重新绑卡。`));

    await Promise.all([askerWriter(), staffWriter(), ...members.map((m, i) => memberWriter(m, i))]);
  }, 300_000);
  afterAll(() => t.close());

  it('answers every write of 18 concurrent writers without an error', () => {
    expect(failures).toEqual([]);
  });

  it('creates exactly the questions that were asked, each with the tags its last write gave it', async () => {
    const ids = [...tagsOf.keys()];
    const rows: { question_id: string; name: string }[] = await t.db.query(
      `SELECT qt.question_id, t.name FROM question_tags qt JOIN tags t ON t.id = qt.tag_id
        WHERE qt.question_id IN (?) ORDER BY qt.question_id, qt.position`,
      [ids],
    );
    const stored = new Map<string, string[]>();
    for (const r of rows)
      stored.set(String(r.question_id), [...(stored.get(String(r.question_id)) ?? []), r.name]);
    for (const [id, tags] of tagsOf) expect({ id, tags: stored.get(id) ?? [] }).toEqual({ id, tags });

    for (const who of [asker, ...members]) {
      const [row] = await t.db.query('SELECT COUNT(*) AS n FROM questions WHERE author_id = ?', [who.id]);
      expect({ who: who.handle, n: Number(row.n) }).toEqual({ who: who.handle, n: askedBy.get(who.id) ?? 0 });
    }
  });

  it('counts tags as the clients tagged them', async () => {
    const expected = new Map<string, number>();
    for (const tags of tagsOf.values())
      for (const tag of tags) expected.set(tag, (expected.get(tag) ?? 0) + 1);
    const data = await t.ok<{ tags: { name: string; count: number }[] }>(TAGS);
    const served = new Map(data.tags.map((x) => [x.name, x.count]));
    for (const [tag, count] of expected) expect({ tag, count: served.get(tag) }).toEqual({ tag, count });
    expect(expected.get(POPULAR)).toBeGreaterThan(MEMBERS);
    expect(expected.get(`新${suffix}`)).toBeGreaterThan(0);
  });

  it('keeps the hot thread counters equal to what the clients did', async () => {
    const data = await t.ok<{
      question: { answerCount: number; score: number; meTooCount: number; status: string; tags: string[] };
    }>(HOT_THREAD, { id: hotId });
    const scoreOf = (type: string, id: string): number =>
      [...votes.entries()].filter(([k]) => k.endsWith(`:${type}:${id}`)).reduce((sum, [, v]) => sum + v, 0);
    expect(data.question).toMatchObject({
      answerCount: seededAnswers.length + hotAnswersPosted + officialPosted,
      score: scoreOf('QUESTION', hotId),
      meTooCount: meToo.size,
      status: accepted || officialPosted > 0 || markedOfficial.size > 0 ? 'SOLVED' : 'OPEN',
      tags: tagsOf.get(hotId),
    });
    const [q] = await t.db.query(
      'SELECT accepted_answer_id, official_answer_count FROM questions WHERE id = ?',
      [hotId],
    );
    expect(q.accepted_answer_id === null ? null : String(q.accepted_answer_id)).toBe(accepted);
    expect(Number(q.official_answer_count)).toBe(officialPosted + markedOfficial.size);
    for (const id of seededAnswers) {
      const [a] = await t.db.query('SELECT score, is_official FROM answers WHERE id = ?', [id]);
      expect({ id, score: Number(a.score), official: Boolean(a.is_official) }).toEqual({
        id,
        score: scoreOf('ANSWER', id),
        official: markedOfficial.has(id),
      });
    }
  });

  it('leaves every stored counter equal to a recount of the rows', async () => {
    const questions: Record<string, string | number | null>[] = await t.db.query(
      `SELECT q.id, q.answer_count, q.official_answer_count, q.score, q.me_too_count, q.status,
              q.accepted_answer_id,
              (SELECT COUNT(*) FROM answers a WHERE a.question_id = q.id) AS answers,
              (SELECT COUNT(*) FROM answers a WHERE a.question_id = q.id AND a.is_official) AS officials,
              (SELECT COALESCE(SUM(v.value), 0) FROM votes v
                WHERE v.target_type = 'QUESTION' AND v.target_id = q.id) AS vote_sum,
              (SELECT COUNT(*) FROM me_toos m WHERE m.question_id = q.id) AS me_toos,
              (SELECT a.question_id FROM answers a WHERE a.id = q.accepted_answer_id) AS accepted_on
         FROM questions q`,
    );
    expect(questions.length).toBeGreaterThan(MEMBERS * 2);
    for (const q of questions) {
      const solved = q.accepted_answer_id !== null || Number(q.officials) > 0;
      expect({
        id: q.id,
        answers: Number(q.answer_count),
        officials: Number(q.official_answer_count),
        score: Number(q.score),
        meToo: Number(q.me_too_count),
        status: q.status,
        acceptedOn: q.accepted_on === null ? null : String(q.accepted_on),
      }).toEqual({
        id: q.id,
        answers: Number(q.answers),
        officials: Number(q.officials),
        score: Number(q.vote_sum),
        meToo: Number(q.me_toos),
        status: solved ? 'SOLVED' : 'OPEN',
        acceptedOn: q.accepted_answer_id === null ? null : String(q.id),
      });
    }
    const answers: Record<string, string | number>[] = await t.db.query(
      `SELECT a.id, a.score, (SELECT COALESCE(SUM(v.value), 0) FROM votes v
                               WHERE v.target_type = 'ANSWER' AND v.target_id = a.id) AS vote_sum
         FROM answers a`,
    );
    for (const a of answers) {
      expect({ id: a.id, score: Number(a.score) }).toEqual({ id: a.id, score: Number(a.vote_sum) });
    }
  });
});
