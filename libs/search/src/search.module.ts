import { AccountsModule } from '@app/accounts';
import { ForumModule } from '@app/forum';
import { Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { SearchHealthController } from './health/search-health.controller';
import { QuestionIndex } from './index/question-index';
import { SearchResolver } from './query/search.resolver';
import { SearchService } from './query/search.service';
import { AskQuestionSimilarResolver } from './ranking/ask-question-similar.resolver';
import { SimilarQuestionsService } from './ranking/similar-questions.service';
import { LearnedSimilarityRanker } from './ranking/learned-similarity-ranker';
import { SimilarityRanker } from './ranking/similarity-ranker';
import { SearchIndexModule } from './search-index.module';
import { SearchRelayModule } from './search-relay.module';
import { ReplySuggestionsResolver } from './reply-suggestions/reply-suggestions.resolver';
import { ReplySuggestionsService } from './reply-suggestions/reply-suggestions.service';

/** Search for the API: GraphQL queries, duplicate suggestions, health, and the inline relay. */
@Module({
  imports: [ForumModule, AccountsModule, SearchIndexModule, SearchRelayModule.forRoot()],
  providers: [
    SearchService,
    SimilarQuestionsService,
    { provide: SimilarityRanker, useClass: LearnedSimilarityRanker },
    SearchResolver,
    AskQuestionSimilarResolver,
    ReplySuggestionsService,
    ReplySuggestionsResolver,
  ],
  controllers: [SearchHealthController],
  exports: [SearchService, SimilarQuestionsService],
})
export class SearchModule implements OnApplicationBootstrap {
  private readonly logger = new Logger('Search');

  constructor(private readonly index: QuestionIndex) {}

  /** Index and settings in place before the first search; an outage here must not stop the API. */
  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.index.ensureReady();
    } catch (err) {
      this.logger.warn(
        `search index not ready (will retry): ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
}
