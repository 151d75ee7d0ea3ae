import { QuestionSourcesRepository } from '@app/forum';
import { Injectable, Logger } from '@nestjs/common';
import { IndexIdentityRepository } from '../identity/index-identity.repository';
import { SearchOutboxRepository } from '../relay/search-outbox.repository';
import { QuestionDocumentsLoader } from './question-documents.loader';
import { similarUidOf } from '../similar/similar-index';
import { QuestionIndex } from './question-index';

export interface ReindexProgress {
  total: number;
  done: number;
}

export interface ReindexResult {
  documents: number;
  /** Questions re-sent after the swap because they changed during the rebuild. */
  caughtUp: number;
  ms: number;
  /** Name of the database the index was rebuilt from (and is now stamped with). */
  database: string;
}

const BATCH = 500;

/**
 * Rebuilds the questions index from MySQL without downtime: a fresh index is filled and checked, then
 * swapped in under the live name (searches use the old one until then) and the old one is deleted.
 * The live name is then stamped with this database's identity, which the API checks before serving.
 */
@Injectable()
export class ReindexService {
  private readonly logger = new Logger(ReindexService.name);

  constructor(
    private readonly index: QuestionIndex,
    private readonly loader: QuestionDocumentsLoader,
    private readonly outbox: SearchOutboxRepository,
    private readonly identity: IndexIdentityRepository,
    private readonly sources: QuestionSourcesRepository,
  ) {}

  async reindex(onProgress: (p: ReindexProgress) => void = () => undefined): Promise<ReindexResult> {
    const started = Date.now();
    const since = await this.outbox.now();
    const database = await this.identity.database();
    const live = this.index.uid;
    const fresh = `${live}_rebuild_${Date.now().toString(36)}`;
    const client = await this.index.client();
    await this.index.createIfMissing(fresh);
    try {
      await this.index.applySettings(fresh);
      await this.fill(fresh, onProgress);
      await this.index.createIfMissing(live); // swapping needs both names to exist
      // The duplicate-detection companion is rebuilt alongside and swapped in the same task.
      await this.index.wait(
        client.swapIndexes([
          { indexes: [live, fresh], rename: false },
          { indexes: [similarUidOf(live), similarUidOf(fresh)], rename: false },
        ]),
        `swap ${fresh} into ${live}`,
      );
    } catch (err) {
      await client.deleteIndexIfExists(fresh).catch(() => false);
      await client.deleteIndexIfExists(similarUidOf(fresh)).catch(() => false);
      throw err;
    }
    // The live name now holds this database's documents: record it (identity/index-identity.ts).
    await this.identity.stamp(database);
    // After the swap `fresh` names the old index.
    await this.index.wait(client.deleteIndex(fresh), `delete old index ${fresh}`);
    await this.index.wait(client.deleteIndex(similarUidOf(fresh)), `delete old index ${similarUidOf(fresh)}`);
    const caughtUp = await this.catchUp(since);
    const stats = await (await this.index.index()).getStats();
    return {
      documents: stats.numberOfDocuments,
      caughtUp,
      ms: Date.now() - started,
      database: database.database,
    };
  }

  /** Loads every question in id order; checks the index holds exactly what MySQL holds. */
  private async fill(uid: string, onProgress: (p: ReindexProgress) => void): Promise<number> {
    const progress = { total: await this.sources.count(), done: 0 };
    onProgress(progress);
    let lastId = '0';
    for (;;) {
      const ids = await this.sources.idsAfter(lastId, BATCH);
      if (ids.length === 0) break;
      lastId = ids[ids.length - 1];
      const docs = await this.loader.load(ids);
      await this.index.write([...docs.values()], [], uid);
      progress.done += docs.size;
      progress.total = Math.max(progress.total, progress.done);
      onProgress(progress);
    }
    // Questions created meanwhile have higher ids than lastId and reach the live index through the
    // outbox; everything up to lastId must be there.
    const expected = await this.sources.count(lastId);
    const indexed = (await (await this.index.index(uid)).getStats()).numberOfDocuments;
    if (indexed !== expected) {
      throw new Error(
        `rebuilt index has ${indexed} documents but MySQL has ${expected} questions: not swapped`,
      );
    }
    return indexed;
  }

  /**
   * A change committed after the rebuild read its question may have gone to the old index only: those
   * questions are written again. Changes still pending in the outbox reach the new index anyway.
   */
  private async catchUp(since: Date): Promise<number> {
    const ids = await this.outbox.questionsTouchedSince(since);
    for (let i = 0; i < ids.length; i += BATCH) {
      const slice = ids.slice(i, i + BATCH);
      const docs = await this.loader.load(slice);
      await this.index.write(
        [...docs.values()],
        slice.filter((id) => !docs.has(id)),
      );
    }
    if (ids.length > 0) this.logger.log(`re-sent ${ids.length} questions changed during the rebuild`);
    return ids.length;
  }
}
