import { Actor, AuthService, UserEntity, UsersService, toActor } from '@app/accounts';
import { AppConfig, writeOutbox } from '@app/core';
import {
  AnswersService,
  DeskService,
  PostType,
  QuestionsRepository,
  QuestionsService,
  SupportChannelKind,
  VoteValue,
  VotesService,
} from '@app/forum';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DEMO_LOGINS, DEMO_PASSWORD, DEMO_THREADS, DEMO_USERS } from './data/demo-data';
import { DemoAnswer, DemoHandle, DemoThread, DemoUser } from './data/demo-types';
import {
  DESK_CANNED_REPLIES,
  DESK_CATEGORIES,
  DESK_CLAIM,
  DESK_HANDOFF,
  DESK_ME_TOOS,
} from './data/desk-backlog';

export interface DemoLogin {
  what: string;
  handle: string;
  password: string;
}

export interface DemoSeedReport {
  usersCreated: number;
  threadsCreated: number;
  /** Threads that already existed (same author and title) and were left alone. */
  threadsSkipped: number;
  answersCreated: number;
  logins: DemoLogin[];
  elapsedMs: number;
}

export class DemoSeedRefusedError extends Error {}

/**
 * Fills a development database with the demo community, through the same services the API uses, so
 * every write also stores its outbox row and the search relay indexes the threads like any other.
 * Idempotent: users are matched by handle and threads by author and title; what exists is skipped.
 */
