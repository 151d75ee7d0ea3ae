import { OfficialBadgeHooks } from '@app/accounts';
import { writeOutbox } from '@app/core';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AnswerEntity } from '../entities/answer.entity';
import {
  OfficialMarkChangeEntity,
  OfficialMarkChangeKind,
  OfficialMarkChangeReason,
} from '../entities/official-mark-change.entity';
import { QuestionEntity } from '../entities/question.entity';
import { refreshThreadState } from './thread-state';

/** The outbox topic of a removed official mark (ANSWER_EVENTS.unofficial). */
export const OFFICIAL_MARK_REMOVED = 'answer.unmarked_official';

/** Records one change of an answer's official mark (the history is append-only). */
export async function recordOfficialChange(
  m: EntityManager,
  a: Pick<AnswerEntity, 'id' | 'questionId' | 'authorId' | 'endorsedById' | 'verifiedAt'>,
  kind: OfficialMarkChangeKind,
  reason: OfficialMarkChangeReason,
  actorId: string | null,
): Promise<void> {
  await m.insert(OfficialMarkChangeEntity, {
    answerId: a.id,
    questionId: a.questionId,
    kind,
    reason,
    actorId,
    vouchedById: a.endorsedById ?? a.authorId,
    verifiedAt: a.verifiedAt,
  });
}

/** The columns that clear an answer's official mark. */
export const NOT_OFFICIAL = { isOfficial: false, endorsedById: null, endorsedAt: null, verifiedAt: null };

/**
 * Revoking an official badge takes the mark off every answer that stood on it: answers the account
 * wrote as official (not endorsed by someone else) and answers it endorsed. The history keeps who
 * vouched for each; every touched thread is recounted and re-indexed in the same transaction.
 */
@Injectable()
export class OfficialMarks implements OnModuleInit {
  constructor(private readonly hooks: OfficialBadgeHooks) {}

  onModuleInit(): void {
    this.hooks.onRevoked(async (m, userId, by) => {
      await this.removeMarksOf(m, userId, by);
    });
  }

  async removeMarksOf(m: EntityManager, userId: string, by: string | null): Promise<number> {
    const standing = () =>
      m
        .createQueryBuilder(AnswerEntity, 'a')
        .where('a.is_official = 1')
        .andWhere('((a.author_id = :u AND a.endorsed_by_id IS NULL) OR a.endorsed_by_id = :u)', {
          u: userId,
        });
    const peek = await standing().select(['a.id', 'a.questionId']).getMany();
    if (peek.length === 0) return 0;
    // Questions before answers, in id order: the lock order of every other write.
    const questionIds = [...new Set(peek.map((a) => a.questionId))].sort((x, y) =>
      Number(BigInt(x) - BigInt(y)),
    );
    const questions = await m
      .createQueryBuilder(QuestionEntity, 'q')
      .setLock('pessimistic_write')
      .where({ id: In(questionIds) })
      .orderBy('q.id', 'ASC')
      .getMany();
    const answers = await standing().setLock('pessimistic_write').orderBy('a.id', 'ASC').getMany();
    for (const a of answers) {
      await recordOfficialChange(
        m,
        a,
        OfficialMarkChangeKind.REMOVED,
        OfficialMarkChangeReason.BADGE_REVOKED,
        by,
      );
    }
    if (answers.length > 0) await m.update(AnswerEntity, { id: In(answers.map((a) => a.id)) }, NOT_OFFICIAL);
    for (const q of questions) await refreshThreadState(m, q);
    await writeOutbox(
      m,
      ...answers.map((a) => ({
        topic: OFFICIAL_MARK_REMOVED,
        aggregateType: 'question',
        aggregateId: a.questionId,
        payload: {
          answerId: a.id,
          by,
          answerAuthorId: a.authorId,
          reason: OfficialMarkChangeReason.BADGE_REVOKED,
        },
      })),
    );
    return answers.length;
  }
}
