import { PageInfo } from '@app/core';
import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Answer } from '../models/answer.model';
import { Question } from '../models/question.model';

export enum DeskClaimFilter {
  ANY = 'ANY',
  UNCLAIMED = 'UNCLAIMED',
  CLAIMED = 'CLAIMED',
  MINE = 'MINE',
}

export enum DeskQueueSort {
  WAITING = 'WAITING',
  ME_TOO = 'ME_TOO',
  TIME_LEFT = 'TIME_LEFT',
}

export enum SupportChannelKind {
  HOTLINE = 'HOTLINE',
  IN_APP = 'IN_APP',
}

registerEnumType(DeskClaimFilter, {
  name: 'DeskClaimFilter',
  valuesMap: {
    ANY: { description: 'Claimed or not' },
    UNCLAIMED: { description: 'Nobody holds the thread (or the claim lapsed)' },
    CLAIMED: { description: 'Someone holds the thread' },
    MINE: { description: 'The viewer holds the thread' },
  },
});
registerEnumType(DeskQueueSort, {
  name: 'DeskQueueSort',
  valuesMap: {
    WAITING: { description: 'Longest waiting first' },
    ME_TOO: { description: 'Most 我也遇到了 first' },
    TIME_LEFT: { description: 'Least time left to the first-response target first (breached first)' },
  },
});
registerEnumType(SupportChannelKind, {
  name: 'SupportChannel',
  valuesMap: {
    HOTLINE: { description: '客服热线 95188' },
    IN_APP: { description: 'App 内「我的客服」' },
  },
});

@InputType()
export class DeskQueueFilter {
  @Field(() => String, { nullable: true, description: 'Category key' })
  category?: string | null;

  @Field(() => String, { nullable: true })
  tag?: string | null;

  @Field(() => DeskClaimFilter, { nullable: true, defaultValue: DeskClaimFilter.ANY })
  claim?: DeskClaimFilter | null;

  @Field(() => Boolean, { nullable: true, description: 'Only threads past their first-response target' })
  breachedOnly?: boolean | null;
}

@InputType()
export class CannedReplyInput {
  @Field(() => String, { nullable: true, description: 'Category key; null for every category' })
  category?: string | null;

  @Field()
  title: string;

  @Field({ description: 'Markdown with {asker}, {category} and {thread_url}' })
  body: string;
}

@ObjectType({ description: 'Who holds a thread on the official desk' })
export class DeskClaim {
  @Field(() => GraphQLISODateTime)
  claimedAt: Date;

  @Field(() => GraphQLISODateTime)
  lastActivityAt: Date;

  @Field(() => GraphQLISODateTime, { description: 'When the claim lapses without further activity' })
  expiresAt: Date;

  ownerId: string;
  assignedById: string | null;
}

@ObjectType()
export class DeskQueueItem {
  @Field(() => Question)
  question: Question;

  @Field(() => Int, { description: 'Seconds since the question was asked' })
  waitingSeconds: number;

  @Field(() => Int)
  meTooCount: number;

  @Field(() => Int, { description: "The category's first-response target" })
  targetMinutes: number;

  @Field(() => GraphQLISODateTime)
  dueAt: Date;

  @Field(() => Int, { description: 'Seconds left to the target; negative once breached' })
  timeLeftSeconds: number;

  @Field()
  isBreached: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'First official response (breach list)' })
  firstResponseAt: Date | null;

  @Field(() => DeskClaim, { nullable: true })
  claim: DeskClaim | null;
}

@ObjectType()
export class DeskQueueEdge {
  @Field(() => DeskQueueItem)
  node: DeskQueueItem;

  @Field()
  cursor: string;
}

@ObjectType()
export class DeskQueueConnection {
  @Field(() => [DeskQueueEdge])
  edges: DeskQueueEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'Threads matching the filter' })
  totalCount: number;
}

@ObjectType({ description: 'An official answer waiting for re-verification' })
export class DeskStaleItem {
  @Field(() => Answer)
  answer: Answer;

