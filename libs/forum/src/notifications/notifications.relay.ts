import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { NotificationBus, toMessage } from './notification-bus';
import { NotificationKind } from './notification.models';
import { Notice, OutboxRecord, needsFollowers, noticesFor, solvesThread } from './notification-rules';
import { NotificationsReader } from './notifications.reader';

export const NOTIFICATIONS_CONSUMER = 'notifications';
const BATCH = 200;
// A missing id below a newer event is a transaction still in flight (ids are taken at insert, rows
// appear at commit) or one rolled back. Wait for it this long before deciding it was rolled back.
const GAP_GRACE_SECONDS = 10;

export interface RelayResult {
  events: number;
  created: number;
}

interface EventRow {
  id: string;
  topic: string;
  aggregateType: string;
  aggregateId: string;
  payload: string;
  settled: string | number;
}

/**
 * Turns outbox events into notifications, as a second consumer of the outbox with a cursor of its
 * own (outbox_cursors). One transaction reads the cursor under a row lock, reads the next events in
 * id order, inserts their notifications and moves the cursor: a crash anywhere rolls all of it back,
 * so every event is handled once, and the unique key (user, event, kind) makes even a replay harmless.
 * New rows are pushed to live subscribers only after the commit.
 */
@Injectable()
export class NotificationsRelay {
  private readonly logger = new Logger(NotificationsRelay.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly bus: NotificationBus,
    private readonly reader: NotificationsReader,
  ) {}

  async runOnce(): Promise<RelayResult> {
    const done = await this.db.transaction('READ COMMITTED', (m) => this.processBatch(m));
    if (done.notices.length > 0) await this.publish(done.notices, done.fromId, done.toId);
    return { events: done.events, created: done.created };
  }

  get batchSize(): number {
    return BATCH;
  }

  private async processBatch(
    m: EntityManager,
  ): Promise<RelayResult & { notices: Notice[]; fromId: string; toId: string }> {
    const none = { events: 0, created: 0, notices: [], fromId: '0', toId: '0' };
    // SKIP LOCKED: while another instance works on a batch, this one simply has nothing to do.
    const [cursor] = await m.query(
      'SELECT last_event_id AS last FROM outbox_cursors WHERE consumer = ? FOR UPDATE SKIP LOCKED',
      [NOTIFICATIONS_CONSUMER],
    );
    if (!cursor) {
      // Normally seeded by the migration; if the row went missing, start from now, not from history.
      await m.query(
        `INSERT INTO outbox_cursors (consumer, last_event_id)
           SELECT ?, COALESCE(MAX(id), 0) FROM outbox_events
         ON DUPLICATE KEY UPDATE consumer = consumer`,
        [NOTIFICATIONS_CONSUMER],
      );
      return none;
    }
    const fromId = String(cursor.last);
    const rows: EventRow[] = await m.query(
      `SELECT id, topic, aggregate_type AS aggregateType, aggregate_id AS aggregateId, payload,
              created_at < NOW(3) - INTERVAL ? SECOND AS settled
         FROM outbox_events
        WHERE id > ?
        ORDER BY id
        LIMIT ?`,
      [GAP_GRACE_SECONDS, fromId, BATCH],
    );
    const ready = untilGap(fromId, rows);
    if (ready.length === 0) return none;
    const events = ready.flatMap((r) => this.toRecord(r));
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
    const toId = String(ready[ready.length - 1].id);
    await m.query('UPDATE outbox_cursors SET last_event_id = ? WHERE consumer = ?', [
      toId,
      NOTIFICATIONS_CONSUMER,
    ]);
    return { events: ready.length, created, notices, fromId, toId };
  }

  private toRecord(row: EventRow): OutboxRecord[] {
    if (row.aggregateType !== 'question') return [];
    try {
      const payload = JSON.parse(row.payload) as Record<string, unknown>;
      return [{ id: String(row.id), topic: row.topic, questionId: String(row.aggregateId), payload }];
    } catch {
      this.logger.warn(`outbox event ${row.id} has an unreadable payload: no notifications for it`);
      return [];
    }
  }

  /** Followers and me-too members of every thread in the batch: two queries, whatever the batch. */
  private async noticesOf(m: EntityManager, events: OutboxRecord[]): Promise<Notice[]> {
    const followerQs = [...new Set(events.filter(needsFollowers).map((e) => e.questionId))];
    const solvedQs = [...new Set(events.filter(solvesThread).map((e) => e.questionId))];
    // The visibility policy: nobody hears of a hidden thread but its author and moderators.
    const mayStillSee = `(q.hidden_at IS NULL OR q.author_id = x.user_id OR u.role IN ('MODERATOR', 'ADMIN'))`;
    const followers = await groupByQuestion(
      m,
      `SELECT x.user_id, x.question_id FROM question_follows x
         JOIN questions q ON q.id = x.question_id JOIN users u ON u.id = x.user_id
        WHERE x.question_id IN (?) AND ${mayStillSee}`,
      followerQs,
    );
    const meToos = await groupByQuestion(
      m,
      `SELECT x.user_id, x.question_id FROM me_toos x
         JOIN questions q ON q.id = x.question_id JOIN users u ON u.id = x.user_id
        WHERE x.question_id IN (?) AND ${mayStillSee}`,
      solvedQs,
    );
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
      this.logger.warn(`new notifications not pushed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

/** The events up to the first unsettled gap in the id sequence (see GAP_GRACE_SECONDS). */
export function untilGap<T extends { id: string; settled: string | number }>(fromId: string, rows: T[]): T[] {
  const out: T[] = [];
  let expected = BigInt(fromId) + 1n;
  for (const row of rows) {
    const id = BigInt(row.id);
    if (id !== expected && Number(row.settled) !== 1) break;
    out.push(row);
    expected = id + 1n;
  }
  return out;
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
