import { Role, UsersService } from '@app/accounts';
import { AppError, RequestContext } from '@app/core';
import { Injectable } from '@nestjs/common';
import { AnswersRepository } from '../answers/answers.repository';
import { Answer } from '../models/answer.model';
import { Question } from '../models/question.model';
import { QuestionsRepository } from '../questions/questions.repository';
import {
  ANONYMOUS,
  PostFacts,
  ViewerAccess,
  canSeeAnswer,
  canSeeQuestion,
  canSeeRevisions,
  hiddenThreadStub,
} from './visibility.policy';

export type { ViewerAccess } from './visibility.policy';

/**
 * The forum's visibility policy (visibility.policy.ts) applied to reads: every resolver that hands out
 * a question or an answer, field resolvers included, goes through here.
 */
@Injectable()
export class VisibilityService {
  constructor(
    private readonly users: UsersService,
    private readonly questions: QuestionsRepository,
    private readonly answers: AnswersRepository,
  ) {}

  /** The viewer's access; costs one (request-cached) user lookup when signed in. */
  async access(ctx: RequestContext): Promise<ViewerAccess> {
    if (!ctx.viewer) return ANONYMOUS;
    const user = await this.users.loader(ctx).load(ctx.viewer.userId);
    if (!user) return ANONYMOUS;
    return { userId: user.id, isModerator: user.role === Role.MODERATOR || user.role === Role.ADMIN };
  }

  async canSee(ctx: RequestContext, question: PostFacts): Promise<boolean> {
    return canSeeQuestion(await this.access(ctx), question);
  }

  /** The question if the viewer may see it, else null. */
  async question(ctx: RequestContext, q: Question | null | undefined): Promise<Question | null> {
    return q && canSeeQuestion(await this.access(ctx), q) ? q : null;
  }

  /** Loads a question by id for the viewer; null when missing or not visible. */
  async questionById(ctx: RequestContext, id: string | null | undefined): Promise<Question | null> {
    return id ? this.question(ctx, await this.questions.loader(ctx).load(id)) : null;
  }

  /** Questions the viewer may see, in order; `keep` adds a further condition (closed, unsolved…). */
  async visibleQuestions<T extends Question>(
    ctx: RequestContext,
    list: readonly (T | null | Error)[],
  ): Promise<T[]> {
    const access = await this.access(ctx);
    return list.filter((q): q is T => !!q && !(q instanceof Error) && canSeeQuestion(access, q));
  }

  /** The answer if the viewer may see it (its thread's visibility included), else null. */
  async answer(ctx: RequestContext, a: Answer | null | undefined): Promise<Answer | null> {
    if (!a) return null;
    const q = await this.questions.loader(ctx).load(a.questionId);
    return q && canSeeAnswer(await this.access(ctx), a, q) ? a : null;
  }

  async answerById(ctx: RequestContext, id: string | null | undefined): Promise<Answer | null> {
    return id ? this.answer(ctx, await this.answers.loader(ctx).load(id)) : null;
  }

  /** The answers of one thread that the viewer may see. */
  async answersOf(ctx: RequestContext, q: Question, answers: Answer[]): Promise<Answer[]> {
    const access = await this.access(ctx);
    return answers.filter((a) => canSeeAnswer(access, a, q));
  }

  /** An answer's thread: itself when visible, a stub for the answer's author on a hidden thread. */
  async threadOf(ctx: RequestContext, a: Answer): Promise<Question> {
    const q = await this.questions.loader(ctx).load(a.questionId);
    if (!q) throw AppError.notFound('Question', a.questionId);
    const access = await this.access(ctx);
    if (canSeeQuestion(access, q)) return q;
    if (canSeeAnswer(access, a, q)) return hiddenThreadStub(q);
    throw AppError.notFound('Question', a.questionId);
  }

  async canSeeRevisions(ctx: RequestContext, post: PostFacts): Promise<boolean> {
    return canSeeRevisions(await this.access(ctx), post);
  }

  /** Refuses (NOT_FOUND) a question id the viewer cannot see or that does not exist. */
  async requireQuestion(ctx: RequestContext, id: string): Promise<Question> {
    const q = await this.questionById(ctx, id);
    if (!q) throw AppError.notFound('Question', id);
    return q;
  }
}
