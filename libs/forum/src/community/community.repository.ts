import { groupBy } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { QuestionEntity } from '../entities/question.entity';

/**
 * SQL shared by the writes that change me-too marks, run inside the caller's transaction.
 * INSERT IGNORE-style upserts keep one row per member and question. (Follows are libs/notifications'
 * table; the forum's writes reach them through `QuestionFollowsPort`.)
 */
@Injectable()
export class CommunityRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Members who marked 我也遇到了 on each question (questions nobody marked are absent), as plain ids:
   * libs/notifications tells them when a thread is solved. `m` reads inside the caller's transaction.
   */
  async meTooMembers(
    questionIds: readonly string[],
    m: EntityManager = this.db.manager,
  ): Promise<Map<string, string[]>> {
    if (questionIds.length === 0) return new Map();
    const rows: { user_id: string; question_id: string }[] = await m.query(
      'SELECT user_id, question_id FROM me_toos WHERE question_id IN (?)',
      [questionIds],
    );
    return groupBy(
      rows,
      (r) => String(r.question_id),
      (r) => String(r.user_id),
    );
  }

  async recountMeToos(m: EntityManager, questionId: string): Promise<number> {
    const [row] = await m.query('SELECT COUNT(*) AS n FROM me_toos WHERE question_id = ?', [questionId]);
    const count = Number(row.n);
    await m.update(QuestionEntity, { id: questionId }, { meTooCount: count });
    return count;
  }

  /**
   * Closing a duplicate moves its me-too marks to the canonical thread (its followers move through
   * `QuestionFollowsPort` in the same transaction); the duplicate's
   * asker has the same problem too. Members already on the canonical thread are not counted twice,
   * and the canonical thread's own asker never gets a me-too on their own question.
   */
  async mergeMeTooIntoCanonical(
    m: EntityManager,
    duplicate: Pick<QuestionEntity, 'id' | 'authorId'>,
    canonical: Pick<QuestionEntity, 'id' | 'authorId'>,
  ): Promise<void> {
    await m.query(
      `INSERT INTO me_toos (user_id, question_id, created_at)
       SELECT src.user_id, ?, src.created_at FROM me_toos src WHERE src.question_id = ? AND src.user_id <> ?
     ON DUPLICATE KEY UPDATE user_id = me_toos.user_id`,
      [canonical.id, duplicate.id, canonical.authorId],
    );
    if (duplicate.authorId !== canonical.authorId) {
      await m.query(
        'INSERT INTO me_toos (user_id, question_id) VALUES (?, ?) ON DUPLICATE KEY UPDATE user_id = user_id',
        [duplicate.authorId, canonical.id],
      );
    }
    await m.query('DELETE FROM me_toos WHERE question_id = ?', [duplicate.id]);
    await this.recountMeToos(m, duplicate.id);
    await this.recountMeToos(m, canonical.id);
  }
}
