import { Actor, isModerator } from '@app/accounts';
import { AppError, Clock, inTransaction, parseId, writeOutbox } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { EditAnswerInput, PostAnswerInput } from '../dto/forum.inputs';
import { AnswerEntity } from '../entities/answer.entity';
import { PostRevisionEntity } from '../entities/post-revision.entity';
import { QuestionEntity } from '../entities/question.entity';
import { toAnswer } from '../forum.mappers';
import { lockAnswer, lockQuestion } from '../forum.locks';
import { QuestionsReader } from '../questions/questions.reader';
import { cleanBody, requireAuthorOrModerator, requireOfficialOrModerator, statusOf } from '../forum.rules';
import { Answer } from '../models/answer.model';
import { PostType } from '../models/enums';
import { MaskedPersonalData, maskField } from '../privacy/masked-personal-data.model';
import { Question } from '../models/question.model';
import { IdempotentWrite } from '../entities/idempotency-key.entity';
import { idempotentRequest, inIdempotentTransaction } from '../idempotency/idempotency';

export const ANSWER_EVENTS = {
  posted: 'answer.posted',
  edited: 'answer.edited',
  accepted: 'answer.accepted',
  unaccepted: 'answer.unaccepted',
  official: 'answer.marked_official',
  unofficial: 'answer.unmarked_official',
  reverified: 'answer.reverified',
} as const;

@Injectable()
export class AnswersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly questions: QuestionsReader,
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
    ]);
    const id = await inIdempotentTransaction(this.db, once, async (m) => {
      const q = await lockQuestion(m, questionId);
      if (q.duplicateOfId)
        throw AppError.conflict('This question is closed as a duplicate; answer the canonical thread');
      if (sourceQuestionId && !(await m.existsBy(QuestionEntity, { id: sourceQuestionId }))) {
        throw AppError.badInput('fromSuggestionQuestionId names no question', 'fromSuggestionQuestionId');
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
      q.answerCount += 1;
      if (isOfficial) q.officialAnswerCount += 1;
      await this.saveCounters(m, q);
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
      const a = await lockAnswer(m, id);
      requireAuthorOrModerator(actor, a.authorId, 'edit this answer');
      await m.insert(PostRevisionEntity, {
        targetType: PostType.ANSWER,
        targetId: id,
        editorId: actor.id,
        title: null,
        body: a.body,
        tags: null,
      });
      await m.update(AnswerEntity, { id }, { body });
      await writeOutbox(m, {
        topic: ANSWER_EVENTS.edited,
        aggregateType: 'question',
        aggregateId: a.questionId,
        payload: { answerId: id },
      });
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
      this.requireAsker(actor, q);
      if (q.acceptedAnswerId === answerId) return q.id;
      const previous = q.acceptedAnswerId;
      q.acceptedAnswerId = answerId;
      await m.update(
        QuestionEntity,
        { id: q.id },
        { acceptedAnswerId: answerId, acceptedAt: new Date(), status: statusOf(q) },
      );
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
      this.requireAsker(actor, q);
      if (!q.acceptedAnswerId) return;
      const previous = q.acceptedAnswerId;
      q.acceptedAnswerId = null;
      await m.update(
        QuestionEntity,
        { id: q.id },
        { acceptedAnswerId: null, acceptedAt: null, status: statusOf(q) },
      );
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
      if (a.isOfficial === official) return;
      q.officialAnswerCount += official ? 1 : -1;
      await m.update(
        AnswerEntity,
        { id: answerId },
        official
          ? {
              isOfficial: true,
              endorsedById: actor.id,
              endorsedAt: this.clock.now(),
              verifiedAt: this.clock.now(),
            }
          : { isOfficial: false, endorsedById: null, endorsedAt: null, verifiedAt: null },
      );
      await this.saveCounters(m, q);
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

  private async saveCounters(m: EntityManager, q: QuestionEntity): Promise<void> {
    await m.update(
      QuestionEntity,
      { id: q.id },
      { answerCount: q.answerCount, officialAnswerCount: q.officialAnswerCount, status: statusOf(q) },
    );
  }

  private async load(id: string): Promise<Answer> {
    return toAnswer(await this.db.getRepository(AnswerEntity).findOneByOrFail({ id }));
  }
}
