import { AppConfig, Clock, inTransaction, writeOutbox, errorMessage } from '@app/core';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DESK_NOTICE_EVENT } from './desk.audit';

const SWEEP_EVERY_MS = 60000;

/**
 * The desk's clockwork: records each thread's first official response (the first answer that was
 * official when posted, or the first endorsement), and reminds before a first-response target is
 * breached — the holder of the thread, or every official account when nobody holds it. One reminder
 * per thread, ever: the desk_reminders row and the outbox row share a transaction.
 */
@Injectable()
export class DeskSweep implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('DeskSweep');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.get('NOTIFICATIONS_RELAY') !== 'on') return;
    this.timer = setInterval(() => void this.runOnce(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async runOnce(): Promise<void> {
    try {
      await this.recordFirstResponses();
      await this.remindDue();
    } catch (err) {
      this.logger.warn(`desk sweep failed: ${errorMessage(err)}`);
    }
  }

  /** Records first official responses not recorded yet (idempotent: the thread is the key). */
  async recordFirstResponses(): Promise<number> {
    const res = await this.db.query(
      `INSERT INTO desk_first_responses (question_id, responded_at, answer_id, responder_id, seconds, target_minutes)
       SELECT x.question_id, x.at, x.id, x.responder, GREATEST(0, TIMESTAMPDIFF(SECOND, q.created_at, x.at)),
              COALESCE(t.first_response_minutes, ?)
         FROM (SELECT a.question_id, a.id, COALESCE(a.endorsed_at, a.created_at) AS at,
                      COALESCE(a.endorsed_by_id, a.author_id) AS responder,
                      ROW_NUMBER() OVER (PARTITION BY a.question_id ORDER BY COALESCE(a.endorsed_at, a.created_at), a.id) AS rn
                 FROM answers a
                WHERE a.is_official = 1
                  AND NOT EXISTS (SELECT 1 FROM desk_first_responses f WHERE f.question_id = a.question_id)) x
         JOIN questions q ON q.id = x.question_id
         LEFT JOIN desk_targets t ON t.category_key = q.category_key
        WHERE x.rn = 1
       ON DUPLICATE KEY UPDATE question_id = desk_first_responses.question_id`,
      [this.config.get('DESK_DEFAULT_TARGET_MINUTES')],
    );
    return Number(res.affectedRows ?? 0);
  }

  /** Threads inside their reminder window (before the target, not after): one reminder each. */
  async remindDue(limit = 200): Promise<number> {
    const now = this.clock.now();
    const idleCutoff = new Date(now.getTime() - this.config.get('DESK_CLAIM_IDLE_MINUTES') * 60000);
    const target = 'COALESCE(t.first_response_minutes, ?)';
    const remind = 'COALESCE(t.remind_before_minutes, 60)';
    const def = this.config.get('DESK_DEFAULT_TARGET_MINUTES');
    const due: { id: string; holder: string | null }[] = await this.db.query(
      `SELECT q.id, c.user_id AS holder
         FROM questions q
         LEFT JOIN desk_targets t ON t.category_key = q.category_key
         LEFT JOIN desk_claims c ON c.question_id = q.id AND c.last_activity_at > ?
        WHERE q.status = 'OPEN' AND q.official_answer_count = 0 AND q.hidden_at IS NULL AND q.duplicate_of_id IS NULL
          AND NOT EXISTS (SELECT 1 FROM desk_handoffs h WHERE h.open_question_id = q.id)
          AND NOT EXISTS (SELECT 1 FROM desk_reminders r WHERE r.question_id = q.id)
          AND DATE_ADD(q.created_at, INTERVAL (${target} - ${remind}) MINUTE) <= ?
          AND DATE_ADD(q.created_at, INTERVAL ${target} MINUTE) > ?
        ORDER BY q.id
        LIMIT ?`,
      [idleCutoff, def, now, def, now, limit],
    );
    if (due.length === 0) return 0;
    let officials: string[] | null = null;
    let written = 0;
    for (const row of due) {
      const questionId = String(row.id);
      let recipients: string[];
      if (row.holder !== null) recipients = [String(row.holder)];
      else {
        officials ??= (
          await this.db.query('SELECT id FROM users WHERE official_label IS NOT NULL ORDER BY id')
        ).map((u: { id: string }) => String(u.id));
        recipients = officials as string[];
      }
      written += await inTransaction(this.db, async (m) => {
        const res = await m.query(
          `INSERT INTO desk_reminders (question_id, sent_at, recipient_count) VALUES (?, ?, ?)
           ON DUPLICATE KEY UPDATE question_id = question_id`,
          [questionId, now, recipients.length],
        );
        if (res.affectedRows !== 1) return 0;
        await writeOutbox(m, {
          topic: DESK_NOTICE_EVENT,
          aggregateType: 'question',
          aggregateId: questionId,
          payload: { kind: 'DESK_TARGET_REMINDER', recipients, actorId: null },
        });
        return 1;
      });
    }
    return written;
  }
}
