import { Clock, inTransaction, writeOutbox } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ACCEPT_REMINDER_EVENT } from './notification-rules';

export const ACCEPT_REMINDER_AFTER_MS = 3 * 86400000;

/**
 * Finds questions with answers but none accepted 3 days after the first answer (by someone other than
 * the asker) and writes one reminder event per question, ever: the accept_reminders row and the
 * outbox row share a transaction, and the row's primary key keeps racing instances to one reminder.
 */
@Injectable()
export class AcceptReminders {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async remindDue(limit = 100): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - ACCEPT_REMINDER_AFTER_MS);
    const due: { id: string; authorId: string }[] = await this.db.query(
      `SELECT q.id AS id, q.author_id AS authorId
         FROM questions q
         INNER JOIN answers a ON a.question_id = q.id AND a.hidden_at IS NULL AND a.author_id <> q.author_id
        WHERE q.accepted_answer_id IS NULL AND q.duplicate_of_id IS NULL AND q.hidden_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM accept_reminders r WHERE r.question_id = q.id)
        GROUP BY q.id, q.author_id
       HAVING MIN(a.created_at) <= ?
        ORDER BY q.id
        LIMIT ?`,
      [cutoff, limit],
    );
    let written = 0;
    for (const q of due) {
      const questionId = String(q.id);
      written += await inTransaction(this.db, async (m) => {
        const res = await m.query(
          'INSERT INTO accept_reminders (question_id) VALUES (?) ON DUPLICATE KEY UPDATE question_id = question_id',
          [questionId],
        );
        if (res.affectedRows !== 1) return 0;
        await writeOutbox(m, {
          topic: ACCEPT_REMINDER_EVENT,
          aggregateType: 'question',
          aggregateId: questionId,
          payload: { askerId: String(q.authorId) },
        });
        return 1;
      });
    }
    return written;
  }
}
