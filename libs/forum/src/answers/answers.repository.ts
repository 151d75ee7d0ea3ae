import {
  MAX_PAGE_SIZE,
  Page,
  RequestContext,
  decodeIdCursor,
  encodeCursor,
  groupedLoader,
  keyedLoader,
  pageSize,
  selectWhereIn,
} from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { AnswerEntity } from '../entities/answer.entity';
import { toAnswer } from '../forum.mappers';
import { Answer } from '../models/answer.model';
import { ViewerAccess } from '../moderation/visibility.policy';

/** Read side of answers; each method is one SQL statement. */
@Injectable()
export class AnswersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  loader(ctx: RequestContext): DataLoader<string, Answer | null> {
    return ctx.loader('answers.byId', () =>
      keyedLoader<string, Answer>(
        async (ids) => (await selectWhereIn(this.db, AnswerEntity, 'id', ids)).map(toAnswer),
        (a) => a.id,
      ),
    );
  }

  /** All answers of each question (threads are ordered in memory by the thread rules). */
  byQuestionLoader(ctx: RequestContext): DataLoader<string, Answer[]> {
    return ctx.loader('answers.byQuestion', () =>
      groupedLoader<string, Answer>(
        async (ids) =>
          (await selectWhereIn(this.db, AnswerEntity, 'questionId', ids)).map(toAnswer),
        (a) => a.questionId,
      ),
    );
  }

  /** Official and accepted answers of these threads, not hidden: what a reply suggestion reuses. */
  async officialOrAccepted(questionIds: readonly string[]): Promise<Answer[]> {
    if (questionIds.length === 0) return [];
    const rows = await this.db
      .getRepository(AnswerEntity)
      .createQueryBuilder('a')
      .innerJoin('questions', 'q', 'q.id = a.question_id')
      .where('a.question_id IN (:...ids)', { ids: [...questionIds] })
      .andWhere('a.hidden_at IS NULL')
      .andWhere('(a.is_official = 1 OR q.accepted_answer_id = a.id)')
      .getMany();
    return rows.map(toAnswer);
  }

  async listByAuthor(
    authorId: string,
    first: number | undefined,
    after: string | undefined,
    access: ViewerAccess,
  ): Promise<Page<Answer>> {
    const size = pageSize(first, 20, MAX_PAGE_SIZE);
    const afterId = decodeIdCursor('a', after);
    const qb = this.db
      .getRepository(AnswerEntity)
      .createQueryBuilder('a')
      .where('a.author_id = :authorId', { authorId })
      .orderBy('a.id', 'DESC')
      .limit(size + 1);
    if (afterId) qb.andWhere('a.id < :afterId', { afterId });
    // The visibility policy in SQL: others never see a hidden answer or one on a hidden thread; the
    // author sees all their answers (a hidden thread only as a stub, see VisibilityService.threadOf).
    if (!access.isModerator && access.userId !== authorId) {
      qb.andWhere('a.hidden_at IS NULL').andWhere(
        'NOT EXISTS (SELECT 1 FROM questions hq WHERE hq.id = a.question_id AND hq.hidden_at IS NOT NULL)',
      );
    }
    const rows = await qb.getMany();
    const items = rows.slice(0, size).map(toAnswer);
    return { items, cursors: items.map((a) => encodeCursor('a', a.id)), hasNextPage: rows.length > size };
  }
}
