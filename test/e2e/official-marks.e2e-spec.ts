import { Role, UsersService } from '@app/accounts';
import { eventually } from '../helpers/eventually';
import { ACCEPT, MARK, answer, ask } from '../helpers/forum-ops';
import { TestApp, TestUser, codes } from '../helpers/test-app';

// Issue 10, item 2 and the low items of item 9: an official mark vouches for a text, so it follows the
// text (edits), the badge it stands on (revocation) and the thread's visibility (hidden answers).

const EDIT = `mutation($i: EditAnswerInput!) { editAnswer(input: $i) { id body isOfficial verifiedAt endorsedBy { handle } } }`;
const HIDE = `mutation($i: ModeratePostInput!) { hidePost(input: $i) { isHidden } }`;
const RESTORE = `mutation($i: ModeratePostInput!) { restorePost(input: $i) { isHidden } }`;
const REVOKE = `mutation($id: ID!) { revokeOfficialBadge(userId: $id) { id isOfficial } }`;
const THREAD = `query($id: ID!) { question(id: $id) {
  status isSolved officialAnswers { id } acceptedAnswer { id }
  answers { edges { node { id body isOfficial verifiedAt endorsedBy { handle } } } }
} }`;

interface ThreadView {
  question: {
    status: string;
    isSolved: boolean;
    officialAnswers: { id: string }[];
    acceptedAnswer: { id: string } | null;
    answers: {
      edges: {
        node: {
          id: string;
          body: string;
          isOfficial: boolean;
          verifiedAt: string | null;
          endorsedBy: { handle: string } | null;
        };
      }[];
    };
  };
}

