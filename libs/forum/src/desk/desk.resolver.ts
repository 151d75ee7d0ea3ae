import {
  Actor,
  AuthGuard,
  CurrentActor,
  SignedIn,
  User,
  UsersService,
  isModerator,
  toUser,
} from '@app/accounts';
import { Ctx, RequestContext, toConnection } from '@app/core';
import { UseGuards } from '@nestjs/common';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Question } from '../models/question.model';
import { QuestionsRepository } from '../questions/questions.repository';
import {
  CannedReply,
  CannedReplyInput,
  DeskAction,
  DeskActionConnection,
  DeskClaim,
  DeskQueueConnection,
  DeskQueueFilter,
  DeskQueueSort,
  DeskStaleConnection,
  DeskStatsDay,
  DeskTarget,
  PrivateSupport,
  RenderedCannedReply,
  SupportChannelKind,
} from './desk.models';
import { DeskRepository } from './desk.repository';
import { DeskService } from './desk.service';

/** Whether the signed-in viewer works the desk (official account or moderator), per request. */
async function viewerOnDesk(
  users: UsersService,
  ctx: RequestContext,
): Promise<{ id: string; desk: boolean } | null> {
  if (!ctx.viewer) return null;
  const user = await users.loader(ctx).load(ctx.viewer.userId);
  if (!user) return null;
  const desk = user.officialLabel !== null || isModerator({ role: user.role } as Actor);
  return { id: user.id, desk };
}

@Resolver()
export class DeskResolver {
  constructor(
    private readonly desk: DeskService,
    private readonly reader: DeskRepository,
    private readonly questions: QuestionsRepository,
  ) {}

