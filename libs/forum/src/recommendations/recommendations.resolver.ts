import { Actor, AuthGuard, CurrentActor } from '@app/accounts';
import { UseGuards } from '@nestjs/common';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Question } from '../models/question.model';
import { RecommendationsRepository } from './recommendations.repository';

@Resolver()
export class RecommendationsResolver {
  constructor(private readonly recommendations: RecommendationsRepository) {}

  @Query(() => [Question], {
    description:
      'Signed in: threads on the tags and categories of your questions and me-too marks, solved first, then newest',
  })
  @UseGuards(AuthGuard)
  recommendedThreads(
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 10 }) first: number | null,
  ): Promise<Question[]> {
    return this.recommendations.forUser(actor.id, first);
  }
}
