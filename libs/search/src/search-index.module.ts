import { ForumModule } from '@app/forum';
import { Module } from '@nestjs/common';
import { SearchHealthService } from './health/search-health.service';
import { QuestionDocumentsLoader } from './index/question-documents.loader';
import { QuestionIndex } from './index/question-index';
import { ReindexService } from './index/reindex.service';
import { MeiliConnection } from './meili/meili-connection';
import { OutboxRelay } from './relay/outbox-relay';
import { OutboxStore } from './relay/outbox-store';

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
  ],
  exports: [
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
