import { Answer, Question } from '@app/forum';
import { Field, Float, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'An official or accepted answer from a similar solved thread, to reuse' })
export class ReplySuggestion {
  @Field(() => Answer)
  answer: Answer;

  @Field(() => Question, { description: 'The solved thread the answer comes from' })
  sourceQuestion: Question;

  @Field(() => Float, { description: 'Similarity of the source thread to the question (0..1)' })
  score: number;
}
