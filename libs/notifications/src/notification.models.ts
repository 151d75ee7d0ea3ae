import { PageInfo } from '@app/core';
import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum NotificationKind {
  NEW_ANSWER = 'NEW_ANSWER',
  ANSWER_ACCEPTED = 'ANSWER_ACCEPTED',
  OFFICIAL_ANSWER = 'OFFICIAL_ANSWER',
  ME_TOO_SOLVED = 'ME_TOO_SOLVED',
  ACCEPT_REMINDER = 'ACCEPT_REMINDER',
  DESK_CLAIMED = 'DESK_CLAIMED',
  DESK_ASSIGNED = 'DESK_ASSIGNED',
  DESK_TARGET_REMINDER = 'DESK_TARGET_REMINDER',
  PRIVATE_SUPPORT = 'PRIVATE_SUPPORT',
  PRIVATE_SUPPORT_CLOSED = 'PRIVATE_SUPPORT_CLOSED',
}

registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  valuesMap: {
    NEW_ANSWER: { description: 'A new answer on a question you follow' },
    ANSWER_ACCEPTED: { description: 'Your answer was accepted' },
    OFFICIAL_ANSWER: { description: 'An official answer (written or endorsed) on a question you follow' },
    ME_TOO_SOLVED: { description: 'A thread you marked 我也遇到了 is solved' },
    ACCEPT_REMINDER: { description: 'Your question has answers but none accepted after 3 days' },
    DESK_CLAIMED: { description: 'An official account is working on your question (官方处理中)' },
    DESK_ASSIGNED: { description: 'Official desk: a thread was assigned to you' },
    DESK_TARGET_REMINDER: {
      description: 'Official desk: a thread you hold (or, unclaimed, any) nears its first-response target',
    },
    PRIVATE_SUPPORT: {
      description: 'Your question moved to private support (转人工处理): see its case reference and channel',
    },
    PRIVATE_SUPPORT_CLOSED: { description: 'The private support case of your question was closed' },
  },
});

@ObjectType()
export class Notification {
  @Field(() => ID)
  id: string;

  @Field(() => NotificationKind)
  kind: NotificationKind;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  readAt: Date | null;

  @Field()
  isRead: boolean;

  // Resolved by field resolvers (question, answer, actor) from these keys.
  questionId: string;
  answerId: string | null;
  actorId: string | null;
}

@ObjectType()
export class NotificationEdge {
  @Field(() => Notification)
  node: Notification;

  @Field()
  cursor: string;
}

@ObjectType()
export class NotificationConnection {
  @Field(() => [NotificationEdge])
  edges: NotificationEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'All unread notifications of the viewer' })
  unreadCount: number;
}

@ObjectType()
export class NotificationsReadResult {
  @Field(() => Int, { description: 'Notifications newly marked read' })
  marked: number;

  @Field(() => Int)
  unreadCount: number;
}
