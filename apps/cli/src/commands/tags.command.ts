import { inTransaction } from '@app/core';
import { recountTag } from '@app/forum';
import { InjectDataSource } from '@nestjs/typeorm';
import { Presets, SingleBar } from 'cli-progress';
import { Command, CommandRunner } from 'nest-commander';
import { DataSource } from 'typeorm';

const PAGE = 500;

@Command({
  name: 'tags:recount',
  description:
    "Recount every tag's question_count from its links (open and solved, visible questions), one tag per transaction while the forum runs; prints how many counts were wrong",
})
export class TagsRecountCommand extends CommandRunner {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async run(): Promise<void> {
    const [{ n }] = (await this.db.query('SELECT COUNT(*) AS n FROM tags')) as { n: string }[];
    const bar = new SingleBar(
      { format: 'recounting tags [{bar}] {value}/{total} | {duration_formatted}', hideCursor: true },
      Presets.shades_classic,
    );
    bar.start(Number(n), 0);
    let done = 0;
    let fixed = 0;
    let after = '0';
    try {
      for (;;) {
        const ids = (
          (await this.db.query('SELECT id FROM tags WHERE id > ? ORDER BY id LIMIT ?', [after, PAGE])) as {
            id: string;
          }[]
        ).map((r) => String(r.id));
        if (ids.length === 0) break;
        after = ids[ids.length - 1];
        for (const id of ids) {
          if (await inTransaction(this.db, (m) => recountTag(m, id))) fixed += 1;
          done += 1;
          bar.update(done);
        }
      }
    } finally {
      bar.stop();
    }
    console.log(`tags recounted: ${done}, counts corrected: ${fixed}`);
  }
}
