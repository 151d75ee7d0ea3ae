import { groupBy } from '@app/core';
import { QuestionFollowsPort } from '@app/forum';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In } from 'typeorm';
import { FollowEntity } from '../entities/follow.entity';

/**
 * The question_follows table: who follows which question. Upserts keep one row per member and
 * question. Also the forum's `QuestionFollowsPort`, for the follows its writes make in their own
 * transaction.
 */
@Injectable()
export class FollowsRepository extends QuestionFollowsPort {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async follow(m: EntityManager, userId: string, questionId: string): Promise<void> {
    await m.query(
      'INSERT INTO question_follows (user_id, question_id) VALUES (?, ?) ON DUPLICATE KEY UPDATE user_id = user_id',
      [userId, questionId],
    );
  }

  async moveFollowers(m: EntityManager, fromQuestionId: string, toQuestionId: string): Promise<void> {
    await m.query(
      `INSERT INTO question_follows (user_id, question_id, created_at)
         SELECT src.user_id, ?, src.created_at FROM question_follows src WHERE src.question_id = ?
       ON DUPLICATE KEY UPDATE user_id = question_follows.user_id`,
      [toQuestionId, fromQuestionId],
    );
  }

  /** Follows outside any transaction (the follow mutation). */
  async add(userId: string, questionId: string): Promise<void> {
    await this.follow(this.db.manager, userId, questionId);
  }

  async unfollow(userId: string, questionId: string): Promise<void> {
    await this.db.getRepository(FollowEntity).delete({ userId, questionId });
  }

  /** Followers of each question (questions nobody follows are absent). */
  async followersOf(
    questionIds: readonly string[],
    m: EntityManager = this.db.manager,
  ): Promise<Map<string, string[]>> {
    if (questionIds.length === 0) return new Map();
    const rows: { user_id: string; question_id: string }[] = await m.query(
      'SELECT user_id, question_id FROM question_follows WHERE question_id IN (?)',
      [questionIds],
    );
    return groupBy(
      rows,
      (r) => String(r.question_id),
      (r) => String(r.user_id),
    );
  }

  /** Which of the given questions the user follows, batched (one query per batch). */
  followingLoader(userId: string): DataLoader<string, boolean> {
    return new DataLoader<string, boolean>(async (ids) => {
      const rows = await this.db.getRepository(FollowEntity).find({
        where: { userId, questionId: In([...ids]) },
        select: { questionId: true },
      });
      const hit = new Set(rows.map((r) => r.questionId));
      return ids.map((id) => hit.has(id));
    });
  }
}
