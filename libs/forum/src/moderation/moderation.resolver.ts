import { Actor, AuthGuard, CurrentActor, SignedIn } from '@app/accounts';
import { UseGuards } from '@nestjs/common';
import { toConnection } from '@app/core';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ReportStatus } from '../models/enums';
import {
  ModeratePostInput,
  ModerationResult,
  Report,
  ReportConnection,
  ReportPostInput,
} from './moderation.models';
import { ModerationService } from './moderation.service';

@Resolver()
export class ModerationResolver {
  constructor(private readonly moderation: ModerationService) {}

  @Mutation(() => Report, {
    description: 'Report a question or answer to the moderators (one open report per post)',
  })
  @SignedIn('report')
  reportPost(@CurrentActor() actor: Actor, @Args('input') input: ReportPostInput): Promise<Report> {
    return this.moderation.report(actor, input);
  }

  @Query(() => ReportConnection, { description: 'Moderators: the report queue, oldest open first' })
  @UseGuards(AuthGuard)
  async reports(
    @CurrentActor() actor: Actor,
    @Args('status', { type: () => ReportStatus, defaultValue: ReportStatus.OPEN }) status: ReportStatus,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | undefined,
  ): Promise<ReportConnection> {
    return toConnection(await this.moderation.list(actor, status, first, after));
  }

  @Mutation(() => Report, { description: 'Moderators: close a report without acting on the post' })
  @SignedIn('moderate')
  dismissReport(
    @CurrentActor() actor: Actor,
    @Args('reportId', { type: () => ID }) reportId: string,
  ): Promise<Report> {
    return this.moderation.dismiss(actor, reportId);
  }

  @Mutation(() => ModerationResult, {
    description: 'Moderators: hide a post from everyone but moderators and its author',
  })
  @SignedIn('moderate')
  hidePost(@CurrentActor() actor: Actor, @Args('input') input: ModeratePostInput): Promise<ModerationResult> {
    return this.moderation.hide(actor, input);
  }

  @Mutation(() => ModerationResult, { description: 'Moderators: bring a hidden post back' })
  @SignedIn('moderate')
  restorePost(
    @CurrentActor() actor: Actor,
    @Args('input') input: ModeratePostInput,
  ): Promise<ModerationResult> {
    return this.moderation.restore(actor, input);
  }
}
