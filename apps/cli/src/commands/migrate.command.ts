import { InjectDataSource } from '@nestjs/typeorm';
import { Command, CommandRunner, Option } from 'nest-commander';
import { DataSource } from 'typeorm';

@Command({
  name: 'migrate',
  description:
    'Apply pending database migrations (or --revert the last one, or --revert --steps N the last N)',
})
export class MigrateCommand extends CommandRunner {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async run(_: string[], options: { revert?: boolean; check?: boolean; steps?: number }): Promise<void> {
    if (options.check) {
      const pending = await this.db.showMigrations();
      console.log(pending ? 'Migrations are pending.' : 'The schema is up to date.');
      if (pending) process.exitCode = 1;
      return;
    }
    if (options.revert) {
      // One by one, newest first, each down() in its own transaction; stops when none is left.
      for (let step = 0; step < (options.steps ?? 1); step++) {
        const [last] = await this.db.query(
          'SELECT name FROM migrations ORDER BY timestamp DESC, id DESC LIMIT 1',
        );
        if (!last) {
          console.log('No migration left to revert.');
          return;
        }
        await this.db.undoLastMigration({ transaction: 'each' });
        console.log(`Reverted ${String(last.name)}`);
      }
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

  @Option({ flags: '--steps <n>', description: 'With --revert: how many migrations to revert (default 1)' })
  parseSteps(value: string): number {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new Error('--steps takes a whole number of at least 1');
    return n;
  }

  @Option({ flags: '--check', description: 'Exit 1 if migrations are pending, change nothing' })
  parseCheck(): boolean {
    return true;
  }
}