  @Field(() => GraphQLISODateTime)
  verifiedAt: Date;

  @Field(() => Int, { description: 'Days since it was last verified' })
  daysSinceVerified: number;
}

@ObjectType()
export class DeskStaleEdge {
  @Field(() => DeskStaleItem)
  node: DeskStaleItem;

  @Field()
  cursor: string;
}

@ObjectType()
export class DeskStaleConnection {
  @Field(() => [DeskStaleEdge])
  edges: DeskStaleEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}

@ObjectType({ description: 'First-response target of a category' })
export class DeskTarget {
  @Field()
  categoryKey: string;

  @Field()
  categoryName: string;

  @Field(() => Int)
  firstResponseMinutes: number;

  @Field(() => Int, { description: 'Reminder this long before the target is breached' })
  remindBeforeMinutes: number;
}

@ObjectType()
export class CannedReply {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: 'Category key; null for every category' })
  categoryKey: string | null;

  @Field()
  title: string;

  @Field()
  body: string;

  @Field(() => Int, { description: 'Times inserted into an answer' })
  usageCount: number;

  @Field(() => [String], { description: 'Braced names in the body the desk does not fill in' })
  unknownVariables: string[];

  @Field(() => GraphQLISODateTime)
  updatedAt: Date;
}

@ObjectType({ description: 'A canned reply filled in for one thread, to insert into the answer composer' })
export class RenderedCannedReply {
  @Field(() => ID)
  cannedReplyId: string;

  @Field(() => ID)
  questionId: string;

  @Field()
  text: string;

  @Field(() => Int)
  usageCount: number;
}

@ObjectType({ description: 'A thread moved to private support (转人工处理)' })
export class PrivateSupport {
  @Field()
  isOpen: boolean;

  @Field(() => SupportChannelKind)
  channel: SupportChannelKind;

  @Field({ description: 'The public note shown on the thread' })
  note: string;

  @Field(() => GraphQLISODateTime)
  openedAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  closedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Public outcome line, once the case is closed' })
  outcome: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Case reference: the asker, official accounts and moderators only (null for others)',
  })
  caseReference: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why it moved: official accounts and moderators only (null for others)',
  })
  reason: string | null;

  questionId: string;
}

@ObjectType({ description: 'One action on the official desk (audit trail)' })
export class DeskAction {
  @Field(() => ID)
  id: string;

  @Field()
  action: string;

  @Field(() => String, { nullable: true })
  detail: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => ID, { nullable: true })
  questionId: string | null;

  actorId: string;
  subjectUserId: string | null;
}

@ObjectType()
export class DeskActionEdge {
  @Field(() => DeskAction)
  node: DeskAction;

  @Field()
  cursor: string;
}

@ObjectType()
export class DeskActionConnection {
  @Field(() => [DeskActionEdge])
  edges: DeskActionEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

/** `deflectedDrafts` is libs/search's (it measures suggestions): DeskDeflectionResolver. */
@ObjectType({ description: 'Desk figures of one UTC day, for one category or (categoryKey null) all' })
export class DeskStatsDay {
  @Field({ description: 'YYYY-MM-DD (UTC)' })
  day: string;

  @Field(() => String, { nullable: true })
  categoryKey: string | null;

  @Field(() => Int, { description: 'Questions asked that day' })
  asked: number;

  @Field(() => Int, { description: 'Of those, with an official response (so far)' })
  answeredOfficially: number;

  @Field(() => Int, { nullable: true })
  firstResponseP50Seconds: number | null;

  @Field(() => Int, { nullable: true })
  firstResponseP90Seconds: number | null;

  @Field(() => Int, {
    description: 'Questions asked that day whose first response missed (or is past) the target',
  })
  breaches: number;

  @Field(() => Int, { description: 'Hand-offs to private support opened that day' })
  handoffs: number;

  @Field(() => Int, { description: 'Official answers re-verified that day' })
  reverified: number;
}
