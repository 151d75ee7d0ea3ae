import { Role } from '@app/accounts';
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { markPublished, uploadPng } from '../helpers/attachments';
import { eventually } from '../helpers/eventually';
import { ACCEPT, MARK, answer, ask } from '../helpers/forum-ops';
import { GqlResponse, TestApp, TestUser } from '../helpers/test-app';

// Generated from the schema: every Query, Mutation and Subscription field and every object field that
// returns a Question, an Answer or their text (Revision), directly or through connections and payloads,
// or that takes the id of one, is found by type. Each must have a probe below that runs against a hidden
// question and a hidden answer: anonymous readers and other members never get them back, writes are
// refused with NOT_FOUND (FORBIDDEN where only moderators or official accounts may act at all, whatever
// the target), and the author and moderators still see them. A new field without a probe fails the test.

const TARGETS = new Set(['Question', 'Answer', 'Revision']);
// Types a post is reached through without being one of the thread's own carriers: a User is reached
// from everywhere, and its post fields (User.questions, User.answers) are paths of their own.
const BARRIERS = new Set(['User']);
const POST_ID_ARG = /question|answer|target|duplicate|revision|^id$/i;

const MARK_Q = 'HIDDENQMARK';
const MARK_A = 'HIDDENAMARK';

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface Field {
  name: string;
  type: TypeRef;
  args: { name: string; type: TypeRef }[];
}
interface FullType {
  name: string;
  kind: string;
  fields: Field[] | null;
  inputFields: { name: string; type: TypeRef }[] | null;
}
const REF = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';
const INTROSPECT = `{ __schema { queryType { name } mutationType { name } subscriptionType { name } types {
  name kind fields { name type { ${REF} } args { name type { ${REF} } } } inputFields { name type { ${REF} } }
} } }`;
const named = (ref: TypeRef): string => (ref.ofType ? named(ref.ofType) : (ref.name as string));

/** Paths (`Type.field`) that return or take a post, found by type. */
function postPaths(types: FullType[]): string[] {
  const byName = new Map(types.map((t) => [t.name, t]));
  const objects = types.filter((t) => t.kind === 'OBJECT' && !t.name.startsWith('__'));
  const reach = new Set(TARGETS);
  for (let changed = true; changed;) {
    changed = false;
    for (const t of objects) {
      if (reach.has(t.name) || BARRIERS.has(t.name)) continue;
      if ((t.fields ?? []).some((f) => reach.has(named(f.type)))) {
        reach.add(t.name);
        changed = true;
      }
    }
  }
  const takesPost = (f: Field) =>
    f.args.some((a) => {
      const type = byName.get(named(a.type));
      if (named(a.type) === 'ID') return POST_ID_ARG.test(a.name);
      return (type?.inputFields ?? []).some((x) => named(x.type) === 'ID' && POST_ID_ARG.test(x.name));
    });
  return objects.flatMap((t) =>
    (t.fields ?? [])
      .filter((f) => reach.has(named(f.type)) || takesPost(f))
      .map((f) => `${t.name}.${f.name}`),
  );
}

type Actor = 'anonymous' | 'other' | 'official' | 'asker' | 'answerer' | 'moderator';

interface Fixture {
  /** Hidden question (by asker), with one visible answer by answerer. */
  hq: string;
  hqAnswer: string;
  hqRevision: string;
  /** Visible question (by asker) whose accepted and endorsed answer `ha` (by answerer) is hidden. */
  vq: string;
  ha: string;
  haRevision: string;
  /** A visible official answer on vq. */
  va: string;
  /** A question closed as a duplicate of hq; other's question with an answer reused from hq. */
  dq: string;
  oq: string;
  /** A question like vq, for reply suggestions. */
  rq: string;
  /** Images by asker on hq (attached before hiding): one published, one still staff-only. */
  attachment: string;
  draftAttachment: string;
  /** Canned replies (by official); `spareCanned` is the one the delete probe removes. */
  canned: string;
  spareCanned: string;
  /** The private-support case opened on hq before it was hidden. */
  caseReference: string;
}

interface Outcome {
  res: GqlResponse;
  text: string;
  seen: Set<string>;
}

interface Probe {
  /** Paths this probe's operation really goes through. */
  covers: string[];
  run: (
    fx: Fixture,
    as: (actor: Actor, query: string, variables?: Record<string, unknown>) => Promise<Outcome>,
  ) => Promise<void>;
}

/** `Type:id` of every post object in a response (queries select __typename and id on each). */
function seenPosts(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => seenPosts(v, out));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.__typename === 'string' && TARGETS.has(o.__typename) && typeof o.id === 'string') {
      out.add(`${o.__typename}:${o.id}`);
    }
    Object.values(o).forEach((v) => seenPosts(v, out));
  }
  return out;
}

const Q = '__typename id title body hiddenReason';
const A = '__typename id body';
const R = '__typename id title body';
const THREAD_FIELDS = `${Q} revisions { ${R} } acceptedAnswer { ${A} } officialAnswers { ${A} }
  answers(first: 30) { edges { node { ${A} revisions { ${R} } } } }`;
// Lists multiply the query cost (GraphQL Armor's limit applies to tests too): a lighter selection.
const LIST_FIELDS = `${Q} acceptedAnswer { ${A} } officialAnswers { ${A} }`;

const NOBODY: Actor[] = ['anonymous', 'other'];
const DESK_QUEUE = `{ officialQueue(first: 20) { edges { node { question { ${LIST_FIELDS} } } } } }`;
const STALE = `{ staleOfficialAnswers(first: 20) { edges { node { answer { ${A} question { ${Q} } } } } } }`;

