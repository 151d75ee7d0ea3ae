import { AccountsModule } from '@app/accounts';
import { CoreModule } from '@app/core';
import { SearchIndexModule } from '@app/search';
import { Module } from '@nestjs/common';
import { MigrateCommand } from './commands/migrate.command';
import { ReindexCommand, SearchSettingsCommand } from './commands/reindex.command';
import { UserOfficialCommand, UserRoleCommand } from './commands/user.commands';

@Module({
  imports: [CoreModule.forRoot(), AccountsModule, SearchIndexModule],
  providers: [MigrateCommand, UserRoleCommand, UserOfficialCommand, ReindexCommand, SearchSettingsCommand],
})
export class CliModule {}
