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

  @Mutation(() => Question, { description: 'Get notified of new and official answers' })
  @SignedIn('follow')
  async followQuestion(
    @CurrentActor() actor: Actor,
    @Args('questionId', { type: () => ID }) questionIdRaw: string,
  ): Promise<Question> {
    const questionId = parseId(questionIdRaw, 'questionId');
    const q = await this.questions.getOne(questionId);
    requireVisibleQuestion(actor, q);
    await rateLimitCheckpoint();
    await this.follows.add(actor.id, questionId);
    return q;
  }

  @Mutation(() => Question)
  @SignedIn('follow')
  async unfollowQuestion(
    @CurrentActor() actor: Actor,
    @Args('questionId', { type: () => ID }) questionIdRaw: string,
  ): Promise<Question> {
    const questionId = parseId(questionIdRaw, 'questionId');
    const q = await this.questions.getOne(questionId);
    requireVisibleQuestion(actor, q);
    await rateLimitCheckpoint();
    await this.follows.unfollow(actor.id, questionId);
    return q;
  }

  @ResolveField(() => Boolean, { description: 'Whether the signed-in viewer follows the question' })
  viewerIsFollowing(@Ctx() ctx: RequestContext, @Parent() q: Question): Promise<boolean> | boolean {
    const viewer = ctx.viewer;
    if (!viewer) return false;
    return ctx.loader('community.follow', () => this.follows.followingLoader(viewer.userId)).load(q.id);
  }
}
