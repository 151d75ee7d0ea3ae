import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { MaskedPersonalData } from '../privacy/masked-personal-data.model';

/**
 * What questions and answers share. Abstract in the schema (isAbstract: no `Post` type is emitted):
 * Question and Answer each list these fields themselves, as the published schema always had them. A
 * GraphQL `interface Post` implemented by both would add a type and change schema.gql, a contract
 * change left for an issue that changes the schema.
 */
@ObjectType({ isAbstract: true })
export abstract class PostBase {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Markdown' })
  body: string;

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

  // Resolved by field resolvers from this key.
  authorId: string;
}
