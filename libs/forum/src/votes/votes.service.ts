import { Actor } from '@app/accounts';
import { AppError, RequestContext, inTransaction, parseId, writeOutbox } from '@app/core';
import DataLoader from 'dataloader';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { VoteInput } from '../dto/forum.inputs';
import { AnswerEntity } from '../entities/answer.entity';
import { QuestionEntity } from '../entities/question.entity';
import { VoteEntity } from '../entities/vote.entity';
import { lockAnswer, lockQuestion } from '../forum.locks';
import { requireVisibleAnswer, requireVisibleQuestion } from '../moderation/visibility.policy';
import { voteNumber, voteValue } from '../forum.rules';
import { VoteResult } from '../models/answer.model';
import { PostType, VoteValue } from '../models/enums';

export const VOTE_EVENT = 'post.voted';

@Injectable()
export class VotesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The viewer's votes on posts of one type, batched per request (one query for a whole thread). */
  viewerVoteLoader(ctx: RequestContext, userId: string, targetType: PostType): DataLoader<string, VoteValue> {
    return ctx.loader(`votes.viewer.${targetType}`, () =>
      new DataLoader<string, VoteValue>(async (ids) => {
        const rows = await this.db.getRepository(VoteEntity).find({
          where: { userId, targetType, targetId: In([...ids]) },
          select: { targetId: true, value: true },
        });
        const byId = new Map(rows.map((r) => [String(r.targetId), voteValue(r.value)]));
        return ids.map((id) => byId.get(id) ?? VoteValue.NONE);
      }),
    );
  }

  /** One vote per user and post, changeable (NONE withdraws); the post's row lock serialises racing votes. */
  async vote(actor: Actor, input: VoteInput): Promise<VoteResult> {
    const targetId = parseId(input.targetId, 'targetId');
    const value = voteNumber(input.value);
    return inTransaction(this.db, async (m) => {
      const post =
        input.targetType === PostType.QUESTION
          ? await lockQuestion(m, targetId)
          : await lockAnswer(m, targetId);
      if (post instanceof AnswerEntity) {
        const thread = await m.findOne(QuestionEntity, {
          where: { id: post.questionId },
          select: { id: true, authorId: true, hiddenAt: true },
        });
        if (!thread) throw AppError.notFound('Answer', targetId);
        requireVisibleAnswer(actor, post, thread);
      } else requireVisibleQuestion(actor, post);
      if (post.authorId === actor.id) throw AppError.forbidden('You cannot vote on your own post');
      const existing = await m.findOneBy(VoteEntity, {
        userId: actor.id,
        targetType: input.targetType,
        targetId,
      });
      const delta = value - (existing?.value ?? 0);
      if (value === 0 && existing) await m.delete(VoteEntity, { id: existing.id });
      else if (existing && delta !== 0) await m.update(VoteEntity, { id: existing.id }, { value });
      else if (!existing && value !== 0) {
        await m.insert(VoteEntity, { userId: actor.id, targetType: input.targetType, targetId, value });
      }
      const score = post.score + delta;
      if (delta !== 0) {
        const entity = input.targetType === PostType.QUESTION ? QuestionEntity : AnswerEntity;
        await m.update(entity, { id: targetId }, { score });
        const questionId = post instanceof AnswerEntity ? post.questionId : post.id;
        await writeOutbox(m, {
          topic: VOTE_EVENT,
          aggregateType: 'question',
          aggregateId: questionId,
          payload: { targetType: input.targetType, targetId, score },
        });
      }
      return { targetType: input.targetType, targetId, value: voteValue(value), score };
    });
  }
}
