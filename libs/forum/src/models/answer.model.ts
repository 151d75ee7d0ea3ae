import { PageInfo } from '@app/core';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { MaskedPersonalData } from '../privacy/masked-personal-data.model';
import { PostType, VoteValue } from './enums';

@ObjectType()
export class Answer {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Markdown' })
  body: string;

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

  @Field(() => Int)
  score: number;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime)
  updatedAt: Date;

  @Field(() => [MaskedPersonalData], {
    description: 'Personal data masked by the mutation that returned this object; empty on reads',
  })
  maskedPersonalData: MaskedPersonalData[];

  @Field({ description: 'Hidden by a moderator (only moderators and the author still see it)' })
  isHidden: boolean;

  @Field(() => String, { nullable: true })
  hiddenReason: string | null;

  questionId: string;
  authorId: string;
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
