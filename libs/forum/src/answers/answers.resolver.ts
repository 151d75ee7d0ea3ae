import { Actor, CurrentActor, SignedIn, User, UsersService, toUser } from '@app/accounts';
import { AppError, Ctx, RequestContext } from '@app/core';
import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { EditAnswerInput, PostAnswerInput, VoteInput } from '../dto/forum.inputs';
import { Answer, VoteResult } from '../models/answer.model';
import { PostType } from '../models/enums';
import { Question, Revision } from '../models/question.model';
import { QuestionsRepository } from '../questions/questions.repository';
import { VotesService } from '../votes/votes.service';
import { renderMarkdown } from '../rendering/markdown';
import { VisibilityService } from '../moderation/visibility.service';
import { AnswersService } from './answers.service';

@Resolver(() => Answer)
export class AnswersResolver {
  constructor(
    private readonly answers: AnswersService,
    private readonly votes: VotesService,
    private readonly questions: QuestionsRepository,
    private readonly users: UsersService,
    private readonly visibility: VisibilityService,
  ) {}

  @Mutation(() => Answer)
  @SignedIn('answer')
  postAnswer(@CurrentActor() actor: Actor, @Args('input') input: PostAnswerInput): Promise<Answer> {
    return this.answers.post(actor, input);
  }

  @Mutation(() => Answer, { description: 'Author or moderator; the previous version is kept' })
  @SignedIn('edit')
  editAnswer(@CurrentActor() actor: Actor, @Args('input') input: EditAnswerInput): Promise<Answer> {
    return this.answers.edit(actor, input);
  }

  @Mutation(() => Question, { description: 'Asker or moderator; replaces an earlier accepted answer' })
  @SignedIn('accept')
  acceptAnswer(
    @CurrentActor() actor: Actor,
    @Args('answerId', { type: () => ID }) answerId: string,
  ): Promise<Question> {
    return this.answers.accept(actor, answerId);
  }

  @Mutation(() => Question, { description: 'Asker or moderator' })
  @SignedIn('accept')
  unacceptAnswer(
    @CurrentActor() actor: Actor,
    @Args('questionId', { type: () => ID }) questionId: string,
  ): Promise<Question> {
    return this.answers.unaccept(actor, questionId);
  }

  @Mutation(() => Answer, { description: 'Official accounts and moderators' })
  @SignedIn('official')
  markOfficialAnswer(
    @CurrentActor() actor: Actor,
    @Args('answerId', { type: () => ID }) answerId: string,
  ): Promise<Answer> {
    return this.answers.markOfficial(actor, answerId);
  }

  @Mutation(() => Answer, { description: 'Official accounts and moderators' })
  @SignedIn('official')
  unmarkOfficialAnswer(
    @CurrentActor() actor: Actor,
    @Args('answerId', { type: () => ID }) answerId: string,
  ): Promise<Answer> {
    return this.answers.unmarkOfficial(actor, answerId);
  }

  @Mutation(() => Answer, {
    description: 'Official accounts and moderators: confirm an official answer is still right',
  })
  @SignedIn('official')
  reverifyOfficialAnswer(
    @CurrentActor() actor: Actor,
    @Args('answerId', { type: () => ID }) answerId: string,
  ): Promise<Answer> {
    return this.answers.reverify(actor, answerId);
  }

  @Mutation(() => VoteResult, { description: 'UP, DOWN, or NONE to withdraw; never on your own post' })
  @SignedIn('vote')
  vote(@CurrentActor() actor: Actor, @Args('input') input: VoteInput): Promise<VoteResult> {
    return this.votes.vote(actor, input);
  }

  @ResolveField(() => String, { description: 'The body rendered to sanitised HTML' })
  bodyHtml(@Parent() a: Answer): string {
    return renderMarkdown(a.body);
  }

  @ResolveField(() => User)
  async author(@Ctx() ctx: RequestContext, @Parent() a: Answer): Promise<User> {
    const user = await this.users.loader(ctx).load(a.authorId);
    if (!user) throw AppError.notFound('User', a.authorId);
    return toUser(user);
  }

  @ResolveField(() => User, { nullable: true, description: 'Who endorsed the answer as official' })
  async endorsedBy(@Ctx() ctx: RequestContext, @Parent() a: Answer): Promise<User | null> {
    if (!a.endorsedById) return null;
    const user = await this.users.loader(ctx).load(a.endorsedById);
    return user ? toUser(user) : null;
  }

  @ResolveField(() => Question, {
    description: 'The thread; to the author of an answer on a hidden thread only a stub of it',
  })
  question(@Ctx() ctx: RequestContext, @Parent() a: Answer): Promise<Question> {
    return this.visibility.threadOf(ctx, a);
  }

  @ResolveField(() => Question, {
    nullable: true,
    description: 'The solved thread this answer was reused from (reply suggestions)',
  })
  async sourceQuestion(@Ctx() ctx: RequestContext, @Parent() a: Answer): Promise<Question | null> {
    return this.visibility.questionById(ctx, a.sourceQuestionId);
  }

  @ResolveField(() => Boolean)
  async isAccepted(@Ctx() ctx: RequestContext, @Parent() a: Answer): Promise<boolean> {
    const q = await this.questions.loader(ctx).load(a.questionId);
    return q?.acceptedAnswerId === a.id;
  }

  @ResolveField(() => [Revision], {
    description: 'Previous versions, newest first: the author and moderators only (empty for others)',
  })
  async revisions(@Ctx() ctx: RequestContext, @Parent() a: Answer): Promise<Revision[]> {
    if (!(await this.visibility.canSeeRevisions(ctx, a))) return [];
    return this.questions.revisions(PostType.ANSWER, a.id);
  }
}
