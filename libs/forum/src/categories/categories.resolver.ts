import { Actor, CurrentActor, SignedIn } from '@app/accounts';
import { Ctx, RequestContext } from '@app/core';
import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Question } from '../models/question.model';
import { CategoriesService } from './categories.service';
import { Category, UpsertCategoryInput } from './category.models';

@Resolver(() => Category)
export class CategoriesResolver {
  constructor(private readonly service: CategoriesService) {}

  @Query(() => [Category], { description: 'Question categories with what to prepare for each' })
  categories(): Promise<Category[]> {
    return this.service.list();
  }

  @Mutation(() => Category, { description: 'Admin only: create or edit a category; replaces its fields' })
  @SignedIn('moderate')
  upsertCategory(@CurrentActor() actor: Actor, @Args('input') input: UpsertCategoryInput): Promise<Category> {
    return this.service.upsert(actor, input);
  }
}

@Resolver(() => Question)
export class QuestionCategoryResolver {
  constructor(private readonly service: CategoriesService) {}

  @ResolveField(() => Category, { nullable: true, description: 'The template category chosen when asking' })
  category(@Ctx() ctx: RequestContext, @Parent() q: Question): Promise<Category | null> | null {
    return q.categoryKey ? this.service.loader(ctx).load(q.categoryKey) : null;
  }
}
