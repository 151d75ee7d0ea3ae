import { EmbeddingService, QuestionDocumentsLoader, QuestionVectors, ReindexService } from '@app/search';
import { InjectDataSource } from '@nestjs/typeorm';
import { Presets, SingleBar } from 'cli-progress';
import { Command, CommandRunner } from 'nest-commander';
import { DataSource } from 'typeorm';

const BATCH = 256;

@Command({
  name: 'embeddings:rebuild',
  description:
    'Embed every question whose text has no stored vector for the current model (question_embeddings), then reindex so the search index carries the vectors',
})
export class EmbeddingsRebuildCommand extends CommandRunner {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly embeddings: EmbeddingService,
    private readonly loader: QuestionDocumentsLoader,
    private readonly vectors: QuestionVectors,
    private readonly reindexer: ReindexService,
  ) {
    super();
  }

  async run(): Promise<void> {
    if (!(await this.embeddings.ready())) {
      const status = this.embeddings.status();
      throw new Error(`embeddings unavailable (${status.reason ?? status.state}): nothing to rebuild`);
    }
    const [{ n }] = (await this.db.query('SELECT COUNT(*) AS n FROM questions')) as { n: string }[];
    const bar = new SingleBar(
      { format: 'embedding [{bar}] {value}/{total} {percentage}% | {duration_formatted}', hideCursor: true },
      Presets.shades_classic,
    );
    bar.start(Number(n), 0);
    const started = Date.now();
    let done = 0;
    let after = '0';
    try {
      for (;;) {
        const ids = (
          (await this.db.query('SELECT id FROM questions WHERE id > ? ORDER BY id LIMIT ?', [
            after,
            BATCH,
          ])) as {
            id: string;
          }[]
        ).map((r) => String(r.id));
        if (ids.length === 0) break;
        after = ids[ids.length - 1];
        const docs = await this.loader.load(ids);
        // Reads stored vectors by content hash and embeds (and stores) only the missing ones.
        await this.vectors.forDocuments([...docs.values()]);
        done += ids.length;
        bar.update(done);
      }
    } finally {
      bar.stop();
    }
    console.log(
      `Vectors ready for ${done} questions in ${((Date.now() - started) / 1000).toFixed(1)} s; reindexing`,
    );
    const result = await this.reindexer.reindex();
    console.log(
      `Indexed ${result.documents} questions with their vectors in ${(result.ms / 1000).toFixed(1)} s`,
    );
  }
}