  @Query(() => DeskQueueConnection, {
    description: 'Official desk: open threads without an official answer (official accounts and moderators)',
  })
  @UseGuards(AuthGuard)
  async officialQueue(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => DeskQueueFilter, nullable: true }) filter: DeskQueueFilter | undefined,
    @Args('sort', { type: () => DeskQueueSort, nullable: true, defaultValue: DeskQueueSort.WAITING })
    sort: DeskQueueSort,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | undefined,
  ): Promise<DeskQueueConnection> {
    const page = await this.reader.queue(actor, filter, sort, first, after);
    return { ...toConnection(page), totalCount: page.totalCount };
  }

  @Query(() => DeskStaleConnection, {
    description: 'Official desk: official answers waiting for re-verification, oldest verification first',
  })
  @UseGuards(AuthGuard)
  async staleOfficialAnswers(
    @CurrentActor() actor: Actor,
    @Args('category', { type: () => String, nullable: true }) category: string | undefined,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | undefined,
  ): Promise<DeskStaleConnection> {
    const page = await this.reader.stale(actor, category, first, after);
    return { ...toConnection(page), totalCount: page.totalCount };
  }

  @Query(() => DeskQueueConnection, {
    description: 'Official desk: threads of the last `days` that missed their first-response target',
  })
  @UseGuards(AuthGuard)
  async deskBreaches(
    @CurrentActor() actor: Actor,
    @Args('days', { type: () => Int, nullable: true, defaultValue: 7 }) days: number,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | undefined,
  ): Promise<DeskQueueConnection> {
    const page = await this.reader.breaches(actor, days, first, after);
    return { ...toConnection(page), totalCount: page.totalCount };
  }

  @Query(() => [DeskTarget], { description: 'Official desk: first-response target per category' })
  @UseGuards(AuthGuard)
  deskTargets(@CurrentActor() actor: Actor): Promise<DeskTarget[]> {
    return this.desk.targets(actor);
  }

  @Query(() => [CannedReply], {
    description:
      'Official desk: canned replies of a category (and those for every category), most used first',
  })
  @UseGuards(AuthGuard)
  cannedReplies(
    @CurrentActor() actor: Actor,
    @Args('category', { type: () => String, nullable: true }) category: string | undefined,
  ): Promise<CannedReply[]> {
    return this.desk.cannedReplies(actor, category);
  }

  @Query(() => RenderedCannedReply, {
    description: 'Official desk: a canned reply filled in for a thread, as a preview (not counted)',
  })
  @UseGuards(AuthGuard)
  previewCannedReply(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('questionId', { type: () => ID }) questionId: string,
  ): Promise<RenderedCannedReply> {
    return this.desk.render(actor, id, questionId, false);
  }

  @Query(() => [DeskStatsDay], {
    description:
      'Official desk figures per UTC day (from inclusive, to exclusive; YYYY-MM-DD; at most 92 days)',
  })
  @UseGuards(AuthGuard)
  deskStats(
    @CurrentActor() actor: Actor,
    @Args('from') from: string,
    @Args('to') to: string,
    @Args('category', { type: () => String, nullable: true }) category: string | undefined,
  ): Promise<DeskStatsDay[]> {
    return this.reader.stats(actor, from, to, category);
  }

  @Query(() => DeskActionConnection, {
    description: 'Moderators: the audit trail of desk actions, newest first',
  })
  @UseGuards(AuthGuard)
  async deskActions(
    @CurrentActor() actor: Actor,
    @Args('questionId', { type: () => ID, nullable: true }) questionId: string | undefined,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | undefined,
  ): Promise<DeskActionConnection> {
    return toConnection(await this.reader.actions(actor, questionId, first, after));
  }

  @Mutation(() => Question, { description: 'Official accounts: take a thread (one holder at a time)' })
  @SignedIn('desk')
  async claimThread(
    @CurrentActor() actor: Actor,
    @Args('questionId', { type: () => ID }) questionId: string,
  ): Promise<Question> {
    return this.questions.getOne(await this.desk.claim(actor, questionId));
  }

  @Mutation(() => Question, { description: 'Give a thread back: its holder, or a moderator' })
  @SignedIn('desk')
  async releaseThread(
    @CurrentActor() actor: Actor,
    @Args('questionId', { type: () => ID }) questionId: string,
  ): Promise<Question> {
    return this.questions.getOne(await this.desk.release(actor, questionId));
  }

  @Mutation(() => Question, {
    description: 'Official accounts and moderators: hand a thread to an official account',
  })
  @SignedIn('desk')
  async assignThread(
    @CurrentActor() actor: Actor,
    @Args('questionId', { type: () => ID }) questionId: string,
    @Args('userId', { type: () => ID }) userId: string,
  ): Promise<Question> {
    return this.questions.getOne(await this.desk.assign(actor, questionId, userId));
  }

  @Mutation(() => [DeskTarget], {
    description: 'Administrators: set the first-response target of a category',
  })
  @SignedIn('desk')
  setDeskTarget(
    @CurrentActor() actor: Actor,
    @Args('category') category: string,
    @Args('firstResponseMinutes', { type: () => Int }) firstResponseMinutes: number,
    @Args('remindBeforeMinutes', { type: () => Int }) remindBeforeMinutes: number,
  ): Promise<DeskTarget[]> {
    return this.desk.setTarget(actor, category, firstResponseMinutes, remindBeforeMinutes);
  }

  @Mutation(() => CannedReply, { description: 'Official accounts: write a canned reply' })
  @SignedIn('cannedReply')
  createCannedReply(
    @CurrentActor() actor: Actor,
    @Args('input') input: CannedReplyInput,
  ): Promise<CannedReply> {
    return this.desk.createCanned(actor, input);
  }

  @Mutation(() => CannedReply)
  @SignedIn('cannedReply')
  updateCannedReply(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: CannedReplyInput,
  ): Promise<CannedReply> {
    return this.desk.updateCanned(actor, id, input);
  }

  @Mutation(() => ID)
  @SignedIn('cannedReply')
  deleteCannedReply(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<string> {
    return this.desk.deleteCanned(actor, id);
  }

  @Mutation(() => RenderedCannedReply, {
    description:
      'Official accounts: fill in a canned reply for a thread to insert into the answer composer (counts a use; posts nothing)',
  })
  @SignedIn('cannedReply')
  insertCannedReply(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('questionId', { type: () => ID }) questionId: string,
  ): Promise<RenderedCannedReply> {
    return this.desk.render(actor, id, questionId, true);
  }

  @Mutation(() => Question, {
    description: '转人工处理: move a thread to private support; the asker gets a case reference and channel',
  })
  @SignedIn('desk')
  async handOffToPrivateSupport(
    @CurrentActor() actor: Actor,
    @Args('questionId', { type: () => ID }) questionId: string,
    @Args('reason') reason: string,
    @Args('channel', { type: () => SupportChannelKind, defaultValue: SupportChannelKind.IN_APP })
    channel: SupportChannelKind,
  ): Promise<Question> {
    return this.questions.getOne(await this.desk.handOff(actor, questionId, reason, channel));
  }

  @Mutation(() => Question, { description: 'Close a private support case with a public outcome line' })
  @SignedIn('desk')
  async closePrivateSupportCase(
    @CurrentActor() actor: Actor,
    @Args('caseReference') caseReference: string,
    @Args('outcome') outcome: string,
  ): Promise<Question> {
    return this.questions.getOne(await this.desk.closeCase(actor, caseReference, outcome));
  }
}

