import { Role, UserEntity } from '@app/accounts';
import { PostType, QuestionStatus, statusOf } from '@app/forum';
import {
  AnswerEntity,
  QuestionEntity,
  QuestionTagEntity,
  TagEntity,
  VoteEntity,
  recountAllTags,
} from '@app/forum/persistence';
import { OutboxEventEntity } from '@app/core';
import { DataSource, EntityTarget, ObjectLiteral, QueryRunner } from 'typeorm';

/**
 * Bulk seeding of N threads through the product's own entities and repositories (TypeORM insert
 * builders on the entity metadata, no hand-written SQL), in realistic proportions: about 1.9 answers
 * a question, 15% of answered questions with an official answer, 40% with an accepted one, votes on
 * questions and answers with scores kept equal to their sums, one to three tags each. A few "hot"
 * threads carry 30 answers (the thread page the bench reads). Question text is the AFQMC corpus.
 *
 * Ids are assigned here (the database is fresh), so every row can be written final in one pass with
 * foreign key checks off for this one connection; counters (answer_count, score, official_answer_count,
 * status, accepted_answer_id) are computed as the services would leave them. No outbox rows: the index
 * is then built by the product's reindex (ReindexService), which is what a restore would do.
 */
export interface SeedOptions {
  threads: number;
  corpus: readonly string[];
  /** Threads with `hotAnswers` answers each (thread page bench). */
  hotThreads?: number;
  hotAnswers?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Notifications live with the notifications module; written by entity name, not by class. */
const NOTIFICATION = 'NotificationEntity';

export interface SeedResult {
  users: number;
  officials: number;
  questions: number;
  answers: number;
  votes: number;
  notifications: number;
  outboxEvents: number;
  tags: number;
  hotThreadIds: string[];
  /** Handle of the member with the most questions (user page bench). */
  busyHandle: string;
  ms: number;
}

export const SEED_TAGS = [
  '花呗',
  '借呗',
  '余额宝',
  '还款',
  '额度',
  '逾期',
  '分期',
  '提现',
  '信用卡',
  '账单',
  '利息',
  '银行卡',
  '转账',
  '芝麻信用',
  '网商贷',
  '红包',
  '退款',
  '手续费',
  '实名认证',
  '密码',
  '安全',
  '账户冻结',
  '自动扣款',
  '优惠券',
  '保险',
  '基金',
  '理财',
  '充值',
  '缴费',
  '收款码',
] as const;

const OFFICIAL_LABEL = '支付宝官方客服';
const BATCH = 1000;

/** mulberry32: deterministic, so two runs seed the same forum. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class BulkWriter {
  private readonly pending = new Map<EntityTarget<ObjectLiteral>, ObjectLiteral[]>();
  constructor(private readonly runner: QueryRunner) {}

  async add<T extends ObjectLiteral>(target: EntityTarget<T>, row: T): Promise<void> {
    let rows = this.pending.get(target);
    if (!rows) this.pending.set(target, (rows = []));
    rows.push(row);
    if (rows.length >= BATCH) await this.flushOne(target);
  }

  private async flushOne(target: EntityTarget<ObjectLiteral>): Promise<void> {
    const rows = this.pending.get(target);
    if (!rows || rows.length === 0) return;
    this.pending.set(target, []);
    // updateEntity(false): no read-back of generated columns (ids and dates are given).
    await this.runner.manager
      .createQueryBuilder()
      .insert()
      .into(target)
      .values(rows)
      .updateEntity(false)
      .execute();
  }

  async flush(): Promise<void> {
    for (const target of this.pending.keys()) await this.flushOne(target);
  }
}

/** How many answers a question gets: 20% none, 30% one, 25% two, 15% three, 10% four to six. */
function answerCountFor(r: number, r2: number): number {
  if (r < 0.2) return 0;
  if (r < 0.5) return 1;
  if (r < 0.75) return 2;
  if (r < 0.9) return 3;
  return 4 + Math.floor(r2 * 3);
}

export async function seedThreads(db: DataSource, o: SeedOptions): Promise<SeedResult> {
  const started = Date.now();
  const random = rng(20261202);
  const corpus = o.corpus;
  const text = (i: number): string => corpus[i % corpus.length];
  const members = Math.max(200, Math.floor(o.threads / 20));
  const officials = 3;
  const hotThreads = Math.min(o.hotThreads ?? 20, o.threads);
  const hotAnswers = o.hotAnswers ?? 30;
  const hotEvery = Math.max(1, Math.floor(o.threads / Math.max(1, hotThreads)));
  const now = Date.now();
  const yearMs = 365 * 24 * 3600 * 1000;
  const runner = db.createQueryRunner();
  await runner.connect();
  const out = new BulkWriter(runner);
  let answers = 0;
  let votes = 0;
  let notifications = 0;
  let outboxEvents = 0;
  const hotThreadIds: string[] = [];
  const questionsBy = new Array<number>(members + 1).fill(0);
  try {
    const [{ n: existing }] = (await runner.query('SELECT COUNT(*) AS n FROM users')) as { n: string }[];
    if (Number(existing) > 0)
      throw new Error('seedThreads writes a new forum: the database must have no users');
    // This connection only; every referenced row is written by the end of the seed.
    await runner.query('SET FOREIGN_KEY_CHECKS = 0, UNIQUE_CHECKS = 0');
    // Users: members 1..members, then the official accounts. Nobody signs in as them (no usable hash).
    const created = new Date(now - yearMs - 86400000);
    for (let u = 1; u <= members + officials; u++) {
      const official = u > members;
      await out.add(UserEntity, {
        id: String(u),
        handle: official ? `bench_official_${u - members}` : `bench_u${u}`,
        displayName: official ? OFFICIAL_LABEL : `测试用户${u}`,
        passwordHash: '!bench-seeded-no-login',
        role: Role.MEMBER,
        officialLabel: official ? OFFICIAL_LABEL : null,
        officialSince: official ? created : null,
        tokenVersion: 0,
        createdAt: created,
        updatedAt: created,
      } as UserEntity);
    }
    for (let t = 0; t < SEED_TAGS.length; t++) {
      await out.add(TagEntity, { id: String(t + 1), name: SEED_TAGS[t] } as TagEntity);
    }
    const member = (): number => 1 + Math.floor(random() * members);
    const official = (): number => members + 1 + Math.floor(random() * officials);
    /** k distinct voters, scores +1 (85%) or -1; returns the sum. */
    const vote = async (type: PostType, targetId: string, k: number, at: Date): Promise<number> => {
      let sum = 0;
      const start = member();
      for (let v = 0; v < k; v++) {
        const value = random() < 0.85 ? 1 : -1;
        sum += value;
        votes++;
        await out.add(VoteEntity, {
          id: String(votes),
          userId: String(((start + v * 7 - 1) % members) + 1),
          targetType: type,
          targetId,
          value,
          createdAt: at,
          updatedAt: at,
        } as VoteEntity);
      }
      return sum;
    };

    for (let q = 1; q <= o.threads; q++) {
      const id = String(q);
      const hot = (q - 1) % hotEvery === 0 && hotThreadIds.length < hotThreads;
      if (hot) hotThreadIds.push(id);
      const asker = member();
      questionsBy[asker]++;
      const createdAt = new Date(now - yearMs + Math.floor((q / o.threads) * (yearMs - 3600000)));
      const round = Math.floor((q - 1) / corpus.length);
      const title = round === 0 ? text(q - 1) : `${text(q - 1)}（${round + 1}）`;
      const body = `${text(q * 7 + 3)}\n\n${text(q * 13 + 5)}`;
      const nAnswers = hot ? hotAnswers : answerCountFor(random(), random());
      const withOfficial = nAnswers > 0 && (hot || random() < 0.15);
      const withAccepted = nAnswers > 0 && (hot || random() < 0.4);
      let officialCount = 0;
      let acceptedId: string | null = null;
      let acceptedAt: Date | null = null;
      for (let a = 0; a < nAnswers; a++) {
        answers++;
        const answerId = String(answers);
        const isOfficial = withOfficial && (a === 0 || (hot && a === 5));
        if (isOfficial) officialCount++;
        const at = new Date(createdAt.getTime() + (a + 1) * 600000);
        let author = isOfficial ? official() : member();
        if (author === asker) author = (author % members) + 1;
        const score = await vote(PostType.ANSWER, answerId, Math.floor(random() * 3), at);
        if (withAccepted && acceptedId === null && a === (hot ? 2 : nAnswers - 1)) {
          acceptedId = answerId;
          acceptedAt = new Date(at.getTime() + 3600000);
        }
        // The asker's notice of each answer (half of them read), and the answer's processed outbox event.
        outboxEvents++;
        await out.add(OutboxEventEntity, {
          id: String(outboxEvents),
          topic: 'answer.posted',
          aggregateType: 'answer',
          aggregateId: answerId,
          payload: JSON.stringify({ questionId: id, answerId }),
          createdAt: at,
          availableAt: at,
          processedAt: at,
          attempts: 0,
          lastError: null,
        } as OutboxEventEntity);
        notifications++;
        await out.add(NOTIFICATION, {
          id: String(notifications),
          userId: String(asker),
          kind: isOfficial ? 'OFFICIAL_ANSWER' : 'NEW_ANSWER',
          eventId: String(outboxEvents),
          questionId: id,
          answerId,
          actorId: String(author),
          createdAt: at,
          readAt: random() < 0.5 ? at : null,
        });
        await out.add(AnswerEntity, {
          id: answerId,
          questionId: id,
          authorId: String(author),
          body: `${text(q * 31 + a * 17 + 11)}。${text(q * 37 + a * 19 + 2)}`,
          isOfficial,
          endorsedById: null,
          endorsedAt: null,
          score,
          verifiedAt: isOfficial ? at : null,
          sourceQuestionId: null,
          hiddenAt: null,
          hiddenById: null,
          hiddenReason: null,
          createdAt: at,
          updatedAt: at,
        } as AnswerEntity);
      }
      const score = await vote(PostType.QUESTION, id, Math.floor(random() * 4), createdAt);
      const nTags = 1 + Math.floor(random() * 3);
      const chosen = new Set<number>();
      // The first tag follows the text where a tag name occurs in it (花呗 questions carry 花呗).
      const named = SEED_TAGS.findIndex((t) => title.includes(t));
      if (named >= 0) chosen.add(named);
      while (chosen.size < nTags) chosen.add(Math.floor(random() * SEED_TAGS.length));
      let position = 0;
      for (const t of chosen) {
        await out.add(QuestionTagEntity, { questionId: id, tagId: String(t + 1), position: position++ });
      }
      outboxEvents++;
      await out.add(OutboxEventEntity, {
        id: String(outboxEvents),
        topic: 'question.asked',
        aggregateType: 'question',
        aggregateId: id,
        payload: JSON.stringify({ questionId: id }),
        createdAt,
        availableAt: createdAt,
        processedAt: createdAt,
        attempts: 0,
        lastError: null,
      } as OutboxEventEntity);
      const counters = {
        duplicateOfId: null,
        acceptedAnswerId: acceptedId,
        officialAnswerCount: officialCount,
      };
      await out.add(QuestionEntity, {
        id,
        authorId: String(asker),
        title,
        body,
        status: statusOf(counters) as QuestionStatus,
        acceptedAnswerId: acceptedId,
        acceptedAt,
        duplicateOfId: null,
        score,
        answerCount: nAnswers,
        officialAnswerCount: officialCount,
        meTooCount: 0,
        categoryKey: null,
        hiddenAt: null,
        hiddenById: null,
        hiddenReason: null,
        createdAt,
        updatedAt: createdAt,
      } as QuestionEntity);
      if (q % 10000 === 0) o.onProgress?.(q, o.threads);
    }
    await out.flush();
    // The seeded events are history: outbox consumers with a cursor (notifications) start after them.
    await runner.query('UPDATE outbox_cursors SET last_event_id = ? WHERE last_event_id < ?', [
      outboxEvents,
      outboxEvents,
    ]);
    await runner.query('SET FOREIGN_KEY_CHECKS = 1, UNIQUE_CHECKS = 1');
    // tags.question_count, which the product's writes keep, from the links seeded above.
    await recountAllTags(runner.manager);
  } finally {
    await runner.release();
  }
  o.onProgress?.(o.threads, o.threads);
  const busiest = questionsBy.indexOf(Math.max(...questionsBy));
  return {
    users: members + officials,
    officials,
    questions: o.threads,
    answers,
    votes,
    notifications,
    outboxEvents,
    tags: SEED_TAGS.length,
    hotThreadIds,
    busyHandle: `bench_u${busiest}`,
    ms: Date.now() - started,
  };
}
