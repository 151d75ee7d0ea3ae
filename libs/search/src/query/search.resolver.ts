import { Ctx, RateLimitService, RequestContext } from '@app/core';
import { parseDraftId } from '@app/forum';
import { DeflectionService } from '../deflection/deflection.service';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { SimilarQuestionsService } from '../ranking/similar-questions.service';
import { SearchConnection, SearchFilter, SimilarQuestion } from './search.models';
import { SearchService } from './search.service';

/** Requests that already recorded a draft (the context lives for one request). */
const recordedDraft = new WeakSet<RequestContext>();

@Resolver()
export class SearchResolver {
  constructor(
    private readonly search: SearchService,
    private readonly similar: SimilarQuestionsService,
    private readonly deflection: DeflectionService,
    private readonly limits: RateLimitService,
  ) {}

  /**
   * Whether this request may record a deflection row: one per request (aliases repeat the field), and
   * within the `draft` limit of the account or, signed out, of the client address.
   */
  private async mayRecordDraft(ctx: RequestContext): Promise<boolean> {
    if (recordedDraft.has(ctx)) return false;
    recordedDraft.add(ctx);
    return this.limits.tryConsume(
      'draft',
      ctx.viewer ? `user:${ctx.viewer.userId}` : `ip:${ctx.ip ?? 'unknown'}`,
    );
  }

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
    if (draftId && (await this.mayRecordDraft(ctx))) {
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