/** Neither the hidden posts' ids nor their text reach these actors. */
function expectNothingHidden(o: Outcome, fx: Fixture): void {
  for (const key of [`Question:${fx.hq}`, `Answer:${fx.hqAnswer}`, `Answer:${fx.ha}`]) {
    expect([key, o.seen.has(key)]).toEqual([key, false]);
  }
  expect(o.text).not.toContain(MARK_Q);
  expect(o.text).not.toContain(MARK_A);
}

function expectCode(o: Outcome, code: string): void {
  expect([
    o.res.errors?.[0]?.extensions?.code,
    o.res.data ? (Object.values(o.res.data)[0] ?? null) : null,
  ]).toEqual([code, null]);
  expect(o.text).not.toContain(MARK_Q);
  expect(o.text).not.toContain(MARK_A);
}

function expectOk(o: Outcome): void {
  expect(o.res.errors).toBeUndefined();
}

/** A write on a hidden post: refused for everyone who cannot see it, allowed to `allowed`. */
function write(
  query: string,
  vars: (fx: Fixture) => Record<string, unknown>,
  refused: Partial<Record<Actor, string>>,
  allowed: Actor[],
): Probe['run'] {
  return async (fx, as) => {
    for (const [actor, code] of Object.entries(refused))
      expectCode(await as(actor as Actor, query, vars(fx)), code);
    for (const actor of allowed) expectOk(await as(actor, query, vars(fx)));
  };
}

const SIGNED_OUT = { anonymous: 'UNAUTHENTICATED' } as const;

