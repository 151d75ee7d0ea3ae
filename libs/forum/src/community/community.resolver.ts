import { Actor, CurrentActor, SignedIn } from '@app/accounts';
import { AppConfig, Clock, Ctx, RequestContext } from '@app/core';
import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { isStale, staleBefore } from '../forum.rules';
import { Answer } from '../models/answer.model';
import { Question } from '../models/question.model';
import { CommunityService } from './community.service';

@Resolver(() => Question)
export class CommunityResolver {
  constructor(private readonly community: CommunityService) {}

  @Mutation(() => Question, {
    description: '我也遇到了: I have the same problem (once; not on your own question)',
  })
  @SignedIn('meToo')
  meToo(
    @CurrentActor() actor: Actor,
    @Args('questionId', { type: () => ID }) questionId: string,
  ): Promise<Question> {
    return this.community.meToo(actor, questionId);
  }

  @Mutation(() => Question)
  @SignedIn('meToo')
  withdrawMeToo(
    @CurrentActor() actor: Actor,
    @Args('questionId', { type: () => ID }) questionId: string,
  ): Promise<Question> {
    return this.community.withdrawMeToo(actor, questionId);
  }

  @ResolveField(() => Boolean, { description: 'Whether the signed-in viewer marked 我也遇到了' })
  viewerHasMeToo(@Ctx() ctx: RequestContext, @Parent() q: Question): Promise<boolean> | boolean {
    return ctx.viewer ? this.community.viewerMeTooLoader(ctx, ctx.viewer.userId).load(q.id) : false;
  }
}

@Resolver(() => Answer)
export class AnswerFreshnessResolver {
  constructor(
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  @ResolveField(() => Boolean, {
    description:
      'An official answer not verified within OFFICIAL_ANSWER_STALE_DAYS: the procedure may have changed',
  })
  isStale(@Parent() a: Answer): boolean {
    return isStale(a, staleBefore(this.clock, this.config));
  }
}
