import { PageInfo } from '@app/core';
import { Field, GraphQLISODateTime, ID, InputType, ObjectType } from '@nestjs/graphql';
import { PostType, ReportStatus } from '../models/enums';

@InputType()
export class ReportPostInput {
  @Field(() => PostType)
  targetType: PostType;

  @Field(() => ID)
  targetId: string;

  @Field({ description: '2–500 characters' })
  reason: string;
}

@InputType()
export class ModeratePostInput {
  @Field(() => PostType)
  targetType: PostType;

  @Field(() => ID)
  targetId: string;

  @Field({ description: 'Shown to the author and other moderators, 2–500 characters' })
  reason: string;
}

@ObjectType()
export class Report {
  @Field(() => ID)
  id: string;

  @Field(() => PostType)
  targetType: PostType;

  @Field(() => ID)
  targetId: string;

  @Field()
  reason: string;

  @Field(() => ReportStatus)
  status: ReportStatus;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  resolvedAt: Date | null;

  reporterId: string;
}

@ObjectType()
export class ReportEdge {
  @Field(() => Report)
  node: Report;

  @Field()
  cursor: string;
}

@ObjectType()
export class ReportConnection {
  @Field(() => [ReportEdge])
  edges: ReportEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@ObjectType({ description: 'The moderation state of a post after hidePost or restorePost' })
export class ModerationResult {
  @Field(() => PostType)
  targetType: PostType;

  @Field(() => ID)
  targetId: string;

  @Field()
  isHidden: boolean;

  @Field(() => String, { nullable: true })
  hiddenReason: string | null;

  @Field(() => Number, { description: 'Open reports on the post closed by this action' })
  reportsResolved: number;
}
