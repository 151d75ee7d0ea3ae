import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Drafts counted by the day (UTC) suggestions were first shown for them' })
export class DeflectionDay {
  @Field({ description: 'YYYY-MM-DD (UTC)' })
  day: string;

  @Field(() => Int, { description: 'Drafts that were shown at least one suggestion' })
  draftsShown: number;

  @Field(() => Int, { description: 'Of those, drafts where a suggestion was clicked' })
  draftsClicked: number;

  @Field(() => Int, {
    description: 'Clicked and never posted: abandoned (no event for 30 minutes) without asking',
  })
  deflected: number;

  @Field(() => Int, { description: 'Shown suggestions and posted a question anyway' })
  postedAnyway: number;
}

@ObjectType()
export class DeflectionStats {
  @Field(() => GraphQLISODateTime)
  from: Date;

  @Field(() => GraphQLISODateTime)
  to: Date;

  @Field(() => Int, { description: 'A clicked draft counts as deflected after this many idle minutes' })
  abandonAfterMinutes: number;

  @Field(() => [DeflectionDay], { description: 'Days with shown drafts, oldest first' })
  days: DeflectionDay[];

  @Field(() => DeflectionDay, { description: 'The whole range; day is "total"' })
  totals: DeflectionDay;
}