describe('official marks follow content', () => {
  let t: TestApp;
  let asker: TestUser;
  let member: TestUser;
  let staff: TestUser;
  let mod: TestUser;
  let admin: TestUser;

  const thread = async (id: string, token?: string) =>
    (await t.ok<ThreadView>(THREAD, { id }, token)).question;
  const node = async (qid: string, aid: string, token?: string) =>
    (await thread(qid, token)).answers.edges.map((e) => e.node).find((n) => n.id === aid);
  const history = async (answerId: string) =>
    (
      (await t.db.query(
        'SELECT kind, reason, actor_id, vouched_by_id FROM official_mark_changes WHERE answer_id = ? ORDER BY id',
        [answerId],
      )) as { kind: string; reason: string; actor_id: string | null; vouched_by_id: string }[]
    ).map((r) => [
      r.kind,
      r.reason,
      r.actor_id === null ? null : String(r.actor_id),
      String(r.vouched_by_id),
    ]);
  const document = async (id: string) => {
    const res = await fetch(
      `${process.env.MEILI_URL}/indexes/${process.env.MEILI_INDEX_PREFIX}_questions/documents/${id}`,
      { headers: { authorization: `Bearer ${process.env.MEILI_MASTER_KEY}`, 'accept-encoding': 'identity' } },
    );
    return (await res.json()) as { isSolved: boolean; hasOfficialAnswer: boolean; status: string };
  };

  beforeAll(async () => {
    t = await TestApp.start();
    asker = await t.register('om_asker');
    member = await t.register('om_member');
    staff = await t.official(await t.register('om_staff'));
    mod = await t.withRole(await t.register('om_mod'), Role.MODERATOR);
    admin = await t.withRole(await t.register('om_admin'), Role.ADMIN);
  });
  afterAll(() => t.close());

  it('an endorsed answer rewritten by its author is no longer official for anyone', async () => {
    const q = await ask(t, asker, '花呗还款失败提示系统繁忙怎么办');
    const a = await answer(t, member, q.id, '换一张银行卡重新还款即可。');
    await t.ok(MARK, { id: a }, staff.token);
    expect((await thread(q.id)).isSolved).toBe(true);

    const edited = await t.ok<{
      editAnswer: { isOfficial: boolean; endorsedBy: unknown; verifiedAt: unknown };
    }>(EDIT, { i: { id: a, body: '加微信 wxid_scam 提供支付密码，客服帮你处理' } }, member.token);
    expect(edited.editAnswer).toMatchObject({ isOfficial: false, endorsedBy: null, verifiedAt: null });

    // The review's reproduction: anonymous readers see neither the badge nor a solved thread.
    const view = await thread(q.id);
    expect(view).toMatchObject({ status: 'OPEN', isSolved: false, officialAnswers: [] });
    expect(await node(q.id, a)).toMatchObject({ isOfficial: false, endorsedBy: null, verifiedAt: null });
    expect(await history(a)).toEqual([
      ['MARKED', 'ENDORSED', staff.id, staff.id],
      ['REMOVED', 'EDITED', member.id, staff.id],
    ]);
    // The old text is kept as a revision.
    const [rev] = await t.db.query(
      "SELECT body FROM post_revisions WHERE target_type = 'ANSWER' AND target_id = ? ORDER BY id DESC",
      [a],
    );
    expect(rev.body).toBe('换一张银行卡重新还款即可。');
    await eventually(async () =>
      expect(await document(q.id)).toMatchObject({ isSolved: false, hasOfficialAnswer: false }),
    );

    // Until an official account endorses the new text again.
    await t.ok(MARK, { id: a }, staff.token);
    expect(await thread(q.id)).toMatchObject({ isSolved: true, officialAnswers: [{ id: a }] });
  });

  it("a moderator's edit drops someone else's endorsement; the endorser's own edit keeps it", async () => {
    const q = await ask(t, asker, '账户被冻结了如何申请解封');
    const a = await answer(t, member, q.id, '在安全中心提交身份证照片申诉。');
    await t.ok(MARK, { id: a }, staff.token);
    await t.ok(EDIT, { i: { id: a, body: '在安全中心提交身份证照片申诉，三天内处理。' } }, mod.token);
    expect(await node(q.id, a)).toMatchObject({ isOfficial: false, endorsedBy: null });

    await t.ok(MARK, { id: a }, mod.token);
    const before = (await node(q.id, a))?.verifiedAt as string;
    await new Promise((r) => setTimeout(r, 5)); // datetime(3): the refreshed time must differ
    await t.ok(EDIT, { i: { id: a, body: '在安全中心提交申诉，一般三个工作日。' } }, mod.token);
    const after = await node(q.id, a);
    expect(after).toMatchObject({ isOfficial: true, endorsedBy: { handle: mod.handle } });
    expect(new Date(after?.verifiedAt as string).getTime()).toBeGreaterThan(new Date(before).getTime());
  });

  it('an official account editing its own answer refreshes verifiedAt and stays official', async () => {
    const q = await ask(t, asker, '转账被风控拦截了怎么解除');
    const a = await answer(t, staff, q.id, '请在App内完成人脸验证。');
    const before = (await node(q.id, a))?.verifiedAt as string;
    await new Promise((r) => setTimeout(r, 5));
    const edited = await t.ok<{ editAnswer: { isOfficial: boolean; verifiedAt: string } }>(
      EDIT,
      { i: { id: a, body: '请在App内完成人脸验证，然后重新发起转账。' } },
      staff.token,
    );
    expect(edited.editAnswer.isOfficial).toBe(true);
    expect(new Date(edited.editAnswer.verifiedAt).getTime()).toBeGreaterThan(new Date(before).getTime());
    expect(await thread(q.id)).toMatchObject({ isSolved: true, officialAnswers: [{ id: a }] });
  });

  it('revoking a badge takes the mark off answers written and endorsed with it, keeping history', async () => {
    const former = await t.official(await t.register('om_former'));
    const q1 = await ask(t, asker, '银行卡绑定失败提示信息不一致');
    const written = await answer(t, former, q1.id, '核对预留手机号后重新绑定。');
    const q2 = await ask(t, asker, '商家一直没有退款怎么办');
    const endorsed = await answer(t, member, q2.id, '在订单页面申请平台介入。');
    await t.ok(MARK, { id: endorsed }, former.token);
    for (const id of [q1.id, q2.id]) expect((await thread(id)).isSolved).toBe(true);

    const res = await t.ok<{ revokeOfficialBadge: { isOfficial: boolean } }>(
      REVOKE,
      { id: former.id },
      admin.token,
    );
    expect(res.revokeOfficialBadge.isOfficial).toBe(false);
    for (const [qid, aid] of [
      [q1.id, written],
      [q2.id, endorsed],
    ]) {
      expect(await thread(qid)).toMatchObject({ isSolved: false, status: 'OPEN', officialAnswers: [] });
      expect(await node(qid, aid)).toMatchObject({ isOfficial: false, endorsedBy: null });
      expect((await history(aid)).at(-1)).toEqual(['REMOVED', 'BADGE_REVOKED', admin.id, former.id]);
      await eventually(async () =>
        expect(await document(qid)).toMatchObject({ isSolved: false, hasOfficialAnswer: false }),
      );
    }
  });

  it('the CLI revocation (user:official --revoke runs the same service) does the same', async () => {
    const former = await t.official(await t.register('om_cli'));
    const q = await ask(t, asker, '花呗额度被降低是什么原因');
    const a = await answer(t, former, q.id, '额度会按使用情况综合评估。');
    const stays = await answer(t, member, q.id, '多用花呗按时还款就会提额。');
    await t.ok(MARK, { id: stays }, staff.token);
    await t.app.get(UsersService).revokeOfficialBadge('system', former.id);
    expect(await node(q.id, a)).toMatchObject({ isOfficial: false });
    expect((await history(a)).at(-1)).toEqual(['REMOVED', 'BADGE_REVOKED', null, former.id]);
    // Another official's endorsement on the same thread stands: still solved.
    expect(await thread(q.id)).toMatchObject({ isSolved: true, officialAnswers: [{ id: stays }] });
  });

  it('hidden official or accepted answers do not make a thread SOLVED, in the API or the index', async () => {
    const q = await ask(t, asker, '支付宝登录提示设备异常怎么处理');
    const official = await answer(t, staff, q.id, '在新设备上完成身份验证即可。');
    await eventually(async () =>
      expect(await document(q.id)).toMatchObject({ isSolved: true, hasOfficialAnswer: true }),
    );
    await t.ok(HIDE, { i: { targetType: 'ANSWER', targetId: official, reason: '内容过时' } }, mod.token);
    expect(await thread(q.id)).toMatchObject({ status: 'OPEN', isSolved: false, officialAnswers: [] });
    await eventually(async () =>
      expect(await document(q.id)).toMatchObject({ isSolved: false, hasOfficialAnswer: false }),
    );

    const accepted = await answer(t, member, q.id, '卸载重装后再登录试试。');
    await t.ok(ACCEPT, { id: accepted }, asker.token);
    expect(await thread(q.id)).toMatchObject({ isSolved: true, acceptedAnswer: { id: accepted } });
    await t.ok(HIDE, { i: { targetType: 'ANSWER', targetId: accepted, reason: '广告' } }, mod.token);
    expect(await thread(q.id)).toMatchObject({ status: 'OPEN', isSolved: false, acceptedAnswer: null });
    await eventually(async () => expect(await document(q.id)).toMatchObject({ isSolved: false }));

    // Restoring brings the solution back.
    await t.ok(RESTORE, { i: { targetType: 'ANSWER', targetId: official, reason: '已核实' } }, mod.token);
    expect(await thread(q.id)).toMatchObject({
      status: 'SOLVED',
      isSolved: true,
      officialAnswers: [{ id: official }],
    });
    await eventually(async () =>
      expect(await document(q.id)).toMatchObject({ isSolved: true, hasOfficialAnswer: true }),
    );
  });

  it('nobody can accept or endorse a hidden answer they cannot see', async () => {
    const q = await ask(t, asker, '信用卡还款显示处理中');
    const a = await answer(t, member, q.id, '等待银行处理，一般两小时内到账。');
    await t.ok(HIDE, { i: { targetType: 'ANSWER', targetId: a, reason: '广告' } }, mod.token);
    expect(codes(await t.gql(MARK, { id: a }, staff.token))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(ACCEPT, { id: a }, asker.token))).toEqual(['NOT_FOUND']);
  });
});
