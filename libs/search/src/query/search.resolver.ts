import { Ctx, RequestContext } from '@app/core';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { SimilarQuestionsService } from '../ranking/similar-questions.service';
import { SearchConnection, SearchFilter, SimilarQuestion } from './search.models';
import { SearchService } from './search.service';

@Resolver()
export class SearchResolver {
  constructor(
    private readonly search: SearchService,
    private readonly similar: SimilarQuestionsService,
  ) {}

  @Query(() => SearchConnection, {
    description: 'Full-text search of threads; an empty query lists the newest solved threads',
  })
  searchQuestions(
    @Ctx() ctx: RequestContext,
    @Args('query') query: string,
    @Args('filter', { type: () => SearchFilter, nullable: true }) filter: SearchFilter | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 10 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<SearchConnection> {
    return this.search.search(ctx, query, filter, first, after);
  }

  @Query(() => [SimilarQuestion], {
    description: 'Threads that may already answer a question being drafted (best first)',
  })
  similarQuestions(
    @Ctx() ctx: RequestContext,
    @Args('title') title: string,
    @Args('body', { type: () => String, nullable: true }) body: string | null,
    @Args('limit', { type: () => Int, nullable: true, defaultValue: 5 }) limit: number | null,
  ): Promise<SimilarQuestion[]> {
    return this.similar.find(ctx, { title, body }, limit);
  }
}
