import { Actor, CurrentActor, SignedIn } from '@app/accounts';
import { Ctx, RequestContext, parseId, rateLimitCheckpoint } from '@app/core';
import { Question, QuestionsRepository, requireVisibleQuestion } from '@app/forum';
import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { FollowsRepository } from './follows.repository';

/** Following a question (to be notified of its new and official answers), and whether the viewer does. */
@Resolver(() => Question)
export class FollowsResolver {
  constructor(
    private readonly follows: FollowsRepository,
    private readonly questions: QuestionsRepository,
  ) {}

  /** The question, after checking the actor may see it and spending the action's point on `write`. */
  private async onVisibleQuestion(
    actor: Actor,
    questionIdRaw: string,
    write: (questionId: string) => Promise<void>,
  ): Promise<Question> {
    const questionId = parseId(questionIdRaw, 'questionId');
    const q = await this.questions.getOne(questionId);
    requireVisibleQuestion(actor, q);
    await rateLimitCheckpoint();
    await write(questionId);
    return q;
  }

  @Mutation(() => Question, { description: 'Get notified of new and official answers' })
  @SignedIn('follow')
  async followQuestion(
    @CurrentActor() actor: Actor,
    @Args('questionId', { type: () => ID }) questionIdRaw: string,
  ): Promise<Question> {
    return this.onVisibleQuestion(actor, questionIdRaw, (id) => this.follows.add(actor.id, id));
  }

  @Mutation(() => Question)
  @SignedIn('follow')
  async unfollowQuestion(
    @CurrentActor() actor: Actor,
    @Args('questionId', { type: () => ID }) questionIdRaw: string,
  ): Promise<Question> {
    return this.onVisibleQuestion(actor, questionIdRaw, (id) => this.follows.unfollow(actor.id, id));
  }

  @ResolveField(() => Boolean, { description: 'Whether the signed-in viewer follows the question' })
  viewerIsFollowing(@Ctx() ctx: RequestContext, @Parent() q: Question): Promise<boolean> | boolean {
    const viewer = ctx.viewer;
    if (!viewer) return false;
    return ctx.loader('community.follow', () => this.follows.followingLoader(viewer.userId)).load(q.id);
  }
}
