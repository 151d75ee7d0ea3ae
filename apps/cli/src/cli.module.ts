import { AccountsModule } from '@app/accounts';
import { CoreModule } from '@app/core';
import { Module } from '@nestjs/common';
import { MigrateCommand } from './commands/migrate.command';
import { UserOfficialCommand, UserRoleCommand } from './commands/user.commands';

@Module({
  imports: [CoreModule.forRoot({ migrationsRun: false }), AccountsModule],
  providers: [MigrateCommand, UserRoleCommand, UserOfficialCommand],
})
export class CliModule {}
