import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'One thing an asker of a category should say' })
export class CategoryField {
  @Field({ description: 'Key used in AskQuestionInput.details, e.g. message' })
  key: string;

  @Field({ description: 'What to prepare, e.g. 提示的原文' })
  label: string;

  @Field()
  required: boolean;
}

@ObjectType({ description: 'A question category with its template (账户类, 交易纠纷, 安全咨询, 其他)' })
export class Category {
  @Field()
  key: string;

  @Field()
  name: string;

  @Field(() => Int)
  position: number;

  @Field(() => [CategoryField], { description: 'In the order an asker should fill them in' })
  fields: CategoryField[];
}

@InputType()
export class CategoryFieldInput {
  @Field({ description: 'Lower-case letters, digits and _, 2–32, starting with a letter' })
  key: string;

  @Field({ description: '1–40 characters' })
  label: string;

  @Field({ defaultValue: false })
  required: boolean;
}

@InputType()
export class UpsertCategoryInput {
  @Field({ description: 'Lower-case letters, digits and _, 2–32, starting with a letter' })
  key: string;

  @Field({ description: '1–20 characters' })
  name: string;

  @Field(() => Int, { nullable: true, description: 'Display order; new categories go last by default' })
  position?: number | null;

  @Field(() => [CategoryFieldInput], { description: 'Replaces every field of the category (at most 20)' })
  fields: CategoryFieldInput[];
}

@InputType({ description: 'One answer to a field of the chosen category template' })
export class DetailInput {
  @Field()
  key: string;

  @Field({ description: '1–500 characters' })
  value: string;
}
