import { ForumModule } from '@app/forum';
import { Module } from '@nestjs/common';
import { DeflectionModule } from './deflection/deflection.module';
import { SearchHealthService } from './health/search-health.service';
import { IndexIdentityGuard } from './identity/index-identity.guard';
import { IndexIdentityRepository } from './identity/index-identity.repository';
import { QuestionDocumentsLoader } from './index/question-documents.loader';
import { QuestionIndex } from './index/question-index';
import { ReindexService } from './index/reindex.service';
import { MeiliConnection } from './meili/meili-connection';
import { OutboxRelay } from './relay/outbox-relay';
import { SearchOutboxRepository } from './relay/search-outbox.repository';
import { SimilarityLinksRepository } from './ranking/similarity-links.repository';
import { SimilarityModel } from './ranking/similarity-model';
import { SimilarityStats } from './ranking/similarity-stats';
import { LearnedSimilarityRanker } from './ranking/learned-similarity-ranker';
import { FusionFitter } from './duplicates/fusion-fitter';
import { EmbeddingRepository } from './embeddings/embedding.repository';
import { EmbeddingService } from './embeddings/embedding.service';
import { QuestionVectors } from './embeddings/question-vectors';

/** The index and what writes to it: shared by the API, the worker and the CLI. */
@Module({
  imports: [ForumModule, DeflectionModule],
  providers: [
    MeiliConnection,
    QuestionIndex,
    QuestionDocumentsLoader,
    SearchOutboxRepository,
    OutboxRelay,
    ReindexService,
    SearchHealthService,
    SimilarityLinksRepository,
    SimilarityStats,
    SimilarityModel,
    IndexIdentityRepository,
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
    IndexIdentityRepository,
    IndexIdentityGuard,
    SimilarityLinksRepository,
    SimilarityStats,
    SimilarityModel,
    MeiliConnection,
    QuestionIndex,
    QuestionDocumentsLoader,
    SearchOutboxRepository,
    OutboxRelay,
    ReindexService,
    SearchHealthService,
  ],
})
export class SearchIndexModule {}
