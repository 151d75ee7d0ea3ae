import { pageSize } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { QuestionStatus } from '../models/enums';
import { Question } from '../models/question.model';
import { toQuestion } from '../forum.mappers';
import { QuestionsRepository } from '../questions/questions.repository';

/**
 * Threads for a member from what they asked about and marked 我也遇到了: the tags and categories of
 * those questions. Solved threads first, newest first within; never their own, hidden, closed or
 * already me-too'd threads. Two SQL statements: the ids, then the rows.
 */
@Injectable()
export class RecommendationsRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly questions: QuestionsRepository,
  ) {}

  async forUser(userId: string, first: number | null | undefined): Promise<Question[]> {
    const size = pageSize(first, 10, 50);
    // "Interesting" questions: the member's own and the ones they marked me-too.
    const mine = `SELECT q2.id FROM questions q2 WHERE q2.author_id = ?
                  UNION SELECT mt.question_id FROM me_toos mt WHERE mt.user_id = ?`;
    const rows: { id: string }[] = await this.db.query(
      `SELECT q.id
         FROM questions q
        WHERE q.author_id <> ?
          AND q.hidden_at IS NULL
          AND q.status <> ?
          AND NOT EXISTS (SELECT 1 FROM me_toos own WHERE own.question_id = q.id AND own.user_id = ?)
          AND (
            EXISTS (SELECT 1 FROM question_tags qt
                     WHERE qt.question_id = q.id
                       AND qt.tag_id IN (SELECT it.tag_id FROM question_tags it WHERE it.question_id IN (${mine})))
            OR q.category_key IN (SELECT ic.category_key FROM questions ic
                                   WHERE ic.id IN (${mine}) AND ic.category_key IS NOT NULL)
          )
        ORDER BY q.status = ? DESC, q.id DESC
        LIMIT ?`,
      [userId, QuestionStatus.CLOSED, userId, userId, userId, userId, userId, QuestionStatus.SOLVED, size],
    );
    const ids = rows.map((r) => String(r.id));
    const byId = new Map((await this.questions.findByIds(ids)).map((q) => [q.id, q]));
    return ids.flatMap((id) => {
      const q = byId.get(id);
      return q ? [toQuestion(q)] : [];
    });
  }
}
