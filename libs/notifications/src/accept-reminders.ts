import { Clock, inTransaction, writeOutbox } from '@app/core';
import { QuestionsRepository } from '@app/forum';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ACCEPT_REMINDER_EVENT } from './notification-rules';

export const ACCEPT_REMINDER_AFTER_MS = 3 * 86400000;
/** Candidates read from the forum per page (the ones already reminded are skipped here). */
const PAGE = 500;
/** Pages read per sweep at most; the next sweep goes on from where this one stopped. */
const MAX_PAGES = 4;

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
    private readonly questions: QuestionsRepository,
  ) {}

  /** Where the next sweep starts reading candidates (by id, in this process). */
  private resumeAfter = '0';

  async remindDue(limit = 100): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - ACCEPT_REMINDER_AFTER_MS);
    const due = await this.dueQuestions(cutoff, limit);
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

  /**
   * The forum's questions awaiting acceptance (read through QuestionsRepository, no SQL on forum
   * tables here) that were never reminded, by id. A sweep reads at most MAX_PAGES pages and the next
   * sweep goes on from there (wrapping to the start after the last page), so a forum with many old
   * unanswered-for threads costs each once-a-minute sweep a bounded read instead of a walk through
   * all of them: with fewer than MAX_PAGES × PAGE candidates (every test, most forums) each sweep
   * still sees them all; beyond that a due reminder waits at most a cycle (100k candidates: ~50 min on
   * top of the 3 days).
   */
  private async dueQuestions(cutoff: Date, limit: number): Promise<{ id: string; authorId: string }[]> {
    const due: { id: string; authorId: string }[] = [];
    const collected = new Set<string>();
    let after = this.resumeAfter;
    for (let pages = 0; due.length < limit && pages < MAX_PAGES; pages++) {
      const page = await this.questions.awaitingAcceptance(cutoff, after, PAGE);
      if (page.length > 0) {
        const rows: { question_id: string }[] = await this.db.query(
          'SELECT question_id FROM accept_reminders WHERE question_id IN (?)',
          [page.map((q) => q.id)],
        );
        const reminded = new Set(rows.map((r) => String(r.question_id)));
        for (const q of page) {
          if (reminded.has(q.id) || collected.has(q.id)) continue; // a wrapped sweep may read a page again
          collected.add(q.id);
          due.push(q);
        }
      }
      if (page.length < PAGE) {
        if (after === '0') break; // the whole list was read in this sweep
        after = '0'; // the end: the next page starts over
        continue;
      }
      after = page[page.length - 1].id;
    }
    const taken = due.slice(0, limit);
    // Resume after the last candidate handed out when the sweep stopped at the limit (the rest of
    // that page comes again next time), else where the reading stopped.
    this.resumeAfter = due.length > limit ? (taken.length > 0 ? taken[taken.length - 1].id : after) : after;
    return taken;
  }
}
