import { AuthService, Role } from '@app/accounts';
import { markPublished, uploadPng } from '../helpers/attachments';
import { answer, ask } from '../helpers/forum-ops';
import { TestApp, TestUser } from '../helpers/test-app';

type ActorKind = 'anonymous' | 'member' | 'author' | 'official' | 'moderator' | 'admin';
const ACTORS: ActorKind[] = ['anonymous', 'member', 'author', 'official', 'moderator', 'admin'];

interface Fixture {
  author: TestUser;
  other: TestUser;
  moderator: TestUser;
  official: TestUser;
}

interface Row {
  /** Builds a fresh target owned by `author` and returns the operation to run. */
  prepare: (t: TestApp, fx: Fixture) => Promise<{ query: string; variables: Record<string, unknown> }>;
  allow: ActorKind[];
  /** The mutation revokes tokens (its actor's or the target's): fixture users sign in again after it. */
  revokesTokens?: true;
  /**
   * Actors who may not even see the target: refused with NOT_FOUND, not FORBIDDEN (which would tell
   * them that it exists).
   */
  hiddenFrom?: ActorKind[];
}

const EVERYONE: ActorKind[] = [...ACTORS];
const SIGNED_IN: ActorKind[] = ['member', 'author', 'official', 'moderator', 'admin'];
const AUTHOR_OR_MOD: ActorKind[] = ['author', 'moderator', 'admin'];
const OFFICIAL_OR_MOD: ActorKind[] = ['official', 'moderator', 'admin'];
const MOD: ActorKind[] = ['moderator', 'admin'];

const CANNED = `mutation($i: CannedReplyInput!) { createCannedReply(input: $i) { id } }`;
async function cannedReply(t: TestApp, fx: Fixture): Promise<string> {
  const res = await t.ok<{ createCannedReply: { id: string } }>(
    CANNED,
    { i: { title: `权限模板${unique()}`, body: '{asker} 您好，请查看 {thread_url}' } },
    fx.official.token,
  );
  return res.createCannedReply.id;
}
async function handedOff(t: TestApp, fx: Fixture): Promise<{ questionId: string; caseReference: string }> {
  const q = await ask(t, fx.author);
  await t.ok(
    `mutation($id: ID!) { handOffToPrivateSupport(questionId: $id, reason: "需要核实身份") { id } }`,
    { id: q.id },
    fx.official.token,
  );
  const [row] = await t.db.query('SELECT case_reference FROM desk_handoffs WHERE question_id = ?', [q.id]);
  return { questionId: q.id, caseReference: String(row.case_reference) };
}

let n = 0;
const unique = () => `${Date.now() % 1e6}${++n}`;

