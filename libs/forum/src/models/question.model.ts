import { PageInfo } from '@app/core';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { PostBase } from './post.model';
import { PostType, QuestionStatus } from './enums';

@ObjectType()
export class Question extends PostBase {
  @Field()
  title: string;

  @Field(() => QuestionStatus)
  status: QuestionStatus;

  @Field()
  isSolved: boolean;

  @Field(() => Int)
  answerCount: number;

  @Field(() => Int, { description: 'Members who marked 我也遇到了 (me too)' })
  meTooCount: number;

  // Resolved by field resolvers from these keys.
  acceptedAnswerId: string | null;
  duplicateOfId: string | null;
  categoryKey?: string | null;
  tagNames?: string[];
}

@ObjectType()
export class QuestionEdge {
  @Field(() => Question)
  node: Question;

  @Field()
  cursor: string;
}

@ObjectType()
export class QuestionConnection {
  @Field(() => [QuestionEdge])
  edges: QuestionEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@ObjectType()
export class TagCount {
  @Field()
  name: string;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'A previous version of a question or answer' })
export class Revision {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  title: string | null;

  @Field()
  body: string;

  @Field(() => [String], { nullable: true })
  tags: string[] | null;

  @Field(() => GraphQLISODateTime, { description: 'When this version was replaced' })
  replacedAt: Date;

  @Field({
    description: 'Removed by a moderator: title, body and tags are gone, the notice says who and why',
  })
  isRedacted: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true })
  redactedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why a moderator redacted this version' })
  redactionReason: string | null;

  editorId: string;
  redactedById: string | null;
  targetType: PostType;
  targetId: string;
}
