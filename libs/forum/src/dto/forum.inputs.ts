import { Field, ID, InputType } from '@nestjs/graphql';
import { DetailInput } from '../categories/category.models';
import { PostType, QuestionStatus, VoteValue } from '../models/enums';

@InputType()
export class AskQuestionInput {
  @Field({ description: '4–150 characters' })
  title: string;

  @Field({ description: 'Markdown, 1–20000 characters' })
  body: string;

  @Field(() => [String], { defaultValue: [], description: 'Up to 5 tags' })
  tags: string[];

  @Field(() => String, { nullable: true, description: 'Key of a category from `categories`' })
  category?: string | null;

  @Field(() => [DetailInput], {
    nullable: true,
    description: "Answers to the category template's fields; rendered into the body under 补充信息",
  })
  details?: DetailInput[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'The draft id given to similarQuestions while drafting (deflection measurement)',
  })
  draftId?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Images uploaded with POST /attachments (your own, not attached elsewhere), at most 6',
  })
  attachmentIds?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Idempotency key chosen by the client (8–64 of A–Z a–z 0–9 _ -, e.g. a UUID), new for each question: sending the same request again with the same key (a retry after a time-out) returns the question the first request created instead of creating another; the same key with different content answers CONFLICT',
  })
  idempotencyKey?: string | null;
}

@InputType()
export class PostAnswerInput {
  @Field(() => ID)
  questionId: string;

  @Field({ description: 'Markdown, 1–20000 characters' })
  body: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The solved thread of the reply suggestion this answer reuses',
  })
  fromSuggestionQuestionId?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Images uploaded with POST /attachments (your own, not attached elsewhere), at most 6',
  })
  attachmentIds?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Idempotency key chosen by the client (8–64 of A–Z a–z 0–9 _ -, e.g. a UUID), new for each answer: sending the same request again with the same key (a retry after a time-out) returns the answer the first request created instead of creating another; the same key with different content answers CONFLICT',
  })
  idempotencyKey?: string | null;
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

  @Field(() => [ID], {
    nullable: true,
    description: "The post's images after the edit (omit to keep them): your uploads or images already on it, at most 6",
  })
  attachmentIds?: string[] | null;
}

@InputType()
export class EditAnswerInput {
  @Field(() => ID)
  id: string;

  @Field()
  body: string;

  @Field(() => [ID], {
    nullable: true,
    description: "The post's images after the edit (omit to keep them): your uploads or images already on it, at most 6",
  })
  attachmentIds?: string[] | null;
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