@Injectable()
export class DemoSeeder {
  constructor(
    private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly questions: QuestionsService,
    private readonly questionsReader: QuestionsRepository,
    private readonly answers: AnswersService,
    private readonly votes: VotesService,
    private readonly desk: DeskService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async seed(): Promise<DemoSeedReport> {
    // Demo accounts have a published password and one of them is a moderator: never in production.
    if (this.config.isProduction) {
      throw new DemoSeedRefusedError('Refusing to seed demo data with NODE_ENV=production');
    }
    const started = Date.now();
    const { actors, created } = await this.ensureUsers();
    const existing = await this.existingThreads([...actors.values()].map((a) => a.id));
    const ids = new Map<string, string>();
    const report = { usersCreated: created, threadsCreated: 0, threadsSkipped: 0, answersCreated: 0 };
    const actor = (handle: DemoHandle): Actor => actors.get(handle) as Actor;

    const fresh: DemoThread[] = [];
    for (const thread of DEMO_THREADS) {
      const found = existing.get(threadKey(actor(thread.by).id, thread.title));
      if (found) {
        ids.set(thread.key, found);
        report.threadsSkipped++;
        continue;
      }
      ids.set(thread.key, await this.createThread(thread, actor));
      report.threadsCreated++;
      report.answersCreated += thread.answers.length;
      fresh.push(thread);
    }
    // Duplicates are closed last, when every canonical thread exists.
    for (const thread of fresh) {
      if (!thread.duplicateOf) continue;
      const canonical = ids.get(thread.duplicateOf.key);
      if (!canonical)
        throw new Error(`Demo thread ${thread.key} points at unknown ${thread.duplicateOf.key}`);
      await this.questions.closeAsDuplicate(
        actor(thread.duplicateOf.closedBy),
        ids.get(thread.key) as string,
        canonical,
      );
    }
    await this.seedDesk(ids, actor);
    const logins = DEMO_LOGINS.map((l) => ({ what: l.what, handle: l.handle, password: DEMO_PASSWORD }));
    return { ...report, logins, elapsedMs: Date.now() - started };
  }

  /** The official desk's backlog (see desk-backlog.ts); each part only when it is not there yet. */
  private async seedDesk(ids: Map<string, string>, actor: (h: DemoHandle) => Actor): Promise<void> {
    const id = (key: string): string => {
      const found = ids.get(key);
      if (!found) throw new Error(`Desk backlog names unknown demo thread ${key}`);
      return found;
    };
    for (const [key, category] of Object.entries(DESK_CATEGORIES)) {
      await this.db.query('UPDATE questions SET category_key = ? WHERE id = ? AND category_key IS NULL', [
        category,
        id(key),
      ]);
    }
    for (const [key, handles] of Object.entries(DESK_ME_TOOS)) {
      const questionId = id(key);
      for (const h of handles) {
        await this.db.query(
          'INSERT INTO me_toos (user_id, question_id) VALUES (?, ?) ON DUPLICATE KEY UPDATE user_id = user_id',
          [actor(h).id, questionId],
        );
      }
      await this.db.query(
        'UPDATE questions SET me_too_count = (SELECT COUNT(*) FROM me_toos WHERE question_id = ?) WHERE id = ?',
        [questionId, questionId],
      );
    }
    const [{ n }] = await this.db.query('SELECT COUNT(*) AS n FROM canned_replies');
    if (Number(n) === 0) {
      for (const c of DESK_CANNED_REPLIES) await this.desk.createCanned(actor('alipay_support'), c);
    }
    const [claimed] = await this.db.query('SELECT 1 FROM desk_claims WHERE question_id = ?', [
      id(DESK_CLAIM.thread),
    ]);
    if (!claimed) await this.desk.claim(actor(DESK_CLAIM.by), id(DESK_CLAIM.thread));
    const handoffThread = id(DESK_HANDOFF.thread);
    const [handed] = await this.db.query('SELECT 1 FROM desk_handoffs WHERE question_id = ?', [
      handoffThread,
    ]);
    if (!handed) {
      await this.desk.handOff(
        actor(DESK_HANDOFF.by),
        handoffThread,
        DESK_HANDOFF.reason,
        SupportChannelKind.IN_APP,
      );
    }
  }

  private async ensureUsers(): Promise<{ actors: Map<DemoHandle, Actor>; created: number }> {
    const actors = new Map<DemoHandle, Actor>();
    const mismatched: string[] = [];
    let created = 0;
    for (const demo of DEMO_USERS) {
      let user = await this.users.findByHandle(demo.handle);
      if (user) {
        // Never grant a role or a badge to an account the seeder did not create: the handle could
        // belong to a real person. A demo that cannot run as written stops here instead.
        if (!matches(user, demo)) mismatched.push(demo.handle);
      } else {
        user = await this.createUser(demo);
        created++;
      }
      actors.set(demo.handle, toActor(user));
    }
    if (mismatched.length > 0) {
      throw new DemoSeedRefusedError(
        `Demo handles already belong to accounts with another role or badge: ${mismatched.join(', ')}`,
      );
    }
    return { actors, created };
  }

  private async createUser(demo: DemoUser): Promise<UserEntity> {
    // Members cannot register names such as 支付宝官方客服: official accounts register under a
    // neutral name and get their own with the badge, the admin path.
    const { user } = await this.auth.register({
      handle: demo.handle,
      password: DEMO_PASSWORD,
      displayName: demo.officialLabel ? '演示账号' : demo.displayName,
    });
    let result = user;
    if (demo.role !== result.role) result = await this.users.setRole('system', result.id, demo.role);
    if (demo.officialLabel) {
      result = await this.users.grantOfficialBadge('system', result.id, demo.officialLabel, {
        displayName: demo.displayName,
      });
    }
    return result;
  }

  /** Threads the demo authors already wrote, keyed by author and title. */
  private async existingThreads(authorIds: string[]): Promise<Map<string, string>> {
    const rows = await this.questionsReader.titlesByAuthors(authorIds);
    return new Map(rows.map((q) => [threadKey(q.authorId, q.title), q.id]));
  }

  private async createThread(thread: DemoThread, actor: (h: DemoHandle) => Actor): Promise<string> {
    const asker = actor(thread.by);
    const question = await this.questions.ask(asker, {
      title: thread.title,
      body: thread.body,
      tags: thread.tags,
    });
    if (thread.category) await this.setCategory(question.id, thread.category);
    for (const demo of thread.answers) await this.createAnswer(question.id, asker, demo, actor);
    await this.vote(PostType.QUESTION, question.id, thread, actor);
    return question.id;
  }

  /**
   * Files a demo thread under its template category. Asking with a category requires its template's
   * details, which the demo threads tell in their bodies instead; so the seeder sets the key itself,
   * with an outbox row in the same transaction so the search relay re-indexes the thread with it.
   */
  private async setCategory(questionId: string, category: string): Promise<void> {
    await this.db.transaction(async (m) => {
      await m.query('UPDATE questions SET category_key = ? WHERE id = ?', [category, questionId]);
      await writeOutbox(m, {
        topic: 'demo.category_set',
        aggregateType: 'question',
        aggregateId: questionId,
      });
    });
  }

  private async createAnswer(
    questionId: string,
    asker: Actor,
    demo: DemoAnswer,
    actor: (h: DemoHandle) => Actor,
  ): Promise<void> {
    const answer = await this.answers.post(actor(demo.by), { questionId, body: demo.body });
    if (demo.endorsedBy) await this.answers.markOfficial(actor(demo.endorsedBy), answer.id);
    if (demo.accepted) await this.answers.accept(asker, answer.id);
    await this.vote(PostType.ANSWER, answer.id, demo, actor);
  }

  private async vote(
    targetType: PostType,
    targetId: string,
    votes: { up?: DemoHandle[]; down?: DemoHandle[] },
    actor: (h: DemoHandle) => Actor,
  ): Promise<void> {
    const service = this.votes;
    for (const handle of votes.up ?? []) {
      await service.vote(actor(handle), { targetType, targetId, value: VoteValue.UP });
    }
    for (const handle of votes.down ?? []) {
      await service.vote(actor(handle), { targetType, targetId, value: VoteValue.DOWN });
    }
  }
}

function threadKey(authorId: string, title: string): string {
  return `${authorId}\u0000${title}`;
}

function matches(user: UserEntity, demo: DemoUser): boolean {
  return user.role === demo.role && (user.officialLabel !== null) === Boolean(demo.officialLabel);
}

/** Lines for a terminal or a log: what was created and how to sign in. */
export function describeDemoSeed(report: DemoSeedReport): string[] {
  const lines = [
    report.threadsCreated === 0 && report.usersCreated === 0
      ? `Demo data already present (${report.threadsSkipped} threads); nothing created.`
      : `Demo data: ${report.usersCreated} users, ${report.threadsCreated} threads, ` +
        `${report.answersCreated} answers created in ${(report.elapsedMs / 1000).toFixed(1)} s` +
        (report.threadsSkipped > 0 ? ` (${report.threadsSkipped} threads already there)` : '') +
        '.',
    'Demo logins (demo-only password, never use these accounts in production):',
  ];
  for (const l of report.logins) lines.push(`  ${l.what.padEnd(17)} ${l.handle.padEnd(16)} ${l.password}`);
  return lines;
}
