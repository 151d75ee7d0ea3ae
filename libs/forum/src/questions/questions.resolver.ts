import { Actor, CurrentActor, SignedIn, User, UsersService, toUser } from '@app/accounts';
import {
  AppConfig,
  AppError,
  Clock,
  Ctx,
  RequestContext,
  decodeOffsetCursor,
  encodeCursor,
  pageSize,
  parseId,
  toConnection,
  tryParseId,
} from '@app/core';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AnswersRepository } from '../answers/answers.repository';
import { AskQuestionInput, EditQuestionInput, QuestionFilter } from '../dto/forum.inputs';
import { compareAnswers, staleBefore } from '../forum.rules';
import { Answer, AnswerConnection } from '../models/answer.model';
import { PostType } from '../models/enums';
import { AskQuestionPayload } from '../models/payloads.model';
import { Question, QuestionConnection, Revision, TagCount } from '../models/question.model';
import { renderMarkdown } from '../rendering/markdown';
import { VisibilityService } from '../moderation/visibility.service';
import { QuestionsRepository } from './questions.repository';
import { QuestionsService } from './questions.service';

const MAX_ANSWERS_PAGE = 100;

@Resolver(() => Question)
export class QuestionsResolver {
  constructor(
    private readonly service: QuestionsService,
    private readonly reader: QuestionsRepository,
    private readonly answerReader: AnswersRepository,
    private readonly users: UsersService,
    private readonly visibility: VisibilityService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  private async visibleAnswers(ctx: RequestContext, q: Question): Promise<Answer[]> {
    return this.visibility.answersOf(ctx, q, await this.answerReader.byQuestionLoader(ctx).load(q.id));
  }

  @Query(() => Question, { nullable: true })
  async question(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<Question | null> {
    return this.visibility.questionById(ctx, tryParseId(id));
  }

  @Query(() => QuestionConnection, { description: 'Newest first' })
  async questions(
    @Ctx() ctx: RequestContext,
    @Args('filter', { type: () => QuestionFilter, nullable: true }) filter: QuestionFilter | undefined,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | undefined,
  ): Promise<QuestionConnection> {
    return toConnection(await this.reader.list(filter, first, after, await this.visibility.access(ctx)));
  }

  @Query(() => [TagCount], {
    name: 'tags',
    description: 'Tags with the number of open or solved questions using them',
  })
  tagCounts(
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
  ): Promise<TagCount[]> {
    return this.reader.tagCounts(first);
  }

  @Mutation(() => AskQuestionPayload)
  @SignedIn('ask')
  async askQuestion(
    @CurrentActor() actor: Actor,
    @Args('input') input: AskQuestionInput,
  ): Promise<AskQuestionPayload> {
    const question = await this.service.ask(actor, input);
    return { question, maskedPersonalData: question.maskedPersonalData };
  }

  @Mutation(() => Question, { description: 'Author or moderator; the previous version is kept' })
  @SignedIn('edit')
  editQuestion(@CurrentActor() actor: Actor, @Args('input') input: EditQuestionInput): Promise<Question> {
    return this.service.edit(actor, input);
  }

  @Mutation(() => Question, { description: 'Asker or moderator' })
  @SignedIn('close')
  closeAsDuplicate(
    @CurrentActor() actor: Actor,
    @Args('questionId', { type: () => ID }) questionId: string,
    @Args('duplicateOfId', { type: () => ID }) duplicateOfId: string,
  ): Promise<Question> {
    return this.service.closeAsDuplicate(actor, questionId, duplicateOfId);
  }

  @ResolveField(() => User)
  async author(@Ctx() ctx: RequestContext, @Parent() q: Question): Promise<User> {
    const user = await this.users.loader(ctx).load(q.authorId);
    if (!user) throw AppError.notFound('User', q.authorId);
    return toUser(user);
  }

  @ResolveField(() => String, { description: 'The body rendered to sanitised HTML' })
  bodyHtml(@Parent() q: Question): string {
    return renderMarkdown(q.body);
  }

  @ResolveField(() => [String])
  tags(@Ctx() ctx: RequestContext, @Parent() q: Question): Promise<string[]> | string[] {
    return q.tagNames ?? this.reader.tagsLoader(ctx).load(q.id);
  }

  @ResolveField(() => Question, { nullable: true })
  async duplicateOf(@Ctx() ctx: RequestContext, @Parent() q: Question): Promise<Question | null> {
    return this.visibility.questionById(ctx, q.duplicateOfId);
  }

  @ResolveField(() => Answer, { nullable: true })
  async acceptedAnswer(@Ctx() ctx: RequestContext, @Parent() q: Question): Promise<Answer | null> {
    if (!q.acceptedAnswerId) return null;
    const all = await this.visibleAnswers(ctx, q);
    return all.find((a) => a.id === q.acceptedAnswerId) ?? null;
  }

  @ResolveField(() => [Answer])
  async officialAnswers(@Ctx() ctx: RequestContext, @Parent() q: Question): Promise<Answer[]> {
    const all = await this.visibleAnswers(ctx, q);
    return all
      .filter((a) => a.isOfficial)
      .sort(compareAnswers(q.acceptedAnswerId, staleBefore(this.clock, this.config)));
  }

  @ResolveField(() => AnswerConnection, {
    description: 'Official first, then accepted, then score, then oldest',
  })
  async answers(
    @Ctx() ctx: RequestContext,
    @Parent() q: Question,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 30 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | undefined,
  ): Promise<AnswerConnection> {
    const size = pageSize(first, 30, MAX_ANSWERS_PAGE);
    const offset = decodeOffsetCursor('ao', after);
    const sorted = [...(await this.visibleAnswers(ctx, q))].sort(
      compareAnswers(q.acceptedAnswerId, staleBefore(this.clock, this.config)),
    );
    const items = sorted.slice(offset, offset + size);
    const page = {
      items,
      cursors: items.map((_, i) => encodeCursor('ao', offset + i + 1)),
      hasNextPage: offset + size < sorted.length,
    };
    return { ...toConnection(page), totalCount: sorted.length };
  }

  @ResolveField(() => [Revision], {
    description: 'Previous versions, newest first: the author and moderators only (empty for others)',
  })
  async revisions(@Ctx() ctx: RequestContext, @Parent() q: Question): Promise<Revision[]> {
    if (!(await this.visibility.canSeeRevisions(ctx, q))) return [];
    return this.reader.revisions(PostType.QUESTION, parseId(q.id));
  }
}
