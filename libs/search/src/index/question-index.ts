import { AppConfig } from '@app/core';
import { QuestionStatus } from '@app/forum';
import { Injectable, Logger } from '@nestjs/common';
import { EnqueuedTaskPromise, Index, MeiliSearch, Settings } from 'meilisearch';
import { MeiliConnection } from '../meili/meili-connection';
import { assertTaskSucceeded, isIndexNotFound } from '../meili/meili-client';
import {
  buildSimilarDocument,
  SIMILAR_INDEX_SETTINGS,
  SimilarDocument,
  similarUidOf,
} from '../similar/similar-index';
import { QuestionDocument } from './question-document';
import { questionIndexSettings, settingsToUpdate } from './question-index.settings';
import { loadSynonyms } from './synonyms';

export type WriteListener = (upserts: readonly QuestionDocument[], deleteIds: readonly string[]) => void;
/** Sentence vectors of documents by id (embeddings/question-vectors.ts); absent = no vector. */
export type VectorSource = (docs: readonly QuestionDocument[]) => Promise<ReadonlyMap<string, Float32Array>>;

const isOpen = (d: QuestionDocument): boolean => d.duplicateOf === null && d.status !== QuestionStatus.CLOSED;

/**
 * The questions index: its name, settings and document writes (each write waits for its task). Every
 * questions index `<uid>` has a duplicate-detection companion `<uid>_similar` (similar/similar-index.ts)
 * holding the open questions: created, configured, written and swapped together with it.
 */
@Injectable()
export class QuestionIndex {
  private readonly logger = new Logger(QuestionIndex.name);
  readonly uid: string;
  readonly similarUid: string;
  private readonly settings: Settings;
  private ready: Promise<void> | null = null;
  private readonly writeListeners: WriteListener[] = [];
  private vectorSource: VectorSource | null = null;
  /** How long write() waits for a Meilisearch task (the client's default; the bench raises it). */
  taskWaitMs = 30000;

  constructor(
    private readonly meili: MeiliConnection,
    config: AppConfig,
  ) {
    this.uid = `${config.get('MEILI_INDEX_PREFIX')}_questions`;
    this.similarUid = similarUidOf(this.uid);
    this.settings = questionIndexSettings(loadSynonyms(config.get('SEARCH_SYNONYMS_FILE')));
  }

  client(): Promise<MeiliSearch> {
    return this.meili.client();
  }

  async index(uid = this.uid): Promise<Index<QuestionDocument>> {
    return (await this.meili.client()).index<QuestionDocument>(uid);
  }

  /** Creates the index and applies its settings once per process; a failure is retried on the next call. */
  ensureReady(): Promise<void> {
    this.ready ??= (async () => {
      await this.createIfMissing(this.uid);
      await this.applySettings(this.uid);
    })().catch((err: unknown) => {
      this.ready = null;
      throw err;
    });
    return this.ready;
  }

  /** Creates `uid` and its duplicate-detection companion where missing. */
  async createIfMissing(uid: string): Promise<void> {
    await this.createOne(uid);
    await this.createOne(similarUidOf(uid));
  }

  private async createOne(uid: string): Promise<void> {
    const client = await this.meili.client();
    try {
      await client.getRawIndex(uid);
    } catch (err) {
      if (!isIndexNotFound(err)) throw err;
      const task = await client.createIndex(uid, { primaryKey: 'id' }).waitTask();
      // Two processes starting together may both create it: the loser's "already exists" is fine.
      if (task.status !== 'succeeded' && task.error?.code !== 'index_already_exists') {
        assertTaskSucceeded(task, `create index ${uid}`);
      }
    }
  }

  /** Sends only the settings that differ (both indexes) and waits; returns the names of those settings. */
  async applySettings(uid = this.uid): Promise<string[]> {
    return [
      ...(await this.applyOne(uid, this.settings)),
      ...(await this.applyOne(similarUidOf(uid), SIMILAR_INDEX_SETTINGS)),
    ];
  }

  private async applyOne(uid: string, settings: Settings): Promise<string[]> {
    const index = await this.index(uid);
    const update = settingsToUpdate(settings, await index.getSettings());
    const keys = Object.keys(update);
    if (keys.length === 0) return [];
    this.logger.log(`updating ${uid} settings: ${keys.join(', ')}`);
    await this.wait(index.updateSettings(update), `update settings of ${uid}`);
    return keys;
  }

  /**
   * Called after every successful write to the live index (the relay's, a reindex catch-up's): this
   * is how in-memory state derived from the index (duplicate-detection term statistics) follows it.
   */
  onWritten(listener: WriteListener): void {
    this.writeListeners.push(listener);
  }

  /** Where the duplicate-detection documents get their `_vectors` from (none: lexical only). */
  useVectors(source: VectorSource): void {
    this.vectorSource = source;
  }

  /** Upserts and deletes documents and waits until Meilisearch reports both tasks succeeded. */
  async write(upserts: QuestionDocument[], deleteIds: string[], uid = this.uid): Promise<void> {
    const index = await this.index(uid);
    const pending: Promise<void>[] = [];
    if (upserts.length > 0) {
      pending.push(this.wait(index.addDocuments(upserts, { primaryKey: 'id' }), `upsert into ${uid}`));
    }
    if (deleteIds.length > 0) {
      pending.push(this.wait(index.deleteDocuments(deleteIds), `delete from ${uid}`));
    }
    // The companion holds open questions only: a closed duplicate is never suggested.
    const similar = (await this.meili.client()).index<SimilarDocument>(similarUidOf(uid));
    const openDocs = upserts.filter(isOpen);
    const vectors = this.vectorSource && openDocs.length > 0 ? await this.vectorSource(openDocs) : null;
    const open = openDocs.map((d) => buildSimilarDocument(d, vectors?.get(d.id)));
    const gone = [...deleteIds, ...upserts.filter((d) => !isOpen(d)).map((d) => d.id)];
    if (open.length > 0) {
      pending.push(this.wait(similar.addDocuments(open, { primaryKey: 'id' }), `upsert into ${similar.uid}`));
    }
    if (gone.length > 0) pending.push(this.wait(similar.deleteDocuments(gone), `delete from ${similar.uid}`));
    await Promise.all(pending);
    if (uid === this.uid) for (const listener of this.writeListeners) listener(upserts, deleteIds);
  }

  async wait(task: EnqueuedTaskPromise, what: string): Promise<void> {
    assertTaskSucceeded(await task.waitTask({ timeout: this.taskWaitMs }), what);
  }
}
