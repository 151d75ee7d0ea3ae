import { QuestionIndex, ReindexService } from '@app/search';
import { SingleBar, Presets } from 'cli-progress';
import { Command, CommandRunner } from 'nest-commander';

@Command({
  name: 'reindex',
  description: 'Rebuild the search index from MySQL into a fresh index and swap it in (no downtime)',
})
export class ReindexCommand extends CommandRunner {
  constructor(private readonly reindexer: ReindexService) {
    super();
  }

  async run(): Promise<void> {
    const bar = new SingleBar(
      { format: 'questions [{bar}] {value}/{total} {percentage}% | {duration_formatted}', hideCursor: true },
      Presets.shades_classic,
    );
    let started = false;
    try {
      const result = await this.reindexer.reindex(({ done, total }) => {
        if (!started) bar.start(total, done);
        started = true;
        bar.setTotal(total);
        bar.update(done);
      });
      bar.stop();
      console.log(
        `Indexed ${result.documents} questions in ${(result.ms / 1000).toFixed(1)} s` +
          (result.caughtUp > 0 ? `; re-sent ${result.caughtUp} changed during the rebuild` : ''),
      );
      console.log(`The index now mirrors database ${result.database} (running APIs serve it within seconds)`);
    } finally {
      if (started) bar.stop();
    }
  }
}

@Command({
  name: 'search:settings',
  description: 'Create the search index if missing and apply its settings where they differ',
})
export class SearchSettingsCommand extends CommandRunner {
  constructor(private readonly index: QuestionIndex) {
    super();
  }

  async run(): Promise<void> {
    await this.index.createIfMissing(this.index.uid);
    const changed = await this.index.applySettings();
    console.log(
      changed.length === 0
        ? `${this.index.uid}: settings already up to date`
        : `${this.index.uid}: updated ${changed.join(', ')}`,
    );
  }
}
