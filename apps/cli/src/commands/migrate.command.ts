import { InjectDataSource } from '@nestjs/typeorm';
import { Command, CommandRunner, Option } from 'nest-commander';
import { DataSource } from 'typeorm';

@Command({ name: 'migrate', description: 'Apply pending database migrations (or --revert the last one)' })
export class MigrateCommand extends CommandRunner {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async run(_: string[], options: { revert?: boolean; check?: boolean }): Promise<void> {
    if (options.check) {
      const pending = await this.db.showMigrations();
      console.log(pending ? 'Migrations are pending.' : 'The schema is up to date.');
      if (pending) process.exitCode = 1;
      return;
    }
    if (options.revert) {
      await this.db.undoLastMigration({ transaction: 'each' });
      console.log('Reverted the last migration.');
      return;
    }
    const applied = await this.db.runMigrations({ transaction: 'each' });
    if (applied.length === 0) console.log('The schema is up to date.');
    for (const m of applied) console.log(`Applied ${m.name}`);
  }

  @Option({ flags: '--revert', description: 'Revert the most recent migration' })
  parseRevert(): boolean {
    return true;
  }

  @Option({ flags: '--check', description: 'Exit 1 if migrations are pending, change nothing' })
  parseCheck(): boolean {
    return true;
  }
}
