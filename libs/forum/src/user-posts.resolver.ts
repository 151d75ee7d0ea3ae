import { User } from '@app/accounts';
import { Ctx, RequestContext, toConnection } from '@app/core';
import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AnswersRepository } from './answers/answers.repository';
import { AnswerConnection } from './models/answer.model';
import { QuestionConnection } from './models/question.model';
import { VisibilityService } from './moderation/visibility.service';
import { QuestionsRepository } from './questions/questions.repository';

/** Adds a user's questions and answers to the accounts lib's User type. */
@Resolver(() => User)
export class UserPostsResolver {
  constructor(
    private readonly questionReader: QuestionsRepository,
    private readonly answerReader: AnswersRepository,
    private readonly visibility: VisibilityService,
  ) {}

  @ResolveField(() => QuestionConnection, { description: 'Newest first' })
  async questions(
    @Ctx() ctx: RequestContext,
    @Parent() user: User,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | undefined,
  ): Promise<QuestionConnection> {
    return toConnection(
      await this.questionReader.listByAuthor(user.id, first, after, await this.visibility.access(ctx)),
    );
  }

  @ResolveField(() => AnswerConnection, { description: 'Newest first' })
  async answers(
    @Ctx() ctx: RequestContext,
    @Parent() user: User,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | undefined,
  ): Promise<AnswerConnection> {
    return {
      ...toConnection(
        await this.answerReader.listByAuthor(user.id, first, after, await this.visibility.access(ctx)),
      ),
      totalCount: null,
    };
  }
}
