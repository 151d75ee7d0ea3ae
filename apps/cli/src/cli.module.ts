import { AccountsModule } from '@app/accounts';
import { CoreModule } from '@app/core';
import { DemoModule } from '@app/demo';
import { ForumModule } from '@app/forum';
import { FollowsModule } from '@app/notifications';
import { SearchIndexModule } from '@app/search';
import { Module } from '@nestjs/common';
import { EmbeddingsRebuildCommand } from './commands/embeddings.command';
import { MigrateCommand } from './commands/migrate.command';
import { ReindexCommand, SearchSettingsCommand } from './commands/reindex.command';
import { SeedCommand } from './commands/seed.command';
import { TagsRecountCommand } from './commands/tags.command';
import { UserOfficialCommand, UserRoleCommand } from './commands/user.commands';

@Module({
  imports: [CoreModule.forRoot(), AccountsModule, ForumModule, FollowsModule, DemoModule, SearchIndexModule],
  providers: [
    MigrateCommand,
    UserRoleCommand,
    UserOfficialCommand,
    ReindexCommand,
    SearchSettingsCommand,
    SeedCommand,
    EmbeddingsRebuildCommand,
    TagsRecountCommand,
  ],
})
export class CliModule {}
