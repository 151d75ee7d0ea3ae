import { Field, ID, InputType } from '@nestjs/graphql';
import { PostType, QuestionStatus, VoteValue } from '../models/enums';

@InputType()
export class AskQuestionInput {
  @Field({ description: '4–150 characters' })
  title: string;

  @Field({ description: 'Markdown, 1–20000 characters' })
  body: string;

  @Field(() => [String], { defaultValue: [], description: 'Up to 5 tags' })
  tags: string[];
}

@InputType()
export class PostAnswerInput {
  @Field(() => ID)
  questionId: string;

  @Field({ description: 'Markdown, 1–20000 characters' })
  body: string;
}

@InputType()
export class VoteInput {
  @Field(() => PostType)
  targetType: PostType;

  @Field(() => ID)
  targetId: string;

  @Field(() => VoteValue)
  value: VoteValue;
}

@InputType()
export class EditQuestionInput {
  @Field(() => ID)
  id: string;

  @Field({ nullable: true })
  title?: string;

  @Field({ nullable: true })
  body?: string;

  @Field(() => [String], { nullable: true })
  tags?: string[];
}

@InputType()
export class EditAnswerInput {
  @Field(() => ID)
  id: string;

  @Field()
  body: string;
}

@InputType()
export class QuestionFilter {
  @Field({ nullable: true })
  tag?: string;

  @Field(() => QuestionStatus, { nullable: true })
  status?: QuestionStatus;

  @Field({ nullable: true, description: 'Handle of the author' })
  author?: string;
}
