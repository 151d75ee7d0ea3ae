import { AccountsModule } from '@app/accounts';
import { DeskModule, ForumModule } from '@app/forum';
import { Module } from '@nestjs/common';
import { DemoSeeder } from './demo-seeder';

/** Demo data for development: imported by the CLI (`seed`), lazily loaded by the API (`--demo`). */
@Module({
  imports: [AccountsModule, ForumModule, DeskModule],
  providers: [DemoSeeder],
  exports: [DemoSeeder],
})
export class DemoModule {}
