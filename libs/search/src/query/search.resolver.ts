import { Ctx, RequestContext } from '@app/core';
import { DeflectionService, parseDraftId } from '@app/forum';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { SimilarQuestionsService } from '../ranking/similar-questions.service';
import { SearchConnection, SearchFilter, SimilarQuestion } from './search.models';
import { SearchService } from './search.service';

@Resolver()
export class SearchResolver {
  constructor(
    private readonly search: SearchService,
    private readonly similar: SimilarQuestionsService,
    private readonly deflection: DeflectionService,
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
  async similarQuestions(
    @Ctx() ctx: RequestContext,
    @Args('title') title: string,
    @Args('body', { type: () => String, nullable: true }) body: string | null,
    @Args('limit', { type: () => Int, nullable: true, defaultValue: 5 }) limit: number | null,
    @Args('draftId', {
      type: () => String,
      nullable: true,
      description:
        'Client-generated id of the draft (8–64 of A-Z a-z 0-9 _ -): records that suggestions were shown',
    })
    draftIdRaw: string | null,
  ): Promise<SimilarQuestion[]> {
    const draftId = parseDraftId(draftIdRaw);
    const found = await this.similar.find(ctx, { title, body }, limit);
    if (draftId) {
      // Never fails the search: the deflection service logs and carries on.
      await this.deflection.recordShown(
        ctx.viewer?.userId ?? null,
        draftId,
        found.map((s) => s.question.id),
      );
    }
    return found;
  }
}
