import { AppConfig } from '@app/core';
import { Injectable, Logger } from '@nestjs/common';
import { EnqueuedTaskPromise, Index, MeiliSearch, Settings } from 'meilisearch';
import { MeiliConnection } from '../meili/meili-connection';
import { assertTaskSucceeded, isIndexNotFound } from '../meili/meili-client';
import { QuestionDocument } from './question-document';
import { questionIndexSettings, settingsToUpdate } from './question-index.settings';
import { loadSynonyms } from './synonyms';

/** The questions index: its name, settings and document writes (each write waits for its task). */
@Injectable()
export class QuestionIndex {
  private readonly logger = new Logger(QuestionIndex.name);
  readonly uid: string;
  private readonly settings: Settings;
  private ready: Promise<void> | null = null;

  constructor(
    private readonly meili: MeiliConnection,
    config: AppConfig,
  ) {
    this.uid = `${config.get('MEILI_INDEX_PREFIX')}_questions`;
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

  async createIfMissing(uid: string): Promise<void> {
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

  /** Sends only the settings that differ and waits for them; returns the names of those settings. */
  async applySettings(uid = this.uid): Promise<string[]> {
    const index = await this.index(uid);
    const update = settingsToUpdate(this.settings, await index.getSettings());
    const keys = Object.keys(update);
    if (keys.length === 0) return [];
    this.logger.log(`updating ${uid} settings: ${keys.join(', ')}`);
    await this.wait(index.updateSettings(update), `update settings of ${uid}`);
    return keys;
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
    await Promise.all(pending);
  }

  async wait(task: EnqueuedTaskPromise, what: string): Promise<void> {
    assertTaskSucceeded(await task.waitTask(), what);
  }
}
