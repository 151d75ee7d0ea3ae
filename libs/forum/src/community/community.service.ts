import { Actor } from '@app/accounts';
import { AppError, RequestContext, inTransaction, parseId, writeOutbox } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { MeTooEntity } from '../entities/me-too.entity';
import { lockQuestion } from '../forum.locks';
import { requireVisibleQuestion } from '../moderation/visibility.policy';
import { Question } from '../models/question.model';
import { QuestionsRepository } from '../questions/questions.repository';
import { CommunityRepository } from './community.repository';
import { QuestionFollowsPort } from './question-follows.port';

export const COMMUNITY_EVENTS = {
  meToo: 'question.me_too',
  meTooWithdrawn: 'question.me_too_withdrawn',
} as const;

@Injectable()
export class CommunityService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly questions: QuestionsRepository,
    private readonly repository: CommunityRepository,
    private readonly follows: QuestionFollowsPort,
  ) {}

  /** Marks "我也遇到了" once per member (repeating it changes nothing); never on your own question. */
  async meToo(actor: Actor, questionIdRaw: string): Promise<Question> {
    const questionId = parseId(questionIdRaw, 'questionId');
    await inTransaction(this.db, async (m) => {
      const q = await lockQuestion(m, questionId);
      requireVisibleQuestion(actor, q);
      if (q.authorId === actor.id) throw AppError.forbidden('You asked this question yourself');
      if (q.duplicateOfId)
        throw AppError.conflict('This question is closed as a duplicate; mark the canonical thread');
      const res = await m.query(
        'INSERT INTO me_toos (user_id, question_id) VALUES (?, ?) ON DUPLICATE KEY UPDATE user_id = user_id',
        [actor.id, questionId],
      );
      if (res.affectedRows !== 1) return;
      await this.repository.recountMeToos(m, questionId);
      await this.follows.follow(m, actor.id, questionId);
      await writeOutbox(m, {
        topic: COMMUNITY_EVENTS.meToo,
        aggregateType: 'question',
        aggregateId: questionId,
        payload: { userId: actor.id },
      });
    });
    return this.questions.getOne(questionId);
  }

  async withdrawMeToo(actor: Actor, questionIdRaw: string): Promise<Question> {
    const questionId = parseId(questionIdRaw, 'questionId');
    await inTransaction(this.db, async (m) => {
      requireVisibleQuestion(actor, await lockQuestion(m, questionId));
      const res = await m.delete(MeTooEntity, { userId: actor.id, questionId });
      if (!res.affected) return;
      await this.repository.recountMeToos(m, questionId);
      await writeOutbox(m, {
        topic: COMMUNITY_EVENTS.meTooWithdrawn,
        aggregateType: 'question',
        aggregateId: questionId,
        payload: { userId: actor.id },
      });
    });
    return this.questions.getOne(questionId);
  }

  /** Per request: which of the loaded questions the viewer marked (one query). */
  viewerMeTooLoader(ctx: RequestContext, userId: string): DataLoader<string, boolean> {
    return ctx.loader('community.meToo', () => this.meTooLoader(userId));
  }

  private meTooLoader(userId: string): DataLoader<string, boolean> {
    return new DataLoader<string, boolean>(async (ids) => {
      const rows = await this.db.getRepository(MeTooEntity).find({
        where: { userId, questionId: In([...ids]) },
        select: { questionId: true },
      });
      const hit = new Set(rows.map((r) => r.questionId));
      return ids.map((id) => hit.has(id));
    });
  }
}
