import { Actor, AuthGuard, CurrentActor } from '@app/accounts';
import { VisibilityService, parseDraftId } from '@app/forum';
import { AppError, Ctx, RateLimitService, RequestContext, parseId } from '@app/core';
import { UseGuards } from '@nestjs/common';
import { Args, GraphQLISODateTime, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { DeflectionStats } from './deflection.models';
import { DeflectionService } from './deflection.service';

@Resolver()
export class DeflectionResolver {
  constructor(
    private readonly deflection: DeflectionService,
    private readonly limits: RateLimitService,
    private readonly visibility: VisibilityService,
  ) {}

  @Mutation(() => Boolean, {
    description:
      'A suggestion shown for this draft was clicked. Signed in or not; always true unless the input is bad',
  })
  async recordSuggestionClick(
    @Ctx() ctx: RequestContext,
    @Args('draftId') draftIdRaw: string,
    @Args('questionId', { type: () => ID }) questionIdRaw: string,
  ): Promise<boolean> {
    if (ctx.tokenError) throw AppError.unauthenticated(ctx.tokenError);
    const draftId = parseDraftId(draftIdRaw) as string;
    const questionId = parseId(questionIdRaw, 'questionId');
    // A thread the clicker cannot see (hidden, or none at all) is NOT_FOUND, like every other write.
    await this.visibility.requireQuestion(ctx, questionId);
    // Signed-out drafters are counted by address, as registrations are.
    await this.limits.consume('click', ctx.viewer?.userId ?? `ip:${ctx.ip ?? 'unknown'}`);
    await this.deflection.recordClick(ctx.viewer?.userId ?? null, draftId, questionId);
    return true;
  }

  @Query(() => DeflectionStats, {
    description: 'Moderators: drafts shown suggestions, clicked, deflected and posted anyway, per day',
  })
  @UseGuards(AuthGuard)
  deflectionStats(
    @CurrentActor() actor: Actor,
    @Args('from', { type: () => GraphQLISODateTime }) from: Date,
    @Args('to', { type: () => GraphQLISODateTime }) to: Date,
  ): Promise<DeflectionStats> {
    return this.deflection.stats(actor, from, to);
  }
}
