import { AppError, Ctx, ErrorCode, errorMessage, RequestContext } from '@app/core';
import { AskQuestionPayload } from '@app/forum';
import { Logger } from '@nestjs/common';
import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { SimilarQuestion } from '../query/search.models';
import { SimilarQuestionsService } from './similar-questions.service';

/** Adds duplicate suggestions to the forum's askQuestion payload (search depends on forum, not back). */
@Resolver(() => AskQuestionPayload)
export class AskQuestionSimilarResolver {
  private readonly logger = new Logger(AskQuestionSimilarResolver.name);

  constructor(private readonly similar: SimilarQuestionsService) {}

  @ResolveField(() => [SimilarQuestion], {
    description: 'Existing threads that may answer the new question; empty while search is unavailable',
  })
  async similarQuestions(
    @Ctx() ctx: RequestContext,
    @Parent() payload: AskQuestionPayload,
    @Args('limit', { type: () => Int, nullable: true, defaultValue: 5 }) limit: number | null,
  ): Promise<SimilarQuestion[]> {
    const q = payload.question;
    try {
      return await this.similar.find(ctx, { title: q.title, body: q.body }, limit, q.id);
    } catch (err) {
      if (err instanceof AppError && err.code === ErrorCode.BAD_USER_INPUT) throw err;
      // The question is saved whatever happens here: suggestions are a nicety, never a failed mutation.
      this.logger.warn(`no similar questions for question ${q.id}: ${errorMessage(err)}`);
      return [];
    }
  }
}
