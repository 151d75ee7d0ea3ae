import { Role, UsersService } from '@app/accounts';
import { OutboxRow, consumeAfterCursor, errorMessage } from '@app/core';
import { CommunityRepository, QuestionsRepository } from '@app/forum';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { NotificationBus, toMessage } from './notification-bus';
import { NotificationKind } from './notification.models';
import { Notice, OutboxRecord, needsFollowers, noticesFor, solvesThread } from './notification-rules';
import { FollowsRepository } from './follows/follows.repository';
import { NotificationsRepository } from './notifications.repository';

export const NOTIFICATIONS_CONSUMER = 'notifications';
const BATCH = 200;

export interface RelayResult {
  events: number;
  created: number;
}

/**
 * Turns outbox events into notifications, as a cursor consumer of the outbox (consumeAfterCursor in
 * libs/core). One transaction leases the cursor, reads the next events in id order, inserts their
 * notifications and moves the cursor: a crash anywhere rolls all of it back,
 * so every event is handled once, and the unique key (user, event, kind) makes even a replay harmless.
 * New rows are pushed to live subscribers only after the commit.
 */
@Injectable()
export class NotificationsRelay {
  private readonly logger = new Logger(NotificationsRelay.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly bus: NotificationBus,
    private readonly reader: NotificationsRepository,
    private readonly follows: FollowsRepository,
    private readonly questions: QuestionsRepository,
    private readonly community: CommunityRepository,
    private readonly users: UsersService,
  ) {}

  async runOnce(): Promise<RelayResult> {
    const done = await consumeAfterCursor(this.db, NOTIFICATIONS_CONSUMER, BATCH, (m, rows) =>
      this.processBatch(m, rows),
    );
    if (!done) return { events: 0, created: 0 };
    if (done.result.notices.length > 0) await this.publish(done.result.notices, done.fromId, done.toId);
    return { events: done.events.length, created: done.result.created };
  }

  get batchSize(): number {
    return BATCH;
  }

  private async processBatch(
    m: EntityManager,
    rows: OutboxRow[],
  ): Promise<{ created: number; notices: Notice[] }> {
    const events = rows.flatMap((r) => this.toRecord(r));
    const notices = await this.noticesOf(m, events);
    let created = 0;
    for (let i = 0; i < notices.length; i += 500) {
      const chunk = notices.slice(i, i + 500);
      const res = await m.query(
        `INSERT INTO notifications (user_id, kind, event_id, question_id, answer_id, actor_id) VALUES ?
         ON DUPLICATE KEY UPDATE id = id`,
        [chunk.map((n) => [n.userId, n.kind, n.eventId, n.questionId, n.answerId, n.actorId])],
      );
      created += Number(res.affectedRows ?? 0);
    }
    return { created, notices };
  }

  private toRecord(row: OutboxRow): OutboxRecord[] {
    if (row.aggregateType !== 'question') return [];
    try {
      const payload = JSON.parse(row.payload) as Record<string, unknown>;
      return [{ id: String(row.id), topic: row.topic, questionId: String(row.aggregateId), payload }];
    } catch {
      this.logger.warn(`outbox event ${row.id} has an unreadable payload: no notifications for it`);
      return [];
    }
  }

  /**
   * Followers and me-too members of every thread in the batch, whatever the batch: the follows are
   * ours, the me-too marks and the threads' facts come from the forum's repositories and the roles
   * from accounts (plain objects, read in this transaction; no SQL on another lib's tables).
   */
  private async noticesOf(m: EntityManager, events: OutboxRecord[]): Promise<Notice[]> {
    const followerQs = [...new Set(events.filter(needsFollowers).map((e) => e.questionId))];
    const solvedQs = [...new Set(events.filter(solvesThread).map((e) => e.questionId))];
    const allFollowers = await this.follows.followersOf(followerQs, m);
    const allMeToos = await this.community.meTooMembers(solvedQs, m);
    const facts = await this.questions.audienceFacts([...allFollowers.keys(), ...allMeToos.keys()], m);
    const members = new Set([...allFollowers.values(), ...allMeToos.values()].flat());
    const roles = await this.users.rolesOf([...members], m);
    // The visibility policy: nobody hears of a hidden thread but its author and moderators.
    const mayStillSee = (questionId: string, userId: string): boolean => {
      const q = facts.get(questionId);
      const role = roles.get(userId);
      if (!q || !role) return false;
      return !q.hidden || q.authorId === userId || role === Role.MODERATOR || role === Role.ADMIN;
    };
    const audienceOf = (groups: Map<string, string[]>) =>
      new Map([...groups].map(([q, users]) => [q, users.filter((u) => mayStillSee(q, u))]));
    const followers = audienceOf(allFollowers);
    const meToos = audienceOf(allMeToos);
    // A me-too member hears once that a thread is solved, however often it is solved again.
    const alreadyTold = await groupByQuestion(
      m,
      `SELECT user_id, question_id FROM notifications WHERE kind = '${NotificationKind.ME_TOO_SOLVED}' AND question_id IN (?)`,
      solvedQs,
    );
    const told = new Set([...alreadyTold].flatMap(([q, users]) => users.map((u) => `${u}:${q}`)));
    const audience = {
      followers: (q: string) => followers.get(q) ?? [],
      meToos: (q: string) => meToos.get(q) ?? [],
    };
    return events.flatMap((e) =>
      noticesFor(e, audience).filter((n) => {
        if (n.kind !== NotificationKind.ME_TOO_SOLVED) return true;
        const key = `${n.userId}:${n.questionId}`;
        if (told.has(key)) return false;
        told.add(key);
        return true;
      }),
    );
  }

  private async publish(notices: Notice[], fromId: string, toId: string): Promise<void> {
    try {
      const rows = await this.reader.createdBetween([...new Set(notices.map((n) => n.userId))], fromId, toId);
      for (const { userId, notification } of rows) await this.bus.publish(toMessage(userId, notification));
    } catch (err) {
      this.logger.warn(`new notifications not pushed: ${errorMessage(err)}`);
    }
  }
}

async function groupByQuestion(
  m: EntityManager,
  sql: string,
  questionIds: string[],
): Promise<Map<string, string[]>> {
  const groups = new Map<string, string[]>();
  if (questionIds.length === 0) return groups;
  const rows: { user_id: string; question_id: string }[] = await m.query(sql, [questionIds]);
  for (const r of rows) {
    const q = String(r.question_id);
    groups.set(q, [...(groups.get(q) ?? []), String(r.user_id)]);
  }
  return groups;
}