@Resolver(() => Question)
export class DeskQuestionResolver {
  constructor(
    private readonly desk: DeskService,
    private readonly users: UsersService,
  ) {}

  @ResolveField(() => Boolean, {
    description: '官方处理中: an official account holds the thread and it has no official answer yet',
  })
  async officialHandling(@Ctx() ctx: RequestContext, @Parent() q: Question): Promise<boolean> {
    if (q.isSolved) return false;
    return (await this.desk.claimLoader(ctx).load(q.id)) !== null;
  }

  @ResolveField(() => DeskClaim, {
    nullable: true,
    description:
      'Who holds the thread on the official desk: official accounts and moderators only (null for others)',
  })
  async deskClaim(@Ctx() ctx: RequestContext, @Parent() q: Question): Promise<DeskClaim | null> {
    const viewer = await viewerOnDesk(this.users, ctx);
    if (!viewer?.desk) return null;
    return this.desk.claimLoader(ctx).load(q.id);
  }

  @ResolveField(() => PrivateSupport, {
    nullable: true,
    description: 'The latest hand-off to private support (转人工处理), with its public note and outcome',
  })
  async privateSupport(@Ctx() ctx: RequestContext, @Parent() q: Question): Promise<PrivateSupport | null> {
    const h = await this.desk.privateSupportLoader(ctx).load(q.id);
    if (!h) return null;
    return this.desk.toPrivateSupport(h, await viewerOnDesk(this.users, ctx));
  }
}

@Resolver(() => DeskClaim)
export class DeskClaimResolver {
  constructor(private readonly users: UsersService) {}

  @ResolveField(() => User)
  async owner(@Ctx() ctx: RequestContext, @Parent() c: DeskClaim): Promise<User | null> {
    const u = await this.users.loader(ctx).load(c.ownerId);
    return u ? toUser(u) : null;
  }

  @ResolveField(() => User, { nullable: true, description: 'Who assigned the thread, when it was assigned' })
  async assignedBy(@Ctx() ctx: RequestContext, @Parent() c: DeskClaim): Promise<User | null> {
    if (!c.assignedById) return null;
    const u = await this.users.loader(ctx).load(c.assignedById);
    return u ? toUser(u) : null;
  }
}

@Resolver(() => DeskAction)
export class DeskActionResolver {
  constructor(private readonly users: UsersService) {}

  @ResolveField(() => User, { nullable: true })
  async actor(@Ctx() ctx: RequestContext, @Parent() a: DeskAction): Promise<User | null> {
    const u = await this.users.loader(ctx).load(a.actorId);
    return u ? toUser(u) : null;
  }

  @ResolveField(() => User, {
    nullable: true,
    description: 'Whom the action concerned (assignee, released holder)',
  })
  async subjectUser(@Ctx() ctx: RequestContext, @Parent() a: DeskAction): Promise<User | null> {
    if (!a.subjectUserId) return null;
    const u = await this.users.loader(ctx).load(a.subjectUserId);
    return u ? toUser(u) : null;
  }
}
