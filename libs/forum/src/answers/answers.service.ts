import { Actor, isModerator } from '@app/accounts';
import { AppError, Clock, inTransaction, parseId, writeOutbox } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EditAnswerInput, PostAnswerInput } from '../dto/forum.inputs';
import { AnswerEntity } from '../entities/answer.entity';
import { PostRevisionEntity } from '../entities/post-revision.entity';
import { QuestionEntity } from '../entities/question.entity';
import { toAnswer } from '../forum.mappers';
import { lockAnswer, lockQuestion } from '../forum.locks';
import { QuestionsRepository } from '../questions/questions.repository';
import {
  cleanBody,
  officialMarkAfterEdit,
  requireAuthorOrModerator,
  requireOfficialOrModerator,
} from '../forum.rules';
import { OfficialMarkChangeKind, OfficialMarkChangeReason } from '../entities/official-mark-change.entity';
import { NOT_OFFICIAL, OFFICIAL_MARK_REMOVED, recordOfficialChange } from '../official/official-marks';
import { refreshThreadState } from '../official/thread-state';
import {
  canSeeQuestion,
  accessOf,
  requireVisibleAnswer,
  requireVisibleQuestion,
} from '../moderation/visibility.policy';
import { Answer } from '../models/answer.model';
import { PostType } from '../models/enums';
import { MaskedPersonalData, maskField } from '../privacy/masked-personal-data.model';
import { Question } from '../models/question.model';
import { IdempotentWrite } from '../entities/idempotency-key.entity';
import { idempotentRequest, inIdempotentTransaction } from '../idempotency/idempotency';
import { AttachmentsRepository } from '../attachments/attachments.repository';
import { AttachmentTarget } from '../attachments/attachment.entity';

export const ANSWER_EVENTS = {
  posted: 'answer.posted',
  edited: 'answer.edited',
  accepted: 'answer.accepted',
  unaccepted: 'answer.unaccepted',
  official: 'answer.marked_official',
  unofficial: OFFICIAL_MARK_REMOVED,
  reverified: 'answer.reverified',
} as const;