/** Read probes first (in order), then writes, which change the fixture. */
const PROBES: Record<string, Probe> = {
  'Query.question': {
    covers: ['Question.revisions'],
    run: async (fx, as) => {
      const query = `query($id: ID!) { question(id: $id) { ${THREAD_FIELDS} } }`;
      for (const actor of NOBODY) {
        const o = await as(actor, query, { id: fx.hq });
        expect(o.res.data?.question).toBeNull();
        expectNothingHidden(o, fx);
      }
      for (const actor of ['asker', 'moderator'] as Actor[]) {
        const o = await as(actor, query, { id: fx.hq });
        expect(o.seen).toContain(`Question:${fx.hq}`);
        expect(o.seen).toContain(`Revision:${fx.hqRevision}`);
      }
      // Only moderators and the answer's own author see answers on a hidden thread.
      expect((await as('asker', query, { id: fx.hq })).seen).not.toContain(`Answer:${fx.hqAnswer}`);
      expect((await as('moderator', query, { id: fx.hq })).seen).toContain(`Answer:${fx.hqAnswer}`);
      expect((await as('answerer', query, { id: fx.hq })).res.data?.question).toBeNull();
    },
  },
  'Question.answers': {
    covers: [
      'Question.acceptedAnswer',
      'Question.officialAnswers',
      'AnswerConnection.edges',
      'AnswerEdge.node',
      'Answer.revisions',
      'Answer.question',
    ],
    run: async (fx, as) => {
      const query = `query($id: ID!) { question(id: $id) { ${THREAD_FIELDS} } }`;
      for (const actor of NOBODY) {
        const o = await as(actor, query, { id: fx.vq });
        expect(o.seen).toContain(`Answer:${fx.va}`);
        expectNothingHidden(o, fx);
      }
      for (const actor of ['answerer', 'moderator'] as Actor[]) {
        const o = await as(actor, query, { id: fx.vq });
        expect(o.seen).toContain(`Answer:${fx.ha}`);
        expect(o.seen).toContain(`Revision:${fx.haRevision}`);
      }
      // The asker of the thread is not the hidden answer's author.
      expect((await as('asker', query, { id: fx.vq })).seen).not.toContain(`Answer:${fx.ha}`);
    },
  },
  'Query.questions': {
    covers: ['QuestionConnection.edges', 'QuestionEdge.node'],
    run: async (fx, as) => {
      const query = `{ questions(first: 20) { edges { node { ${LIST_FIELDS} } } } }`;
      for (const actor of NOBODY) expectNothingHidden(await as(actor, query), fx);
      for (const actor of ['asker', 'moderator'] as Actor[]) {
        expect((await as(actor, query)).seen).toContain(`Question:${fx.hq}`);
      }
    },
  },
  'User.questions': {
    covers: [],
    run: async (fx, as) => {
      const query = `query($h: String!) { user(handle: $h) { questions(first: 20) { edges { node { ${LIST_FIELDS} } } } } }`;
      const h = handles.asker;
      for (const actor of NOBODY) expectNothingHidden(await as(actor, query, { h }), fx);
      for (const actor of ['asker', 'moderator'] as Actor[]) {
        expect((await as(actor, query, { h })).seen).toContain(`Question:${fx.hq}`);
      }
    },
  },
  'User.answers': {
    covers: ['Answer.question'],
    run: async (fx, as) => {
      const query = `query($h: String!) { user(handle: $h) { answers(first: 10) { edges { node {
        ${A} revisions { ${R} } question { ${Q} acceptedAnswer { ${A} } answers(first: 5) { edges { node { ${A} } } } } } } } } }`;
      const h = handles.answerer;
      for (const actor of [...NOBODY, 'asker'] as Actor[])
        expectNothingHidden(await as(actor, query, { h }), fx);
      const own = await as('answerer', query, { h });
      expect(own.seen).toContain(`Answer:${fx.hqAnswer}`);
      expect(own.seen).toContain(`Answer:${fx.ha}`);
      // The thread itself only as a stub: none of its text.
      expect(own.text).not.toContain(MARK_Q);
      const mod = await as('moderator', query, { h });
      expect(mod.text).toContain(MARK_Q);
    },
  },
  'Question.duplicateOf': {
    covers: [],
    run: async (fx, as) => {
      const query = `query($id: ID!) { question(id: $id) { ${Q} duplicateOf { ${THREAD_FIELDS} } } }`;
      for (const actor of NOBODY) {
        const o = await as(actor, query, { id: fx.dq });
        expect(o.seen).toContain(`Question:${fx.dq}`);
        expectNothingHidden(o, fx);
      }
      for (const actor of ['asker', 'moderator'] as Actor[]) {
        expect((await as(actor, query, { id: fx.dq })).seen).toContain(`Question:${fx.hq}`);
      }
    },
  },
  'Answer.sourceQuestion': {
    covers: [],
    run: async (fx, as) => {
      const query = `query($id: ID!) { question(id: $id) { ${Q} answers { edges { node { ${A} sourceQuestion { ${THREAD_FIELDS} } } } } } }`;
      for (const actor of NOBODY) expectNothingHidden(await as(actor, query, { id: fx.oq }), fx);
      for (const actor of ['asker', 'moderator'] as Actor[]) {
        expect((await as(actor, query, { id: fx.oq })).seen).toContain(`Question:${fx.hq}`);
      }
    },
  },
  'Query.notifications': {
    covers: [
      'NotificationConnection.edges',
      'NotificationEdge.node',
      'Notification.question',
      'Notification.answer',
    ],
    run: async (fx, as) => {
      const query = `{ notifications(first: 20) { edges { node { kind question { ${LIST_FIELDS} } answer { ${A} question { ${Q} } } } } } }`;
      expectCode(await as('anonymous', query), 'UNAUTHENTICATED');
      // `other` follows the hidden thread and was notified of its answer before it was hidden.
      const o = await as('other', query);
      expect(
        (o.res.data as { notifications: { edges: unknown[] } }).notifications.edges.length,
      ).toBeGreaterThan(0);
      expectNothingHidden(o, fx);
      expect((await as('asker', query)).seen).toContain(`Question:${fx.hq}`);
    },
  },
  'Query.recommendedThreads': {
    covers: [],
    run: async (fx, as) => {
      const query = `{ recommendedThreads(first: 20) { ${LIST_FIELDS} } }`;
      expectCode(await as('anonymous', query), 'UNAUTHENTICATED');
      expectNothingHidden(await as('other', query), fx); // recommended before it was hidden (set-up)
    },
  },
  'Query.searchQuestions': {
    covers: ['SearchConnection.edges', 'SearchEdge.node'],
    run: async (fx, as) => {
      const query = `query($q: String!) { searchQuestions(query: $q, first: 20) { edges { snippet highlightedTitle node { ${LIST_FIELDS} } } } }`;
      for (const actor of NOBODY) {
        for (const q of [MARK_Q, MARK_A, '花呗隐藏测试'])
          expectNothingHidden(await as(actor, query, { q }), fx);
      }
    },
  },
  'Query.similarQuestions': {
    covers: ['SimilarQuestion.question'],
    run: async (fx, as) => {
      const query = `query($t: String!) { similarQuestions(title: $t, limit: 20) { score question { ${LIST_FIELDS} } } }`;
      for (const actor of NOBODY) expectNothingHidden(await as(actor, query, { t: HQ_TITLE }), fx);
    },
  },
  'Mutation.askQuestion': {
    covers: ['AskQuestionPayload.question', 'AskQuestionPayload.similarQuestions'],
    run: async (fx, as) => {
      const query = `mutation($i: AskQuestionInput!) { askQuestion(input: $i) {
        question { ${THREAD_FIELDS} } similarQuestions(limit: 20) { question { ${LIST_FIELDS} } } } }`;
      const i = { title: HQ_TITLE.replace(MARK_Q, ''), body: '同样的问题', tags: [] };
      expectCode(await as('anonymous', query, { i }), 'UNAUTHENTICATED');
      const o = await as('other', query, { i });
      expectOk(o);
      expectNothingHidden(o, fx);
    },
  },
  'Query.replySuggestions': {
    covers: ['ReplySuggestion.answer', 'ReplySuggestion.sourceQuestion'],
    run: async (fx, as) => {
      const query = `query($id: ID!) { replySuggestions(questionId: $id, limit: 20) { score answer { ${A} question { ${Q} } } sourceQuestion { ${LIST_FIELDS} } } }`;
      expectCode(await as('anonymous', query, { id: fx.hq }), 'UNAUTHENTICATED');
      expectCode(await as('other', query, { id: fx.hq }), 'FORBIDDEN'); // official accounts only, any target
      expectCode(await as('official', query, { id: fx.hq }), 'NOT_FOUND');
      expectOk(await as('moderator', query, { id: fx.hq }));
      // Suggestions for a question like vq reuse its visible official answer, never the hidden one.
      const o = await eventually(async () => {
        const r = await as('official', query, { id: fx.rq });
        expect(r.seen).toContain(`Answer:${fx.va}`);
        return r;
      });
      expectNothingHidden(o, fx);
    },
  },
  // The official desk: hidden threads are no desk work. Official accounts are no authors, so hq and
  // ha are as invisible to them as to `other`; moderators may see hidden threads.
  'Query.officialQueue': {
    covers: ['DeskQueueConnection.edges', 'DeskQueueEdge.node', 'DeskQueueItem.question'],
    run: async (fx, as) => {
      const query = DESK_QUEUE;
      expectCode(await as('anonymous', query), 'UNAUTHENTICATED');
      expectCode(await as('other', query), 'FORBIDDEN'); // the desk only, whatever the thread
      for (const actor of ['official', 'moderator'] as Actor[]) {
        const o = await as(actor, query);
        expectOk(o);
        expectNothingHidden(o, fx); // hq was in the official's queue before it was hidden (set-up)
      }
    },
  },
  'Query.deskBreaches': {
    covers: [],
    run: async (fx, as) => {
      const query = `{ deskBreaches(days: 30, first: 20) { edges { node { question { ${LIST_FIELDS} } } } } }`;
      expectCode(await as('anonymous', query), 'UNAUTHENTICATED');
      expectCode(await as('other', query), 'FORBIDDEN');
      for (const actor of ['official', 'moderator'] as Actor[]) {
        const o = await as(actor, query);
        expectOk(o);
        expectNothingHidden(o, fx);
      }
    },
  },
  'Query.staleOfficialAnswers': {
    covers: ['DeskStaleConnection.edges', 'DeskStaleEdge.node', 'DeskStaleItem.answer'],
    run: async (fx, as) => {
      const query = STALE;
      expectCode(await as('anonymous', query), 'UNAUTHENTICATED');
      expectCode(await as('other', query), 'FORBIDDEN');
      for (const actor of ['official', 'moderator'] as Actor[]) {
        const o = await as(actor, query);
        expectOk(o);
        expectNothingHidden(o, fx); // ha was listed as stale before it was hidden (set-up)
      }
    },
  },
  'Query.previewCannedReply': {
    covers: [],
    run: async (fx, as) => {
      const query = `query($c: ID!, $q: ID!) { previewCannedReply(id: $c, questionId: $q) { questionId text } }`;
      const v = { c: fx.canned, q: fx.hq };
      expectCode(await as('anonymous', query, v), 'UNAUTHENTICATED');
      expectCode(await as('other', query, v), 'FORBIDDEN');
      expectCode(await as('official', query, v), 'NOT_FOUND');
      expectOk(await as('moderator', query, v));
    },
  },
  'Query.deskActions': {
    covers: [],
    run: async (fx, as) => {
      const query = `query($q: ID) { deskActions(questionId: $q, first: 20) { edges { node { action detail questionId } } } }`;
      const v = { q: fx.hq };
      expectCode(await as('anonymous', query, v), 'UNAUTHENTICATED');
      // The audit trail is for moderators only, whatever the thread.
      expectCode(await as('other', query, v), 'FORBIDDEN');
      expectCode(await as('official', query, v), 'FORBIDDEN');
      const o = await as('moderator', query, v);
      expectOk(o);
      expect(o.text).toContain('HANDOFF'); // the hand-off of hq (set-up)
    },
  },
  // `id` here is an attachment's id, not a post's (the walk finds it by the argument's name): the probe
  // reads the images of the hidden question hq. Official accounts see staff-only images of posts they
  // can see, but not those of a hidden post.
  'Query.attachment': {
    covers: [],
    run: async (fx, as) => {
      const query = `query($id: ID!) { attachment(id: $id) { id visibility url } }`;
      for (const id of [fx.attachment, fx.draftAttachment]) {
        for (const actor of [...NOBODY, 'official', 'answerer'] as Actor[]) {
          const o = await as(actor, query, { id });
          expectOk(o);
          expect([actor, o.res.data?.attachment]).toEqual([actor, null]);
        }
        for (const actor of ['asker', 'moderator'] as Actor[]) {
          const o = await as(actor, query, { id });
          expect(o.res.data?.attachment).toMatchObject({ id, visibility: 'STAFF_ONLY' });
        }
      }
    },
  },
  'Subscription.notificationAdded': {
    covers: [],
    run: async (fx, as) => {
      const query = `subscription { notificationAdded { kind question { ${LIST_FIELDS} } answer { ${A} } } }`;
      const other = await listen(users.other.token, query);
      const asker = await listen(users.asker.token, query);
      try {
        // A moderator answers the hidden thread: its asker hears of it, its follower `other` does not.
        const post = `mutation($i: PostAnswerInput!) { postAnswer(input: $i) { id } }`;
        expectOk(await as('moderator', post, { i: { questionId: fx.hq, body: '补充：已经联系客服处理' } }));
        await eventually(async () => expect(seenPosts(asker.received)).toContain(`Question:${fx.hq}`));
        // Then a visible thread `other` follows: once that arrives, anything about the hidden one would have.
        expectOk(
          await as('other', `mutation($id: ID!) { followQuestion(questionId: $id) { id } }`, { id: fx.vq }),
        );
        expectOk(await as('moderator', post, { i: { questionId: fx.vq, body: '银行卡余额不足也会失败' } }));
        await eventually(async () => expect(seenPosts(other.received)).toContain(`Question:${fx.vq}`));
        const text = JSON.stringify(other.received);
        expectNothingHidden(
          { res: { status: 200, headers: new Headers() }, text, seen: seenPosts(other.received) },
          fx,
        );
      } finally {
        await other.close();
        await asker.close();
      }
    },
  },

  // Writes on hidden posts. `other` is a member, `official` an official account that is no author.
  'Mutation.postAnswer': {
    covers: [],
    run: write(
      `mutation($i: PostAnswerInput!) { postAnswer(input: $i) { ${A} question { ${Q} } } }`,
      (fx) => ({ i: { questionId: fx.hq, body: '我来回答' } }),
      { ...SIGNED_OUT, other: 'NOT_FOUND', official: 'NOT_FOUND' },
      ['moderator'],
    ),
  },
  'Mutation.editQuestion': {
    covers: [],
    run: write(
      `mutation($i: EditQuestionInput!) { editQuestion(input: $i) { ${Q} } }`,
      (fx) => ({ i: { id: fx.hq, body: `${MARK_Q} 作者修改` } }),
      { ...SIGNED_OUT, other: 'NOT_FOUND', official: 'NOT_FOUND' },
      ['asker'],
    ),
  },
  'Mutation.editAnswer': {
    covers: [],
    run: async (fx, as) => {
      const query = `mutation($i: EditAnswerInput!) { editAnswer(input: $i) { ${A} } }`;
      for (const id of [fx.ha, fx.hqAnswer]) {
        await write(
          query,
          () => ({ i: { id, body: `${MARK_A} 修改` } }),
          { ...SIGNED_OUT, other: 'NOT_FOUND', asker: 'NOT_FOUND' },
          ['answerer'],
        )(fx, as);
      }
    },
  },
  'Mutation.acceptAnswer': {
    covers: [],
    run: async (fx, as) => {
      const query = `mutation($id: ID!) { acceptAnswer(answerId: $id) { ${THREAD_FIELDS} } }`;
      // The asker of vq cannot see its hidden answer, so cannot accept it either.
      await write(query, () => ({ id: fx.ha }), { ...SIGNED_OUT, other: 'NOT_FOUND', asker: 'NOT_FOUND' }, [
        'moderator',
      ])(fx, as);
      await write(query, () => ({ id: fx.hqAnswer }), { other: 'NOT_FOUND', asker: 'NOT_FOUND' }, [])(fx, as);
    },
  },
  'Mutation.unacceptAnswer': {
    covers: [],
    run: write(
      `mutation($id: ID!) { unacceptAnswer(questionId: $id) { ${THREAD_FIELDS} } }`,
      (fx) => ({ id: fx.hq }),
      { ...SIGNED_OUT, other: 'NOT_FOUND' },
      ['asker'],
    ),
  },
  'Mutation.markOfficialAnswer': {
    covers: [],
    run: write(
      `mutation($id: ID!) { markOfficialAnswer(answerId: $id) { ${A} } }`,
      (fx) => ({ id: fx.hqAnswer }),
      // Members may not mark anything (FORBIDDEN whatever the target); an official account gets NOT_FOUND.
      { ...SIGNED_OUT, other: 'FORBIDDEN', official: 'NOT_FOUND' },
      ['moderator'],
    ),
  },
  'Mutation.unmarkOfficialAnswer': {
    covers: [],
    run: write(
      `mutation($id: ID!) { unmarkOfficialAnswer(answerId: $id) { ${A} } }`,
      (fx) => ({ id: fx.hqAnswer }),
      { ...SIGNED_OUT, other: 'FORBIDDEN', official: 'NOT_FOUND' },
      ['moderator'],
    ),
  },
  'Mutation.reverifyOfficialAnswer': {
    covers: [],
    run: async (fx, as) => {
      const query = `mutation($id: ID!) { reverifyOfficialAnswer(answerId: $id) { ${A} } }`;
      await write(
        query,
        () => ({ id: fx.ha }),
        { ...SIGNED_OUT, other: 'FORBIDDEN', official: 'NOT_FOUND' },
        [],
      )(fx, as);
    },
  },
  'Mutation.vote': {
    covers: [],
    run: async (fx, as) => {
      const query = `mutation($i: VoteInput!) { vote(input: $i) { targetId score } }`;
      for (const [targetType, targetId] of [
        ['QUESTION', fx.hq],
        ['ANSWER', fx.ha],
        ['ANSWER', fx.hqAnswer],
      ]) {
        await write(
          query,
          () => ({ i: { targetType, targetId, value: 'UP' } }),
          { ...SIGNED_OUT, other: 'NOT_FOUND' },
          ['moderator'],
        )(fx, as);
      }
    },
  },
  'Mutation.closeAsDuplicate': {
    covers: [],
    run: async (fx, as) => {
      const query = `mutation($q: ID!, $d: ID!) { closeAsDuplicate(questionId: $q, duplicateOfId: $d) { ${THREAD_FIELDS} duplicateOf { ${Q} } } }`;
      // Closing the hidden thread, or closing one's own thread onto the hidden one.
      await write(query, () => ({ q: fx.hq, d: fx.vq }), { ...SIGNED_OUT, other: 'NOT_FOUND' }, [])(fx, as);
      await write(query, () => ({ q: fx.oq, d: fx.hq }), { other: 'NOT_FOUND' }, [])(fx, as);
      // Even those who see it cannot point others at a hidden thread.
      expectCode(await as('moderator', query, { q: fx.oq, d: fx.hq }), 'BAD_USER_INPUT');
    },
  },
  'Mutation.meToo': {
    covers: [],
    run: write(
      `mutation($id: ID!) { meToo(questionId: $id) { ${THREAD_FIELDS} } }`,
      (fx) => ({ id: fx.hq }),
      { ...SIGNED_OUT, other: 'NOT_FOUND' },
      ['moderator'],
    ),
  },
  'Mutation.withdrawMeToo': {
    covers: [],
    run: write(
      `mutation($id: ID!) { withdrawMeToo(questionId: $id) { ${THREAD_FIELDS} } }`,
      (fx) => ({ id: fx.hq }),
      { ...SIGNED_OUT, other: 'NOT_FOUND' },
      ['moderator'],
    ),
  },
  'Mutation.followQuestion': {
    covers: [],
    run: write(
      `mutation($id: ID!) { followQuestion(questionId: $id) { ${THREAD_FIELDS} } }`,
      (fx) => ({ id: fx.hq }),
      { ...SIGNED_OUT, other: 'NOT_FOUND' },
      ['asker', 'moderator'],
    ),
  },
  'Mutation.unfollowQuestion': {
    covers: [],
    run: write(
      `mutation($id: ID!) { unfollowQuestion(questionId: $id) { ${THREAD_FIELDS} } }`,
      (fx) => ({ id: fx.hq }),
      { ...SIGNED_OUT, other: 'NOT_FOUND' },
      ['moderator'],
    ),
  },
  'Mutation.reportPost': {
    covers: [],
    run: async (fx, as) => {
      const query = `mutation($i: ReportPostInput!) { reportPost(input: $i) { id targetId } }`;
      for (const [targetType, targetId] of [
        ['QUESTION', fx.hq],
        ['ANSWER', fx.ha],
        ['ANSWER', fx.hqAnswer],
      ]) {
        await write(
          query,
          () => ({ i: { targetType, targetId, reason: '看到了吗' } }),
          { ...SIGNED_OUT, other: 'NOT_FOUND' },
          [],
        )(fx, as);
      }
    },
  },
  'Mutation.recordSuggestionClick': {
    covers: [],
    run: write(
      `mutation($d: String!, $id: ID!) { recordSuggestionClick(draftId: $d, questionId: $id) }`,
      (fx) => ({ d: 'draft-walk-hidden-1', id: fx.hq }),
      { anonymous: 'NOT_FOUND', other: 'NOT_FOUND' },
      ['asker'],
    ),
  },
  // Desk writes on the hidden thread: official accounts get NOT_FOUND, members FORBIDDEN (no desk).
  'Mutation.claimThread': {
    covers: [],
    run: write(
      `mutation($id: ID!) { claimThread(questionId: $id) { ${Q} } }`,
      (fx) => ({ id: fx.hq }),
      // Moderators may see hq but only official accounts claim threads.
      { ...SIGNED_OUT, other: 'FORBIDDEN', official: 'NOT_FOUND', moderator: 'FORBIDDEN' },
      [],
    ),
  },
  'Mutation.assignThread': {
    covers: [],
    run: async (fx, as) => {
      const query = `mutation($id: ID!, $u: ID!) { assignThread(questionId: $id, userId: $u) { ${Q} } }`;
      const v = { id: fx.hq, u: users.official.id };
      await write(query, () => v, { ...SIGNED_OUT, other: 'FORBIDDEN', official: 'NOT_FOUND' }, [])(fx, as);
      // A moderator sees hq, but a hidden thread is no desk work.
      expectCode(await as('moderator', query, v), 'CONFLICT');
    },
  },
  'Mutation.releaseThread': {
    covers: [],
    run: write(
      `mutation($id: ID!) { releaseThread(questionId: $id) { ${Q} } }`,
      (fx) => ({ id: fx.hq }),
      { ...SIGNED_OUT, other: 'FORBIDDEN', official: 'NOT_FOUND' },
      ['moderator'],
    ),
  },
  'Mutation.handOffToPrivateSupport': {
    covers: [],
    run: async (fx, as) => {
      const query = `mutation($id: ID!) { handOffToPrivateSupport(questionId: $id, reason: "走查转人工") { ${Q} } }`;
      await write(
        query,
        () => ({ id: fx.hq }),
        { ...SIGNED_OUT, other: 'FORBIDDEN', official: 'NOT_FOUND' },
        [],
      )(fx, as);
      expectCode(await as('moderator', query, { id: fx.hq }), 'CONFLICT');
    },
  },
  'Mutation.insertCannedReply': {
    covers: [],
    run: write(
      `mutation($c: ID!, $q: ID!) { insertCannedReply(id: $c, questionId: $q) { questionId text usageCount } }`,
      (fx) => ({ c: fx.canned, q: fx.hq }),
      // Official accounts only insert (moderators preview): FORBIDDEN for them whatever the thread.
      { ...SIGNED_OUT, other: 'FORBIDDEN', official: 'NOT_FOUND', moderator: 'FORBIDDEN' },
      [],
    ),
  },
  // `id` of a canned reply, not of a post (found by the argument's name): canned replies belong to no
  // thread. The probe runs the edit and checks that members are refused and nothing hidden comes back.
  'Mutation.updateCannedReply': {
    covers: [],
    run: async (fx, as) => {
      const query = `mutation($id: ID!, $i: CannedReplyInput!) { updateCannedReply(id: $id, input: $i) { id title body } }`;
      const v = { id: fx.canned, i: { title: '走查模板', body: '您好 {asker}，我们已收到。' } };
      await write(query, () => v, { ...SIGNED_OUT, other: 'FORBIDDEN' }, [])(fx, as);
      const o = await as('official', query, v);
      expectOk(o);
      expectNothingHidden(o, fx);
    },
  },
  'Mutation.deleteCannedReply': {
    covers: [],
    run: async (fx, as) => {
      const query = `mutation($id: ID!) { deleteCannedReply(id: $id) }`;
      await write(query, () => ({ id: fx.spareCanned }), { ...SIGNED_OUT, other: 'FORBIDDEN' }, ['official'])(
        fx,
        as,
      );
      expectCode(await as('official', query, { id: fx.spareCanned }), 'NOT_FOUND');
    },
  },
  'Mutation.closePrivateSupportCase': {
    covers: [],
    run: write(
      `mutation($c: String!) { closePrivateSupportCase(caseReference: $c, outcome: "已电话回访") { ${Q} } }`,
      (fx) => ({ c: fx.caseReference }),
      // The case is on hq: an official account cannot see the thread it is about.
      { ...SIGNED_OUT, other: 'FORBIDDEN', official: 'NOT_FOUND' },
      ['moderator'],
    ),
  },
  // Attachment ids, not post ids (found by the argument's name): the images of the hidden question hq.
  'Mutation.publishAttachment': {
    covers: [],
    run: write(
      `mutation($id: ID!) { publishAttachment(id: $id, confirmWithoutCheck: true) { notice attachment { id visibility url } } }`,
      (fx) => ({ id: fx.draftAttachment }),
      // Only the uploader publishes, whatever the image; on a hidden post it stays staff-only, and
      // those who cannot see it are told it does not exist.
      { ...SIGNED_OUT, other: 'NOT_FOUND', official: 'NOT_FOUND' },
      ['asker'],
    ),
  },
  'Mutation.deleteAttachment': {
    covers: [],
    run: write(
      `mutation($id: ID!) { deleteAttachment(id: $id) }`,
      (fx) => ({ id: fx.draftAttachment }),
      // The uploader or a moderator only, whatever the image (NOT_FOUND to those who cannot see it).
      { ...SIGNED_OUT, other: 'NOT_FOUND', official: 'NOT_FOUND' },
      ['moderator'],
    ),
  },
  'Mutation.redactRevision': {
    covers: [],
    run: write(
      `mutation($id: ID!) { redactRevision(revisionId: $id, reason: "走查") { ${R} } }`,
      (fx) => ({ id: fx.hqRevision }),
      // Moderators only, whatever the revision.
      { ...SIGNED_OUT, other: 'FORBIDDEN', asker: 'FORBIDDEN' },
      ['moderator'],
    ),
  },
  'Mutation.hidePost': {
    covers: [],
    run: write(
      `mutation($i: ModeratePostInput!) { hidePost(input: $i) { targetId isHidden } }`,
      (fx) => ({ i: { targetType: 'QUESTION', targetId: fx.hq, reason: '再次隐藏' } }),
      { ...SIGNED_OUT, other: 'FORBIDDEN' }, // moderators only, whatever the target
      ['moderator'],
    ),
  },
  'Mutation.restorePost': {
    covers: [],
    run: write(
      `mutation($i: ModeratePostInput!) { restorePost(input: $i) { targetId isHidden } }`,
      (fx) => ({ i: { targetType: 'ANSWER', targetId: fx.hqAnswer, reason: '核实' } }),
      { ...SIGNED_OUT, other: 'FORBIDDEN' },
      ['moderator'],
    ),
  },
};

