import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class RegisterInput {
  @Field({ description: '3–32 Latin letters, digits, _ or -; unique ignoring case' })
  handle: string;

  @Field({ description: 'At least 8 characters' })
  password: string;

  @Field({ description: '1–40 characters of any script' })
  displayName: string;
}

@InputType()
export class LoginInput {
  @Field()
  handle: string;

  @Field()
  password: string;
}
