import { Field, ObjectType } from '@nestjs/graphql';
import { MaskedPersonalData } from '../privacy/masked-personal-data.model';
import { Question } from './question.model';

@ObjectType()
export class AskQuestionPayload {
  @Field(() => Question)
  question: Question;

  @Field(() => [MaskedPersonalData], {
    description: 'Personal data masked in the title and body before storing',
  })
  maskedPersonalData: MaskedPersonalData[];
}
