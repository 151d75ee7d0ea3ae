import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { BadgeKind, Role } from './role.enum';

@ObjectType()
export class Badge {
  @Field(() => BadgeKind)
  kind: BadgeKind;

  @Field()
  label: string;
}

@ObjectType()
export class User {
  @Field(() => ID)
  id: string;

  @Field()
  handle: string;

  @Field()
  displayName: string;

  @Field(() => Role)
  role: Role;

  @Field()
  isOfficial: boolean;

  @Field(() => String, { nullable: true, description: 'Label of the official badge, e.g. 支付宝官方客服' })
  officialLabel: string | null;

  @Field(() => [Badge])
  badges: Badge[];

  @Field(() => GraphQLISODateTime)
  createdAt: Date;
}

@ObjectType()
export class AuthPayload {
  @Field()
  token: string;

  @Field(() => GraphQLISODateTime)
  expiresAt: Date;

  @Field(() => User)
  user: User;
}