/** Every mutation of the schema must have a row here; the test fails on a mutation without one. */
const MATRIX: Record<string, Row> = {
  register: {
    allow: EVERYONE,
    prepare: async () => ({
      query: `mutation($i: RegisterInput!) { register(input: $i) { token } }`,
      variables: { i: { handle: `m${unique()}`, password: 'password-123', displayName: '新用户' } },
    }),
  },
  login: {
    allow: EVERYONE,
    prepare: async (_t, fx) => ({
      query: `mutation($i: LoginInput!) { login(input: $i) { token } }`,
      variables: { i: { handle: fx.author.handle, password: 'correct horse battery' } },
    }),
  },
  askQuestion: {
    allow: SIGNED_IN,
    prepare: async () => ({
      query: `mutation($i: AskQuestionInput!) { askQuestion(input: $i) { question { id } } }`,
      variables: { i: { title: `权限测试问题${unique()}`, body: '内容', tags: [] } },
    }),
  },
  postAnswer: {
    allow: SIGNED_IN,
    prepare: async (t, fx) => ({
      query: `mutation($i: PostAnswerInput!) { postAnswer(input: $i) { id } }`,
      variables: { i: { questionId: (await ask(t, fx.author)).id, body: '回答' } },
    }),
  },
  editQuestion: {
    allow: AUTHOR_OR_MOD,
    prepare: async (t, fx) => ({
      query: `mutation($i: EditQuestionInput!) { editQuestion(input: $i) { id } }`,
      variables: { i: { id: (await ask(t, fx.author)).id, body: '修改后的内容' } },
    }),
  },
  editAnswer: {
    allow: AUTHOR_OR_MOD,
    prepare: async (t, fx) => ({
      query: `mutation($i: EditAnswerInput!) { editAnswer(input: $i) { id } }`,
      variables: { i: { id: await answer(t, fx.author, (await ask(t, fx.other)).id), body: '修改后的回答' } },
    }),
  },
  acceptAnswer: {
    allow: AUTHOR_OR_MOD,
    prepare: async (t, fx) => ({
      query: `mutation($id: ID!) { acceptAnswer(answerId: $id) { id } }`,
      variables: { id: await answer(t, fx.other, (await ask(t, fx.author)).id) },
    }),
  },
  unacceptAnswer: {
    allow: AUTHOR_OR_MOD,
    prepare: async (t, fx) => {
      const q = await ask(t, fx.author);
      await t.ok(
        `mutation($id: ID!) { acceptAnswer(answerId: $id) { id } }`,
        { id: await answer(t, fx.other, q.id) },
        fx.author.token,
      );
      return {
        query: `mutation($id: ID!) { unacceptAnswer(questionId: $id) { id } }`,
        variables: { id: q.id },
      };
    },
  },
  markOfficialAnswer: {
    allow: OFFICIAL_OR_MOD,
    prepare: async (t, fx) => ({
      query: `mutation($id: ID!) { markOfficialAnswer(answerId: $id) { id } }`,
      variables: { id: await answer(t, fx.author, (await ask(t, fx.other)).id) },
    }),
  },
  unmarkOfficialAnswer: {
    allow: OFFICIAL_OR_MOD,
    prepare: async (t, fx) => {
      const id = await answer(t, fx.author, (await ask(t, fx.other)).id);
      await t.ok(
        `mutation($id: ID!) { markOfficialAnswer(answerId: $id) { id } }`,
        { id },
        fx.moderator.token,
      );
      return {
        query: `mutation($id: ID!) { unmarkOfficialAnswer(answerId: $id) { id } }`,
        variables: { id },
      };
    },
  },
  vote: {
    allow: ['member', 'official', 'moderator', 'admin'],
    prepare: async (t, fx) => ({
      query: `mutation($i: VoteInput!) { vote(input: $i) { score } }`,
      variables: { i: { targetType: 'QUESTION', targetId: (await ask(t, fx.author)).id, value: 'UP' } },
    }),
  },
  closeAsDuplicate: {
    allow: AUTHOR_OR_MOD,
    prepare: async (t, fx) => ({
      query: `mutation($q: ID!, $d: ID!) { closeAsDuplicate(questionId: $q, duplicateOfId: $d) { id } }`,
      variables: { q: (await ask(t, fx.author)).id, d: (await ask(t, fx.other)).id },
    }),
  },
  reportPost: {
    // Nobody reports their own post.
    allow: ['member', 'official', 'moderator', 'admin'],
    prepare: async (t, fx) => ({
      query: `mutation($i: ReportPostInput!) { reportPost(input: $i) { id } }`,
      variables: { i: { targetType: 'QUESTION', targetId: (await ask(t, fx.author)).id, reason: '广告' } },
    }),
  },
  publishAttachment: {
    // The uploader only (moderators see staff-only images but do not publish them). The upload is on no
    // post yet: to members and official accounts it does not exist.
    allow: ['author'],
    hiddenFrom: ['member', 'official'],
    prepare: async (t, fx) => ({
      query: `mutation($id: ID!) { publishAttachment(id: $id, confirmWithoutCheck: true) { attachment { id } } }`,
      variables: { id: await uploadPng(t, fx.author.token) },
    }),
  },
  deleteAttachment: {
    allow: AUTHOR_OR_MOD,
    hiddenFrom: ['member', 'official'],
    prepare: async (t, fx) => ({
      query: `mutation($id: ID!) { deleteAttachment(id: $id) }`,
      variables: { id: await uploadPng(t, fx.author.token) },
    }),
  },
  reportAttachment: {
    // A published image on the author's question; nobody reports their own.
    allow: ['member', 'official', 'moderator', 'admin'],
    prepare: async (t, fx) => {
      const id = await uploadPng(t, fx.author.token);
      await t.ok(
        `mutation($i: AskQuestionInput!) { askQuestion(input: $i) { question { id } } }`,
        { i: { title: `带截图的问题${unique()}`, body: '见截图', tags: [], attachmentIds: [id] } },
        fx.author.token,
      );
      await markPublished(t, id);
      return {
        query: `mutation($i: ReportAttachmentInput!) { reportAttachment(input: $i) { id } }`,
        variables: { i: { attachmentId: id, reason: '截图含有他人信息' } },
      };
    },
  },
  dismissReport: {
    allow: ['moderator', 'admin'],
    prepare: async (t, fx) => {
      const q = await ask(t, fx.author);
      const report = await t.ok<{ reportPost: { id: string } }>(
        `mutation($i: ReportPostInput!) { reportPost(input: $i) { id } }`,
        { i: { targetType: 'QUESTION', targetId: q.id, reason: '广告' } },
        fx.other.token,
      );
      return {
        query: `mutation($id: ID!) { dismissReport(reportId: $id) { id } }`,
        variables: { id: report.reportPost.id },
      };
    },
  },
  hidePost: {
    allow: ['moderator', 'admin'],
    prepare: async (t, fx) => ({
      query: `mutation($i: ModeratePostInput!) { hidePost(input: $i) { isHidden } }`,
      variables: { i: { targetType: 'QUESTION', targetId: (await ask(t, fx.author)).id, reason: '广告' } },
    }),
  },
  restorePost: {
    allow: ['moderator', 'admin'],
    prepare: async (t, fx) => {
      const q = await ask(t, fx.author);
      const i = { targetType: 'QUESTION', targetId: q.id, reason: '核实' };
      await t.ok(
        `mutation($i: ModeratePostInput!) { hidePost(input: $i) { isHidden } }`,
        { i },
        fx.moderator.token,
      );
      return {
        query: `mutation($i: ModeratePostInput!) { restorePost(input: $i) { isHidden } }`,
        variables: { i },
      };
    },
  },
  meToo: {
    allow: ['member', 'official', 'moderator', 'admin'],
    prepare: async (t, fx) => ({
      query: `mutation($id: ID!) { meToo(questionId: $id) { id } }`,
      variables: { id: (await ask(t, fx.author)).id },
    }),
  },
  withdrawMeToo: {
    allow: SIGNED_IN,
    prepare: async (t, fx) => ({
      query: `mutation($id: ID!) { withdrawMeToo(questionId: $id) { id } }`,
      variables: { id: (await ask(t, fx.author)).id },
    }),
  },
  followQuestion: {
    allow: SIGNED_IN,
    prepare: async (t, fx) => ({
      query: `mutation($id: ID!) { followQuestion(questionId: $id) { id } }`,
      variables: { id: (await ask(t, fx.other)).id },
    }),
  },
  unfollowQuestion: {
    allow: SIGNED_IN,
    prepare: async (t, fx) => ({
      query: `mutation($id: ID!) { unfollowQuestion(questionId: $id) { id } }`,
      variables: { id: (await ask(t, fx.other)).id },
    }),
  },
  reverifyOfficialAnswer: {
    allow: OFFICIAL_OR_MOD,
    prepare: async (t, fx) => {
      const id = await answer(t, fx.author, (await ask(t, fx.other)).id);
      await t.ok(
        `mutation($id: ID!) { markOfficialAnswer(answerId: $id) { id } }`,
        { id },
        fx.moderator.token,
      );
      return {
        query: `mutation($id: ID!) { reverifyOfficialAnswer(answerId: $id) { id } }`,
        variables: { id },
      };
    },
  },
  redactRevision: {
    allow: ['moderator', 'admin'],
    prepare: async (t, fx) => {
      const q = await ask(t, fx.author);
      await t.ok(
        `mutation($i: EditQuestionInput!) { editQuestion(input: $i) { id } }`,
        { i: { id: q.id, body: '改过的内容' } },
        fx.author.token,
      );
      const [rev] = await t.db.query(
        "SELECT id FROM post_revisions WHERE target_type = 'QUESTION' AND target_id = ?",
        [q.id],
      );
      return {
        query: `mutation($id: ID!) { redactRevision(revisionId: $id, reason: "含有钓鱼链接") { id isRedacted } }`,
        variables: { id: String(rev.id) },
      };
    },
  },
  upsertCategory: {
    allow: ['admin'],
    prepare: async () => ({
      query: `mutation($i: UpsertCategoryInput!) { upsertCategory(input: $i) { key } }`,
      variables: {
        i: {
          key: `mx_${unique()}`,
          name: '权限测试',
          fields: [{ key: 'order_no', label: '订单号', required: true }],
        },
      },
    }),
  },
  recordSuggestionClick: {
    // Drafting happens before signing in too.
    allow: EVERYONE,
    prepare: async (t, fx) => ({
      query: `mutation($d: String!, $q: ID!) { recordSuggestionClick(draftId: $d, questionId: $q) }`,
      variables: { d: `draft-mx-${unique()}`, q: (await ask(t, fx.author)).id },
    }),
  },
  markNotificationsRead: {
    allow: SIGNED_IN,
    prepare: async () => ({
      query: `mutation { markNotificationsRead { marked unreadCount } }`,
      variables: {},
    }),
  },
  logout: {
    allow: SIGNED_IN,
    revokesTokens: true,
    prepare: async () => ({ query: `mutation { logout }`, variables: {} }),
  },
  changePassword: {
    allow: SIGNED_IN,
    revokesTokens: true,
    // Every fixture user has the password TestApp.register gives; it is "changed" to itself.
    prepare: async () => ({
      query: `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { token } }`,
      variables: { c: 'correct horse battery', n: 'correct horse battery' },
    }),
  },
  claimThread: {
    // Only official accounts hold threads; moderators assign them.
    allow: ['official'],
    prepare: async (t, fx) => ({
      query: `mutation($id: ID!) { claimThread(questionId: $id) { id officialHandling } }`,
      variables: { id: (await ask(t, fx.author)).id },
    }),
  },
  releaseThread: {
    allow: OFFICIAL_OR_MOD,
    prepare: async (t, fx) => ({
      query: `mutation($id: ID!) { releaseThread(questionId: $id) { id } }`,
      variables: { id: (await ask(t, fx.author)).id },
    }),
  },
  assignThread: {
    allow: OFFICIAL_OR_MOD,
    prepare: async (t, fx) => ({
      query: `mutation($id: ID!, $u: ID!) { assignThread(questionId: $id, userId: $u) { id } }`,
      variables: { id: (await ask(t, fx.author)).id, u: fx.official.id },
    }),
  },
  setDeskTarget: {
    allow: ['admin'],
    prepare: async () => ({
      query: `mutation { setDeskTarget(category: "other", firstResponseMinutes: 1440, remindBeforeMinutes: 120) { categoryKey } }`,
      variables: {},
    }),
  },
  createCannedReply: {
    allow: ['official'],
    prepare: async () => ({
      query: CANNED,
      variables: { i: { title: `权限模板${unique()}`, body: '{asker} 您好，请稍候。' } },
    }),
  },
  updateCannedReply: {
    allow: ['official'],
    prepare: async (t, fx) => ({
      query: `mutation($id: ID!, $i: CannedReplyInput!) { updateCannedReply(id: $id, input: $i) { id } }`,
      variables: { id: await cannedReply(t, fx), i: { title: '改过的模板', body: '{asker} 您好。' } },
    }),
  },
  deleteCannedReply: {
    allow: ['official'],
    prepare: async (t, fx) => ({
      query: `mutation($id: ID!) { deleteCannedReply(id: $id) }`,
      variables: { id: await cannedReply(t, fx) },
    }),
  },
  insertCannedReply: {
    allow: ['official'],
    prepare: async (t, fx) => ({
      query: `mutation($id: ID!, $q: ID!) { insertCannedReply(id: $id, questionId: $q) { text } }`,
      variables: { id: await cannedReply(t, fx), q: (await ask(t, fx.author)).id },
    }),
  },
  handOffToPrivateSupport: {
    allow: OFFICIAL_OR_MOD,
    prepare: async (t, fx) => ({
      query: `mutation($id: ID!) { handOffToPrivateSupport(questionId: $id, reason: "需要核对交易") { id } }`,
      variables: { id: (await ask(t, fx.author)).id },
    }),
  },
  closePrivateSupportCase: {
    allow: OFFICIAL_OR_MOD,
    prepare: async (t, fx) => ({
      query: `mutation($r: String!) { closePrivateSupportCase(caseReference: $r, outcome: "已电话处理完毕") { id } }`,
      variables: { r: (await handedOff(t, fx)).caseReference },
    }),
  },
  grantOfficialBadge: {
    allow: ['admin'],
    revokesTokens: true,
    prepare: async (_t, fx) => ({
      query: `mutation($id: ID!) { grantOfficialBadge(userId: $id, label: "官方客服") { id } }`,
      variables: { id: fx.other.id },
    }),
  },
  revokeOfficialBadge: {
    allow: ['admin'],
    revokesTokens: true,
    prepare: async (_t, fx) => ({
      query: `mutation($id: ID!) { revokeOfficialBadge(userId: $id) { id } }`,
      variables: { id: fx.other.id },
    }),
  },
};

