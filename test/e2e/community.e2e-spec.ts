import { Clock } from '@app/core';
import { CLOSE, MARK, THREAD, answer, ask } from '../helpers/forum-ops';
import { TestApp, TestUser, codes } from '../helpers/test-app';

const ME_TOO = `mutation($id: ID!) { meToo(questionId: $id) { id meTooCount viewerHasMeToo viewerIsFollowing } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawMeToo(questionId: $id) { id meTooCount viewerHasMeToo } }`;
const FOLLOW = `mutation($id: ID!) { followQuestion(questionId: $id) { viewerIsFollowing } }`;
const UNFOLLOW = `mutation($id: ID!) { unfollowQuestion(questionId: $id) { viewerIsFollowing } }`;
const VIEW = `query($id: ID!) { question(id: $id) { meTooCount viewerHasMeToo viewerIsFollowing } }`;
const FRESHNESS = `query($id: ID!) { question(id: $id) { answers { edges { node { id isOfficial isStale verifiedAt } } } } }`;
const REVERIFY = `mutation($id: ID!) { reverifyOfficialAnswer(answerId: $id) { id isStale verifiedAt } }`;
const DAY = 86400000;

describe('community features', () => {
  let t: TestApp;
  let asker: TestUser;
  let a: TestUser;
  let b: TestUser;
  let staff: TestUser;

  beforeAll(async () => {
    t = await TestApp.start();
    asker = await t.register('cmasker');
    a = await t.register('cma');
    b = await t.register('cmb');
    staff = await t.official(await t.register('cmstaff'));
  });
  afterAll(() => t.close());

  describe('me too (我也遇到了)', () => {
    it('counts each member once, never the asker, and can be withdrawn', async () => {
      const q = await ask(t, asker, '花呗突然不能用了');
      const first = await t.ok<{
        meToo: { meTooCount: number; viewerHasMeToo: boolean; viewerIsFollowing: boolean };
      }>(ME_TOO, { id: q.id }, a.token);
      expect(first.meToo).toMatchObject({ meTooCount: 1, viewerHasMeToo: true, viewerIsFollowing: true });
      expect(
        (await t.ok<{ meToo: { meTooCount: number } }>(ME_TOO, { id: q.id }, a.token)).meToo.meTooCount,
      ).toBe(1);
      expect(
        (await t.ok<{ meToo: { meTooCount: number } }>(ME_TOO, { id: q.id }, b.token)).meToo.meTooCount,
      ).toBe(2);
      expect(codes(await t.gql(ME_TOO, { id: q.id }, asker.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(ME_TOO, { id: q.id }))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await t.gql(ME_TOO, { id: '99999999' }, a.token))).toEqual(['NOT_FOUND']);
      const withdrawn = await t.ok<{ withdrawMeToo: { meTooCount: number; viewerHasMeToo: boolean } }>(
        WITHDRAW,
        { id: q.id },
        a.token,
      );
      expect(withdrawn.withdrawMeToo).toMatchObject({ meTooCount: 1, viewerHasMeToo: false });
      const anon = await t.ok<{ question: { meTooCount: number; viewerHasMeToo: boolean } }>(VIEW, {
        id: q.id,
      });
      expect(anon.question).toMatchObject({ meTooCount: 1, viewerHasMeToo: false });
    });

    it('moves me-too marks and followers to the canonical thread on a duplicate close, without double counts', async () => {
      const canonical = await ask(t, asker, '退款一直不到账怎么办');
      const dup = await ask(t, b, '商家同意退款了钱没到');
      const c = await t.register('cmc');
      await t.ok(ME_TOO, { id: canonical.id }, a.token);
      await t.ok(ME_TOO, { id: dup.id }, a.token); // a on both: counted once
      await t.ok(ME_TOO, { id: dup.id }, c.token);
      await t.ok(ME_TOO, { id: dup.id }, asker.token); // canonical's asker: never a me-too on their own question
      await t.ok(CLOSE, { q: dup.id, d: canonical.id }, b.token);
      const after = await t.ok<{ question: { meTooCount: number } }>(VIEW, { id: canonical.id });
      // a, c, and b (the duplicate's asker has the same problem); not the canonical's asker.
      expect(after.question.meTooCount).toBe(3);
      expect(
        (await t.ok<{ question: { meTooCount: number } }>(VIEW, { id: dup.id })).question.meTooCount,
      ).toBe(0);
      const cView = await t.ok<{ question: { viewerHasMeToo: boolean; viewerIsFollowing: boolean } }>(
        VIEW,
        { id: canonical.id },
        c.token,
      );
      expect(cView.question).toEqual({ meTooCount: 3, viewerHasMeToo: true, viewerIsFollowing: true });
      const bView = await t.ok<{ question: { viewerIsFollowing: boolean } }>(
        VIEW,
        { id: canonical.id },
        b.token,
      );
      expect(bView.question.viewerIsFollowing).toBe(true);
      const [row] = await t.db.query('SELECT COUNT(*) AS n FROM me_toos WHERE question_id = ?', [
        canonical.id,
      ]);
      expect(Number(row.n)).toBe(3);
    });
  });

  describe('follows', () => {
    it('makes askers follow their own question; others follow and unfollow', async () => {
      const q = await ask(t, asker);
      expect(
        (await t.ok<{ question: { viewerIsFollowing: boolean } }>(VIEW, { id: q.id }, asker.token)).question
          .viewerIsFollowing,
      ).toBe(true);
      expect(
        (await t.ok<{ followQuestion: { viewerIsFollowing: boolean } }>(FOLLOW, { id: q.id }, a.token))
          .followQuestion.viewerIsFollowing,
      ).toBe(true);
      expect(
        (await t.ok<{ followQuestion: { viewerIsFollowing: boolean } }>(FOLLOW, { id: q.id }, a.token))
          .followQuestion.viewerIsFollowing,
      ).toBe(true);
      expect(
        (await t.ok<{ unfollowQuestion: { viewerIsFollowing: boolean } }>(UNFOLLOW, { id: q.id }, a.token))
          .unfollowQuestion.viewerIsFollowing,
      ).toBe(false);
      expect(codes(await t.gql(FOLLOW, { id: '99999999' }, a.token))).toEqual(['NOT_FOUND']);
    });
  });

  describe('official answers that say how fresh they are', () => {
    afterEach(() => jest.restoreAllMocks());

    it('turns stale after the configured age, orders fresh before stale, and re-verifies', async () => {
      const clock = t.app.get(Clock);
      const start = Date.now();
      const q = await ask(t, asker, '人脸验证一直失败');
      const older = await answer(t, staff, q.id, '旧的官方流程');
      jest.spyOn(clock, 'now').mockReturnValue(new Date(start + 100 * DAY));
      const newer = await answer(t, staff, q.id, '新的官方流程');
      const member = await answer(t, a, q.id, '网友的办法');
      await t.ok(MARK, { id: member }, staff.token); // endorsed at day 100

      const view = async () =>
        (
          await t.ok<{
            question: {
              answers: { edges: { node: { id: string; isStale: boolean; isOfficial: boolean } }[] };
            };
          }>(FRESHNESS, { id: q.id })
        ).question.answers.edges.map((e) => e.node);
      // Day 100: nothing is stale yet (default 180 days); official answers first, oldest first.
      expect((await view()).map((n) => [n.id, n.isStale])).toEqual([
        [older, false],
        [newer, false],
        [member, false],
      ]);

      jest.spyOn(clock, 'now').mockReturnValue(new Date(start + 200 * DAY));
      // Day 200: the first official answer (verified day 0) is stale and drops behind the fresh ones.
      expect((await view()).map((n) => [n.id, n.isStale])).toEqual([
        [newer, false],
        [member, false],
        [older, true],
      ]);

      const re = await t.ok<{ reverifyOfficialAnswer: { isStale: boolean; verifiedAt: string } }>(
        REVERIFY,
        { id: older },
        staff.token,
      );
      expect(re.reverifyOfficialAnswer.isStale).toBe(false);
      expect(new Date(re.reverifyOfficialAnswer.verifiedAt).getTime()).toBe(start + 200 * DAY);
      expect((await view())[0]).toMatchObject({ id: older, isStale: false });
    });

    it('lets only official accounts and moderators re-verify, and only official answers', async () => {
      const q = await ask(t, asker);
      const plain = await answer(t, a, q.id);
      const official = await answer(t, staff, q.id);
      expect(codes(await t.gql(REVERIFY, { id: official }, a.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(REVERIFY, { id: official }, asker.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(REVERIFY, { id: plain }, staff.token))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql(REVERIFY, { id: '99999999' }, staff.token))).toEqual(['NOT_FOUND']);
      const thread = await t.ok<{
        question: { answers: { edges: { node: { verifiedAt: string | null } }[] } };
      }>(THREAD.replace('isAccepted score', 'isAccepted score verifiedAt'), { id: q.id });
      expect(thread.question.answers.edges.map((e) => e.node.verifiedAt === null)).toEqual([false, true]);
    });
  });
});
