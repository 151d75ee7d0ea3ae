import { Actor, AuthGuard, CurrentActor, SignedIn, User, UsersService, toUser } from '@app/accounts';
import { Clock, Ctx, RequestContext, toConnection } from '@app/core';
import { UseGuards } from '@nestjs/common';
import {
  Args,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
  Subscription,
} from '@nestjs/graphql';
import { Answer, Question, VisibilityService } from '@app/forum';
import { NotificationBus, NotificationMessage, fromMessage } from './notification-bus';
import { Notification, NotificationConnection, NotificationsReadResult } from './notification.models';
import { NotificationsRepository } from './notifications.repository';
import { ASKER_DESK_KINDS } from './notification-rules';

@Resolver(() => Notification)
export class NotificationsResolver {
  constructor(
    private readonly reader: NotificationsRepository,
    private readonly bus: NotificationBus,
    private readonly users: UsersService,
    private readonly visibility: VisibilityService,
    private readonly clock: Clock,
  ) {}

  @Query(() => NotificationConnection, { description: "Signed in: the viewer's notifications, newest first" })
  @UseGuards(AuthGuard)
  async notifications(
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<NotificationConnection> {
    const page = await this.reader.list(actor.id, first, after);
    return { ...toConnection(page), unreadCount: await this.reader.unreadCount(actor.id) };
  }

  @Mutation(() => NotificationsReadResult, {
    description: 'Marks these notifications read, or all when ids is omitted',
  })
  @SignedIn('notifications')
  async markNotificationsRead(
    @CurrentActor() actor: Actor,
    @Args('ids', { type: () => [ID], nullable: true }) ids: string[] | null,
  ): Promise<NotificationsReadResult> {
    const marked = await this.reader.markRead(actor.id, ids, this.clock.now());
    return { marked, unreadCount: await this.reader.unreadCount(actor.id) };
  }

  @Subscription(() => Notification, {
    description:
      "The viewer's new notifications, live (graphql-ws; connectionParams.authorization = 'Bearer <token>')",
    filter: (message: NotificationMessage, _args: unknown, context: { ctx?: RequestContext }) =>
      message.recipientId === context.ctx?.viewer?.userId,
    resolve: (message: NotificationMessage) => fromMessage(message),
  })
  @UseGuards(AuthGuard)
  notificationAdded(): AsyncIterableIterator<NotificationMessage> {
    return this.bus.iterator();
  }

  @ResolveField(() => Question, { nullable: true, description: 'Null once the thread is hidden' })
  async question(@Ctx() ctx: RequestContext, @Parent() n: Notification): Promise<Question | null> {
    return this.visibility.questionById(ctx, n.questionId);
  }

  @ResolveField(() => Answer, { nullable: true })
  async answer(@Ctx() ctx: RequestContext, @Parent() n: Notification): Promise<Answer | null> {
    // Only with its thread: the author of an answer on a hidden thread still gets null here.
    const a = await this.visibility.answerById(ctx, n.answerId);
    return a && (await this.visibility.questionById(ctx, a.questionId)) ? a : null;
  }

  @ResolveField(() => User, { nullable: true, description: 'Who caused it (null for reminders)' })
  async actor(@Ctx() ctx: RequestContext, @Parent() n: Notification): Promise<User | null> {
    // Desk notices to the asker never say which official account acted (rows written before that rule too).
    if (ASKER_DESK_KINDS.has(n.kind)) return null;
    const user = n.actorId ? await this.users.loader(ctx).load(n.actorId) : null;
    return user ? toUser(user) : null;
  }
}
