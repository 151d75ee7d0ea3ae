import { CoreModule } from '@app/core';
import { FollowsModule } from '@app/notifications';
import { SearchRelayModule } from '@app/search';
import { Module } from '@nestjs/common';

/** The search-index relay on its own (run the API with SEARCH_RELAY=off): no HTTP, no GraphQL. */
@Module({
  imports: [CoreModule.forRoot(), FollowsModule, SearchRelayModule.forRoot({ force: true })],
})
export class WorkerModule {}
