import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { QuestionEntity } from '../entities/question.entity';

/**
 * SQL shared by the writes that change me-too marks, run inside the caller's transaction.
 * INSERT IGNORE-style upserts keep one row per member and question. (Follows are libs/notifications'
 * table; the forum's writes reach them through `QuestionFollowsPort`.)
 */
@Injectable()
export class CommunityRepository {
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