describe('authorization matrix', () => {
  let t: TestApp;
  let users: Record<Exclude<ActorKind, 'anonymous'>, TestUser>;
  let other: TestUser;

  beforeAll(async () => {
    t = await TestApp.start();
    users = {
      member: await t.register('mx_member'),
      author: await t.register('mx_author'),
      official: await t.official(await t.register('mx_official')),
      moderator: await t.withRole(await t.register('mx_mod'), Role.MODERATOR),
      admin: await t.withRole(await t.register('mx_admin'), Role.ADMIN),
    };
    other = await t.register('mx_other');
  });
  afterAll(() => t.close());

  it('has a row for every mutation in the schema', async () => {
    const res = await t.ok<{ __schema: { mutationType: { fields: { name: string }[] } } }>(
      `{ __schema { mutationType { fields { name } } } }`,
    );
    const mutations = res.__schema.mutationType.fields.map((f) => f.name).sort();
    expect(mutations.filter((m) => !(m in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((m) => !mutations.includes(m))).toEqual([]);
  });

  it('shows a staff-only attachment to its uploader, official accounts and moderators only', async () => {
    const id = await uploadPng(t, users.author.token);
    const asked = await t.ok<{ askQuestion: { question: { id: string } } }>(
      `mutation($i: AskQuestionInput!) { askQuestion(input: $i) { question { id } } }`,
      { i: { title: `附件可见性${unique()}`, body: '见截图', tags: [], attachmentIds: [id] } },
      users.author.token,
    );
    const query = `query($id: ID!) { question(id: $id) { attachments { id url } } attachment(id: "${id}") { id } }`;
    const seen: Record<string, boolean> = {};
    for (const actor of ACTORS) {
      const token = actor === 'anonymous' ? undefined : users[actor].token;
      const data = await t.ok<{
        question: { attachments: { id: string }[] };
        attachment: { id: string } | null;
      }>(query, { id: asked.askQuestion.question.id }, token);
      seen[actor] = data.question.attachments.some((a) => a.id === id);
      expect(data.attachment !== null).toBe(seen[actor]);
    }
    expect(seen).toEqual({
      anonymous: false,
      member: false,
      author: true,
      official: true,
      moderator: true,
      admin: true,
    });
  });

  const cells = Object.entries(MATRIX).flatMap(([mutation, row]) =>
    ACTORS.map((actor) => [mutation, actor, row.allow.includes(actor) ? 'allow' : 'deny'] as const),
  );

  it.each(cells)('%s as %s: %s', async (mutation, actor, expected) => {
    const fx: Fixture = { author: users.author, other, moderator: users.moderator, official: users.official };
    const { query, variables } = await MATRIX[mutation].prepare(t, fx);
    const token = actor === 'anonymous' ? undefined : users[actor].token;
    const res = await t.gql(query, variables, token);
    if (MATRIX[mutation].revokesTokens) {
      for (const user of [...Object.values(users), other]) {
        user.token = (await t.app.get(AuthService).tokenFor(user.id)).token;
      }
    }
    const code = res.errors?.[0]?.extensions?.code;
    if (expected === 'allow') {
      expect(res.errors).toBeUndefined();
    } else {
      expect(code).toBe(
        actor === 'anonymous'
          ? 'UNAUTHENTICATED'
          : MATRIX[mutation].hiddenFrom?.includes(actor)
            ? 'NOT_FOUND'
            : 'FORBIDDEN',
      );
    }
  });
});

/** Desk reads and fields: who gets data, who gets an error, who gets null. */
const READS: Record<
  string,
  {
    query: string;
    allow: ActorKind[];
    variables?: (fx: Fixture, t: TestApp) => Promise<Record<string, unknown>>;
  }
> = {
  officialQueue: { query: `{ officialQueue { totalCount } }`, allow: OFFICIAL_OR_MOD },
  staleOfficialAnswers: { query: `{ staleOfficialAnswers { totalCount } }`, allow: OFFICIAL_OR_MOD },
  deskBreaches: { query: `{ deskBreaches { totalCount } }`, allow: OFFICIAL_OR_MOD },
  deskTargets: { query: `{ deskTargets { categoryKey firstResponseMinutes } }`, allow: OFFICIAL_OR_MOD },
  cannedReplies: { query: `{ cannedReplies { id } }`, allow: OFFICIAL_OR_MOD },
  deskStats: {
    query: `{ deskStats(from: "2026-01-01", to: "2026-01-02") { day asked } }`,
    allow: OFFICIAL_OR_MOD,
  },
  deskActions: { query: `{ deskActions { edges { node { action } } } }`, allow: MOD },
  previewCannedReply: {
    query: `query($id: ID!, $q: ID!) { previewCannedReply(id: $id, questionId: $q) { text } }`,
    allow: OFFICIAL_OR_MOD,
    variables: async (fx, t) => ({ id: await cannedReply(t, fx), q: (await ask(t, fx.author)).id }),
  },
};

describe('authorization matrix: official desk reads and fields', () => {
  let t: TestApp;
  let users: Record<Exclude<ActorKind, 'anonymous'>, TestUser>;
  let fx: Fixture;
  let claimed: string;
  let handoff: { questionId: string; caseReference: string };

  beforeAll(async () => {
    t = await TestApp.start();
    users = {
      member: await t.register('dx_member'),
      author: await t.register('dx_author'),
      official: await t.official(await t.register('dx_official')),
      moderator: await t.withRole(await t.register('dx_mod'), Role.MODERATOR),
      admin: await t.withRole(await t.register('dx_admin'), Role.ADMIN),
    };
    fx = { author: users.author, other: users.member, moderator: users.moderator, official: users.official };
    claimed = (await ask(t, users.author)).id;
    await t.ok(
      `mutation($id: ID!) { claimThread(questionId: $id) { id } }`,
      { id: claimed },
      users.official.token,
    );
    handoff = await handedOff(t, fx);
  });
  afterAll(() => t.close());

  const cells = Object.entries(READS).flatMap(([query, row]) =>
    ACTORS.map((actor) => [query, actor, row.allow.includes(actor) ? 'allow' : 'deny'] as const),
  );

  it.each(cells)('%s as %s: %s', async (name, actor, expected) => {
    const row = READS[name];
    const token = actor === 'anonymous' ? undefined : users[actor].token;
    const res = await t.gql(row.query, row.variables ? await row.variables(fx, t) : {}, token);
    if (expected === 'allow') {
      expect(res.errors).toBeUndefined();
      expect(res.data?.[name]).toBeDefined();
    } else {
      expect(res.errors?.[0]?.extensions?.code).toBe(actor === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
    }
  });

  it.each(ACTORS)('Question desk fields as %s', async (actor) => {
    const token = actor === 'anonymous' ? undefined : users[actor].token;
    const onDesk = OFFICIAL_OR_MOD.includes(actor);
    const res = await t.ok<{
      a: { officialHandling: boolean; deskClaim: { owner: { handle: string } } | null };
      b: {
        privateSupport: {
          isOpen: boolean;
          note: string;
          caseReference: string | null;
          reason: string | null;
        };
      };
    }>(
      `query($a: ID!, $b: ID!) {
        a: question(id: $a) { officialHandling deskClaim { owner { handle } } }
        b: question(id: $b) { privateSupport { isOpen note caseReference reason } }
      }`,
      { a: claimed, b: handoff.questionId },
      token,
    );
    // Public: 官方处理中 and the hand-off note.
    expect(res.a.officialHandling).toBe(true);
    expect(res.b.privateSupport.isOpen).toBe(true);
    expect(res.b.privateSupport.note).toContain('转人工处理');
    // The holder for the desk only; the case reference for the asker and the desk; the reason for the desk.
    expect(res.a.deskClaim).toEqual(onDesk ? { owner: { handle: users.official.handle } } : null);
    expect(res.b.privateSupport.caseReference).toBe(
      onDesk || actor === 'author' ? handoff.caseReference : null,
    );
    expect(res.b.privateSupport.reason).toBe(onDesk ? '需要核实身份' : null);
  });
});
