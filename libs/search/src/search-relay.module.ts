import { DynamicModule, Module } from '@nestjs/common';
import { SimilarityMaintenance } from './ranking/similarity-maintenance';
import { OutboxCommitSubscriber } from './relay/outbox-commit.subscriber';
import { OutboxRelayRunner, RELAY_OPTIONS, RelayOptions } from './relay/outbox-relay.runner';
import { SearchIndexModule } from './search-index.module';

/**
 * Runs the outbox relay in this process: in the API with SEARCH_RELAY=inline, always in the worker.
 * Also the upkeep of duplicate detection (statistics refresh, model refits), which needs the same
 * long-running processes.
 */
@Module({})
export class SearchRelayModule {
  static forRoot(options: RelayOptions = {}): DynamicModule {
    return {
      module: SearchRelayModule,
      imports: [SearchIndexModule],
      providers: [
        { provide: RELAY_OPTIONS, useValue: options },
        OutboxRelayRunner,
        OutboxCommitSubscriber,
        SimilarityMaintenance,
      ],
      exports: [OutboxRelayRunner],
    };
  }
}
