import { Actor, AuthGuard, CurrentActor } from '@app/accounts';
import { Ctx, RequestContext } from '@app/core';
import { UseGuards } from '@nestjs/common';
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { ReplySuggestion } from './reply-suggestion.model';
import { ReplySuggestionsService } from './reply-suggestions.service';

@Resolver()
export class ReplySuggestionsResolver {
  constructor(private readonly suggestions: ReplySuggestionsService) {}

  @Query(() => [ReplySuggestion], {
    description:
      'Official accounts and moderators: official and accepted answers of similar solved threads to reuse ' +
      '(post with postAnswer(input: { fromSuggestionQuestionId }))',
  })
  @UseGuards(AuthGuard)
  replySuggestions(
    @Ctx() ctx: RequestContext,
    @CurrentActor() actor: Actor,
    @Args('questionId', { type: () => ID }) questionId: string,
    @Args('limit', { type: () => Int, nullable: true, defaultValue: 5 }) limit: number | null,
  ): Promise<ReplySuggestion[]> {
    return this.suggestions.suggest(ctx, actor, questionId, limit);
  }
}