@Injectable()
export class AnswersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly questions: QuestionsRepository,
    private readonly attachments: AttachmentsRepository,
    private readonly clock: Clock,
  ) {}

  async post(actor: Actor, input: PostAnswerInput): Promise<Answer> {
    const questionId = parseId(input.questionId, 'questionId');
    const masked: MaskedPersonalData[] = [];
    const body = maskField('body', cleanBody(input.body), masked);
    const sourceQuestionId = this.suggestionSource(input.fromSuggestionQuestionId, questionId);
    const once = idempotentRequest(actor.id, IdempotentWrite.ANSWER, input.idempotencyKey, [
      input.questionId,
      input.body,
      input.fromSuggestionQuestionId,
      input.attachmentIds,
    ]);
    const id = await inIdempotentTransaction(this.db, once, async (m) => {
      const q = await lockQuestion(m, questionId);
      requireVisibleQuestion(actor, q);
      if (q.duplicateOfId)
        throw AppError.conflict('This question is closed as a duplicate; answer the canonical thread');
      if (sourceQuestionId) {
        const source = await m.findOne(QuestionEntity, {
          where: { id: sourceQuestionId },
          select: { id: true, authorId: true, hiddenAt: true },
        });
        if (!source || !canSeeQuestion(accessOf(actor), source)) {
          throw AppError.badInput('fromSuggestionQuestionId names no question', 'fromSuggestionQuestionId');
        }
      }
      const isOfficial = actor.isOfficial;
      const { identifiers } = await m.insert(AnswerEntity, {
        questionId,
        authorId: actor.id,
        body,
        sourceQuestionId,
        isOfficial,
        verifiedAt: isOfficial ? this.clock.now() : null,
      });
      const answerId = String(identifiers[0].id);
      await this.attachments.attachToPost(
        m,
        actor.id,
        AttachmentTarget.ANSWER,
        answerId,
        input.attachmentIds,
        this.clock.now(),
      );
      q.answerCount += 1;
      await refreshThreadState(m, q);
      await writeOutbox(m, {
        topic: ANSWER_EVENTS.posted,
        aggregateType: 'question',
        aggregateId: questionId,
        payload: { answerId, authorId: actor.id, isOfficial },
      });
      return answerId;
    });
    return { ...(await this.load(id)), maskedPersonalData: masked };
  }

  async edit(actor: Actor, input: EditAnswerInput): Promise<Answer> {
    const id = parseId(input.id);
    const masked: MaskedPersonalData[] = [];
    const body = maskField('body', cleanBody(input.body), masked);
    await inTransaction(this.db, async (m) => {
      const peek = await m.findOne(AnswerEntity, { where: { id }, select: { id: true, questionId: true } });
      if (!peek) throw AppError.notFound('Answer', id);
      // Question first, then answer (the lock order of every write): the edit may change the thread.
      const q = await lockQuestion(m, peek.questionId);
      const a = await lockAnswer(m, id);
      requireVisibleAnswer(actor, a, q);
      requireAuthorOrModerator(actor, a.authorId, 'edit this answer');
      await this.attachments.attachToPost(
        m,
        actor.id,
        AttachmentTarget.ANSWER,
        id,
        input.attachmentIds,
        this.clock.now(),
        true,
      );
      await m.insert(PostRevisionEntity, {
        targetType: PostType.ANSWER,
        targetId: id,
        editorId: actor.id,
        title: null,
        body: a.body,
        tags: null,
      });
      const mark = officialMarkAfterEdit(a, actor);
      if (mark === 'drop') {
        // The badge vouched for the old text, not for this one: off until someone endorses it again.
        await recordOfficialChange(
          m,
          a,
          OfficialMarkChangeKind.REMOVED,
          OfficialMarkChangeReason.EDITED,
          actor.id,
        );
        await m.update(AnswerEntity, { id }, { body, ...NOT_OFFICIAL });
        await refreshThreadState(m, q);
      } else {
        await m.update(
          AnswerEntity,
          { id },
          mark === 'refresh' ? { body, verifiedAt: this.clock.now() } : { body },
        );
      }
      await writeOutbox(
        m,
        {
          topic: ANSWER_EVENTS.edited,
          aggregateType: 'question',
          aggregateId: a.questionId,
          payload: { answerId: id },
        },
        ...(mark === 'drop'
          ? [
              {
                topic: ANSWER_EVENTS.unofficial,
                aggregateType: 'question',
                aggregateId: a.questionId,
                payload: {
                  answerId: id,
                  by: actor.id,
                  answerAuthorId: a.authorId,
                  reason: OfficialMarkChangeReason.EDITED,
                },
              },
            ]
          : []),
      );
    });
    return { ...(await this.load(id)), maskedPersonalData: masked };
  }

  /** Accepts an answer, replacing any earlier one. The question row lock serialises racing accepts. */
  async accept(actor: Actor, answerIdRaw: string): Promise<Question> {
    const answerId = parseId(answerIdRaw, 'answerId');
    const questionId = await inTransaction(this.db, async (m) => {
      const answer = await m.findOneBy(AnswerEntity, { id: answerId });
      if (!answer) throw AppError.notFound('Answer', answerId);
      const q = await lockQuestion(m, answer.questionId);
      requireVisibleAnswer(actor, answer, q);
      this.requireAsker(actor, q);
      if (q.acceptedAnswerId === answerId) return q.id;
      const previous = q.acceptedAnswerId;
      q.acceptedAnswerId = answerId;
      await m.update(
        QuestionEntity,
        { id: q.id },
        { acceptedAnswerId: answerId, acceptedAt: this.clock.now() },
      );
      await refreshThreadState(m, q);
      await writeOutbox(m, {
        topic: ANSWER_EVENTS.accepted,
        aggregateType: 'question',
        aggregateId: q.id,
        payload: {
          answerId,
          previousAnswerId: previous,
          answerAuthorId: answer.authorId,
          acceptedBy: actor.id,
        },
      });
      return q.id;
    });
    return this.questions.getOne(questionId);
  }

  async unaccept(actor: Actor, questionIdRaw: string): Promise<Question> {
    const questionId = parseId(questionIdRaw, 'questionId');
    await inTransaction(this.db, async (m) => {
      const q = await lockQuestion(m, questionId);
      requireVisibleQuestion(actor, q);
      this.requireAsker(actor, q);
      if (!q.acceptedAnswerId) return;
      const previous = q.acceptedAnswerId;
      q.acceptedAnswerId = null;
      await m.update(QuestionEntity, { id: q.id }, { acceptedAnswerId: null, acceptedAt: null });
      await refreshThreadState(m, q);
      await writeOutbox(m, {
        topic: ANSWER_EVENTS.unaccepted,
        aggregateType: 'question',
        aggregateId: q.id,
        payload: { answerId: previous },
      });
    });
    return this.questions.getOne(questionId);
  }

  async markOfficial(actor: Actor, answerIdRaw: string): Promise<Answer> {
    return this.setOfficial(actor, answerIdRaw, true);
  }

  async unmarkOfficial(actor: Actor, answerIdRaw: string): Promise<Answer> {
    return this.setOfficial(actor, answerIdRaw, false);
  }

  private async setOfficial(actor: Actor, answerIdRaw: string, official: boolean): Promise<Answer> {
    const answerId = parseId(answerIdRaw, 'answerId');
    requireOfficialOrModerator(actor);
    await inTransaction(this.db, async (m) => {
      const peek = await m.findOneBy(AnswerEntity, { id: answerId });
      if (!peek) throw AppError.notFound('Answer', answerId);
      // Question first, then answer: the same lock order as post(), so no deadlock.
      const q = await lockQuestion(m, peek.questionId);
      const a = await lockAnswer(m, answerId);
      requireVisibleAnswer(actor, a, q);
      if (a.isOfficial === official) return;
      const now = this.clock.now();
      const marked = { ...a, endorsedById: actor.id, verifiedAt: now };
      await recordOfficialChange(
        m,
        official ? marked : a,
        official ? OfficialMarkChangeKind.MARKED : OfficialMarkChangeKind.REMOVED,
        official ? OfficialMarkChangeReason.ENDORSED : OfficialMarkChangeReason.UNMARKED,
        actor.id,
      );
      await m.update(
        AnswerEntity,
        { id: answerId },
        official
          ? { isOfficial: true, endorsedById: actor.id, endorsedAt: now, verifiedAt: now }
          : NOT_OFFICIAL,
      );
      await refreshThreadState(m, q);
      await writeOutbox(m, {
        topic: official ? ANSWER_EVENTS.official : ANSWER_EVENTS.unofficial,
        aggregateType: 'question',
        aggregateId: q.id,
        payload: { answerId, by: actor.id, answerAuthorId: a.authorId },
      });
    });
    return this.load(answerId);
  }

  /** An official account or moderator confirms that an official answer is still correct. */
  async reverify(actor: Actor, answerIdRaw: string): Promise<Answer> {
    const answerId = parseId(answerIdRaw, 'answerId');
    requireOfficialOrModerator(actor);
    await inTransaction(this.db, async (m) => {
      const a = await lockAnswer(m, answerId);
      const q = await m.findOne(QuestionEntity, {
        where: { id: a.questionId },
        select: { id: true, authorId: true, hiddenAt: true },
      });
      if (!q) throw AppError.notFound('Answer', answerId);
      requireVisibleAnswer(actor, a, q);
      if (!a.isOfficial) throw AppError.badInput('Only official answers can be re-verified', 'answerId');
      await m.update(AnswerEntity, { id: answerId }, { verifiedAt: this.clock.now() });
      await writeOutbox(m, {
        topic: ANSWER_EVENTS.reverified,
        aggregateType: 'question',
        aggregateId: a.questionId,
        payload: { answerId, by: actor.id },
      });
    });
    return this.load(answerId);
  }

  /** The thread a reply suggestion came from (recorded on the answer); never the thread itself. */
  private suggestionSource(raw: string | null | undefined, questionId: string): string | null {
    if (raw === null || raw === undefined) return null;
    const id = parseId(raw, 'fromSuggestionQuestionId');
    if (id === questionId) {
      throw AppError.badInput('A suggestion comes from another thread', 'fromSuggestionQuestionId');
    }
    return id;
  }

  private requireAsker(actor: Actor, q: QuestionEntity): void {
    if (q.authorId !== actor.id && !isModerator(actor)) {
      throw AppError.forbidden('Only the asker or a moderator can accept an answer');
    }
  }

  private async load(id: string): Promise<Answer> {
    return toAnswer(await this.db.getRepository(AnswerEntity).findOneByOrFail({ id }));
  }
}
