import { ForumModule } from '@app/forum';
import { Module } from '@nestjs/common';
import { SearchHealthService } from './health/search-health.service';
import { IndexIdentityGuard } from './identity/index-identity.guard';
import { IndexIdentityStore } from './identity/index-identity.store';
import { QuestionDocumentsLoader } from './index/question-documents.loader';
import { QuestionIndex } from './index/question-index';
import { ReindexService } from './index/reindex.service';
import { MeiliConnection } from './meili/meili-connection';
import { OutboxRelay } from './relay/outbox-relay';
import { OutboxStore } from './relay/outbox-store';
import { SimilarityLinksStore } from './ranking/similarity-links.store';
import { SimilarityModel } from './ranking/similarity-model';
import { SimilarityStats } from './ranking/similarity-stats';
import { LearnedSimilarityRanker } from './ranking/learned-similarity-ranker';
import { FusionFitter } from './duplicates/fusion-fitter';
import { EmbeddingRepository } from './embeddings/embedding.repository';
import { EmbeddingService } from './embeddings/embedding.service';
import { QuestionVectors } from './embeddings/question-vectors';

/** The index and what writes to it: shared by the API, the worker and the CLI. */
@Module({
  imports: [ForumModule],
  providers: [
    MeiliConnection,
    QuestionIndex,
    QuestionDocumentsLoader,
    OutboxStore,
    OutboxRelay,
    ReindexService,
    SearchHealthService,
    SimilarityLinksStore,
    SimilarityStats,
    SimilarityModel,
    IndexIdentityStore,
    IndexIdentityGuard,
    EmbeddingService,
    EmbeddingRepository,
    QuestionVectors,
    LearnedSimilarityRanker,
    FusionFitter,
  ],
  exports: [
    EmbeddingService,
    EmbeddingRepository,
    QuestionVectors,
    LearnedSimilarityRanker,
    IndexIdentityStore,
    IndexIdentityGuard,
    SimilarityLinksStore,
    SimilarityStats,
    SimilarityModel,
    MeiliConnection,
    QuestionIndex,
    QuestionDocumentsLoader,
    OutboxStore,
    OutboxRelay,
    ReindexService,
    SearchHealthService,
  ],
})
export class SearchIndexModule {}
