import { AccountsModule } from '@app/accounts';
import { ForumModule } from '@app/forum';
import { Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { SearchHealthController } from './health/search-health.controller';
import { IndexIdentityGuard } from './identity/index-identity.guard';
import { SearchResolver } from './query/search.resolver';
import { SearchService } from './query/search.service';
import { StaleDocuments } from './query/stale-documents';
import { AskQuestionSimilarResolver } from './ranking/ask-question-similar.resolver';
import { SimilarQuestionsService } from './ranking/similar-questions.service';
import { LearnedSimilarityRanker } from './ranking/learned-similarity-ranker';
import { SimilarityRanker } from './ranking/similarity-ranker';
import { SearchIndexModule } from './search-index.module';
import { DeflectionResolver } from './deflection/deflection.resolver';
import { DeskDeflectionResolver } from './deflection/desk-deflection.resolver';
import { SearchRelayModule } from './search-relay.module';
import { ReplySuggestionsResolver } from './reply-suggestions/reply-suggestions.resolver';
import { ReplySuggestionsService } from './reply-suggestions/reply-suggestions.service';

/** Search for the API: GraphQL queries, duplicate suggestions, health, and the inline relay. */
@Module({
  imports: [ForumModule, AccountsModule, SearchIndexModule, SearchRelayModule.forRoot()],
  providers: [
    SearchService,
    StaleDocuments,
    SimilarQuestionsService,
    { provide: SimilarityRanker, useExisting: LearnedSimilarityRanker },
    SearchResolver,
    AskQuestionSimilarResolver,
    ReplySuggestionsService,
    ReplySuggestionsResolver,
    DeflectionResolver,
    DeskDeflectionResolver,
  ],
  controllers: [SearchHealthController],
  exports: [SearchService, SimilarQuestionsService],
})
export class SearchModule implements OnApplicationBootstrap {
  private readonly logger = new Logger('Search');

  constructor(private readonly identity: IndexIdentityGuard) {}

  /**
   * Index and settings in place, and the index checked against this database (rebuilt outside
   * production when it mirrors another one), before the first search. An outage here must not stop
   * the API: the relay and the next search try again.
   */
  async onApplicationBootstrap(): Promise<void> {
    const status = await this.identity.verifyAtStartup();
    if (status.state === 'unchecked')
      this.logger.warn(`search index not ready (will retry): ${status.reason}`);
  }
}
