import { PageInfo } from '@app/core';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { PostBase } from './post.model';
import { PostType, VoteValue } from './enums';

@ObjectType()
export class Answer extends PostBase {
  @Field()
  isOfficial: boolean;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the answer was endorsed as official',
  })
  endorsedAt: Date | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Official answers: when last confirmed correct (written, endorsed or re-verified)',
  })
  verifiedAt: Date | null;

  questionId: string;
  endorsedById: string | null;
  sourceQuestionId?: string | null;
}

@ObjectType()
export class AnswerEdge {
  @Field(() => Answer)
  node: Answer;

  @Field()
  cursor: string;
}

@ObjectType()
export class AnswerConnection {
  @Field(() => [AnswerEdge])
  edges: AnswerEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { nullable: true, description: 'All answers in the thread (null where not counted)' })
  totalCount: number | null;
}

@ObjectType()
export class VoteResult {
  @Field(() => PostType)
  targetType: PostType;

  @Field(() => ID)
  targetId: string;

  @Field(() => VoteValue)
  value: VoteValue;

  @Field(() => Int)
  score: number;
}
