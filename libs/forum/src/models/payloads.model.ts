import { Field, ObjectType } from '@nestjs/graphql';
import { Question } from './question.model';

@ObjectType()
export class AskQuestionPayload {
  @Field(() => Question)
  question: Question;
}