/** Subscribes over a real WebSocket (graphql-ws); resolves once the server has the subscription. */
async function listen(
  token: string,
  query: string,
): Promise<{ received: unknown[]; close: () => Promise<void> }> {
  const received: unknown[] = [];
  const client: Client = createClient({
    url: `${app.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: false,
  });
  const connected = new Promise<void>((resolve) => client.on('connected', () => resolve()));
  const dispose = client.subscribe(
    { query },
    {
      next: (v) => received.push(v),
      error: (e) => received.push({ error: String(e) }),
      complete: () => undefined,
    },
  );
  await connected;
  await new Promise((r) => setTimeout(r, 300)); // the server registers the subscription after connecting
  return {
    received,
    close: async () => {
      dispose();
      await client.dispose();
    },
  };
}

const HQ_TITLE = `花呗隐藏测试 ${MARK_Q} 提额需要加微信吗`;
let app: TestApp;
let users: Record<Exclude<Actor, 'anonymous'>, TestUser>;
let handles: Record<string, string> = {};

describe('visibility walk over the schema', () => {
  let fx: Fixture;
  let paths: string[];

  const as = async (
    actor: Actor,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<Outcome> => {
    const res = await app.gql(query, variables, actor === 'anonymous' ? undefined : users[actor].token);
    const text = JSON.stringify(res.data ?? null) + JSON.stringify(res.errors ?? null);
    // A probe whose operation is refused as a whole (depth, cost, typo) proves nothing: fail loudly.
    expect(res.errors?.filter((e) => e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED') ?? []).toEqual([]);
    return { res, text, seen: seenPosts(res.data) };
  };

  beforeAll(async () => {
    app = await TestApp.start();
    users = {
      other: await app.register('vw_other'),
      official: await app.official(await app.register('vw_official')),
      asker: await app.register('vw_asker'),
      answerer: await app.register('vw_answerer'),
      moderator: await app.withRole(await app.register('vw_mod'), Role.MODERATOR),
    };
    handles = Object.fromEntries(Object.entries(users).map(([k, u]) => [k, u.handle]));
    const { other, official, asker, answerer, moderator } = users;
    const ok = app.ok.bind(app);

    const oq = await ask(app, other, '花呗提额怎么申请比较快', '用了两年了额度还是很低', ['visprobe']);
    const hq = await ask(app, asker, HQ_TITLE, `${MARK_Q} 有人说加微信就能提额`, ['visprobe']);
    await ok(
      `mutation($i: EditQuestionInput!) { editQuestion(input: $i) { id } }`,
      { i: { id: hq.id, body: `${MARK_Q} 加微信 scam 提额` } },
      asker.token,
    );
    await ok(`mutation($id: ID!) { followQuestion(questionId: $id) { id } }`, { id: hq.id }, other.token);
    const hqAnswer = await answer(app, answerer, hq.id, `${MARK_A} 这是骗局`);

    const vq = await ask(app, asker, '信用卡还款失败显示银行处理中怎么办', '还款一直显示处理中', [
      'visprobe2',
    ]);
    const ha = await answer(app, answerer, vq.id, `${MARK_A} 联系我代还`);
    await ok(
      `mutation($i: EditAnswerInput!) { editAnswer(input: $i) { id } }`,
      { i: { id: ha, body: `${MARK_A} 联系我代还，手续费低` } },
      answerer.token,
    );
    await ok(MARK, { id: ha }, official.token);
    await ok(ACCEPT, { id: ha }, asker.token);
    const va = await answer(app, official, vq.id, '银行处理一般两小时内完成，请耐心等待。');

    // Asked and closed by the official account: closing gives the duplicate's asker a me-too on hq,
    // which would keep hq out of `other`'s recommendations for another reason than hiding.
    const dq = await ask(app, official, '花呗提额加微信靠谱吗', '看到有人这么说', []);
    await ok(
      `mutation($q: ID!, $d: ID!) { closeAsDuplicate(questionId: $q, duplicateOfId: $d) { id } }`,
      { q: dq.id, d: hq.id },
      official.token,
    );
    await ok(
      `mutation($i: PostAnswerInput!) { postAnswer(input: $i) { id } }`,
      { i: { questionId: oq.id, body: '正常使用按时还款会逐步提额。', fromSuggestionQuestionId: hq.id } },
      official.token,
    );
    const rq = await ask(app, other, '信用卡还款失败显示银行处理中怎么办', '我也是一直处理中', []);

    const [hqRev] = await app.db.query(
      "SELECT id FROM post_revisions WHERE target_type = 'QUESTION' AND target_id = ?",
      [hq.id],
    );
    const [haRev] = await app.db.query(
      "SELECT id FROM post_revisions WHERE target_type = 'ANSWER' AND target_id = ?",
      [ha],
    );
    fx = {
      hq: hq.id,
      hqAnswer,
      hqRevision: String(hqRev.id),
      vq: vq.id,
      ha,
      haRevision: String(haRev.id),
      va,
      dq: dq.id,
      oq: oq.id,
      rq: rq.id,
      attachment: '',
      draftAttachment: '',
      canned: '',
      spareCanned: '',
      caseReference: '',
    };

    // Before hiding, the read paths that only the hidden state should close do return the thread:
    // so each probe below can fail.
    await eventually(async () => {
      const o = await as(
        'other',
        `{ notifications(first: 50) { edges { node { question { __typename id } } } } }`,
      );
      expect(o.seen).toContain(`Question:${hq.id}`);
    });
    await eventually(async () => {
      const o = await as('other', `{ recommendedThreads(first: 50) { __typename id } }`);
      expect(o.seen).toContain(`Question:${hq.id}`);
    });
    await eventually(async () => {
      const o = await as(
        'other',
        `query($q: String!) { searchQuestions(query: $q) { edges { node { __typename id } } } }`,
        { q: MARK_Q },
      );
      expect(o.seen).toContain(`Question:${hq.id}`);
    });
    await eventually(async () => {
      const o = await as(
        'anonymous',
        `query($t: String!) { similarQuestions(title: $t, limit: 20) { question { __typename id } } }`,
        { t: HQ_TITLE },
      );
      expect(o.seen).toContain(`Question:${hq.id}`);
    });

    // The desk and images on the hidden posts, set up while they are visible: so each probe can fail.
    const attachment = await uploadPng(app, asker.token);
    const draftAttachment = await uploadPng(app, asker.token);
    await markPublished(app, attachment);
    await ok(
      `mutation($i: EditQuestionInput!) { editQuestion(input: $i) { id } }`,
      { i: { id: hq.id, attachmentIds: [attachment, draftAttachment] } },
      asker.token,
    );
    for (const actor of ['anonymous', 'official'] as Actor[]) {
      const o = await as(actor, `query($id: ID!) { attachment(id: $id) { id } }`, {
        id: actor === 'anonymous' ? attachment : draftAttachment,
      });
      expect(o.res.data?.attachment).not.toBeNull();
    }
    const canned = await ok<{ createCannedReply: { id: string } }>(
      `mutation($i: CannedReplyInput!) { createCannedReply(input: $i) { id } }`,
      { i: { title: '提额说明', body: '您好 {asker}，提额请以官方渠道为准：{thread_url}' } },
      official.token,
    );
    const spare = await ok<{ createCannedReply: { id: string } }>(
      `mutation($i: CannedReplyInput!) { createCannedReply(input: $i) { id } }`,
      { i: { title: '备用模板', body: '您好，请稍候。' } },
      official.token,
    );
    expect((await as('official', DESK_QUEUE)).seen).toContain(`Question:${hq.id}`);
    await app.db.query('UPDATE answers SET verified_at = ? WHERE id = ?', [new Date('2020-01-01'), ha]);
    expect((await as('official', STALE)).seen).toContain(`Answer:${ha}`);
    await ok(
      `mutation($id: ID!) { handOffToPrivateSupport(questionId: $id, reason: "需要核实身份") { id } }`,
      { id: hq.id },
      official.token,
    );
    const [handoff] = await app.db.query('SELECT case_reference FROM desk_handoffs WHERE question_id = ?', [
      hq.id,
    ]);
    fx.attachment = attachment;
    fx.draftAttachment = draftAttachment;
    fx.canned = canned.createCannedReply.id;
    fx.spareCanned = spare.createCannedReply.id;
    fx.caseReference = String(handoff.case_reference);

    await ok(
      `mutation($i: ModeratePostInput!) { hidePost(input: $i) { isHidden } }`,
      { i: { targetType: 'QUESTION', targetId: hq.id, reason: `诈骗 ${MARK_Q}` } },
      moderator.token,
    );
    await ok(
      `mutation($i: ModeratePostInput!) { hidePost(input: $i) { isHidden } }`,
      { i: { targetType: 'ANSWER', targetId: ha, reason: '代还诈骗' } },
      moderator.token,
    );

    const res = await app.ok<{ __schema: { types: FullType[] } }>(INTROSPECT);
    paths = postPaths(res.__schema.types);
  });
  afterAll(() => app.close());

  it('finds the paths that return or take a post, and has a probe for each', () => {
    const covered = new Set(Object.entries(PROBES).flatMap(([name, p]) => [name, ...p.covers]));
    console.log(`visibility walk: ${paths.length} schema paths, ${Object.keys(PROBES).length} probes`);
    expect(paths.filter((p) => !covered.has(p))).toEqual([]);
    expect([...covered].filter((p) => !paths.includes(p))).toEqual([]);
    expect(paths.length).toBeGreaterThan(40);
  });

  it.each(Object.keys(PROBES))('%s never hands a hidden post to those who may not see it', async (name) => {
    await PROBES[name].run(fx, as);
  });
});
