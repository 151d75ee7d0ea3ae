import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { QuestionIndex } from '../index/question-index';
import { isIndexNotFound } from '../meili/meili-client';
import { DatabaseIdentity, IndexStamp } from './index-identity';

interface StampDocument extends IndexStamp {
  id: string;
}

/**
 * Both sides of the identity check. MySQL: the instance id (table forum_instance, created on first
 * use), the last migration and the database name. Meilisearch: one small index `<questions uid>_identity`
 * holding a record per questions index, keyed by the live name. It is not part of the index swap a
 * reindex does, so the record always describes whatever is live under that name: written when the
 * index is created empty, and by every reindex right after its swap.
 */
@Injectable()
export class IndexIdentityRepository {
  private instanceId: Promise<string> | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly index: QuestionIndex,
  ) {}

  get stampUid(): string {
    return `${this.index.uid}_identity`;
  }

  async database(): Promise<DatabaseIdentity> {
    const [instanceId, schemaVersion] = await Promise.all([this.readInstanceId(), this.schemaVersion()]);
    const database = (this.db.options as { database?: string }).database ?? '';
    return { instanceId, schemaVersion, database };
  }

  /** Created once per database; two processes racing both read the winner's id. */
  private readInstanceId(): Promise<string> {
    this.instanceId ??= (async () => {
      await this.db.query('INSERT IGNORE INTO forum_instance (id, instance_id) VALUES (1, ?)', [
        randomUUID(),
      ]);
      const [row] = (await this.db.query('SELECT instance_id AS id FROM forum_instance WHERE id = 1')) as {
        id: string;
      }[];
      return row.id;
    })().catch((err: unknown) => {
      this.instanceId = null;
      throw err;
    });
    return this.instanceId;
  }

  private async schemaVersion(): Promise<string> {
    const table = this.db.options.migrationsTableName ?? 'migrations';
    const rows = (await this.db.query(
      `SELECT name FROM \`${table}\` ORDER BY timestamp DESC, id DESC LIMIT 1`,
    )) as { name: string }[];
    return rows[0]?.name ?? 'none';
  }

  /** The record of the live questions index; null when there is none. */
  async read(): Promise<IndexStamp | null> {
    const client = await this.index.client();
    try {
      const doc = await client.index<StampDocument>(this.stampUid).getDocument(this.index.uid);
      return {
        instanceId: doc.instanceId,
        schemaVersion: doc.schemaVersion,
        database: doc.database,
        stampedAt: doc.stampedAt,
      };
    } catch (err) {
      if (isIndexNotFound(err) || isDocumentNotFound(err)) return null;
      throw err;
    }
  }

  /** Records that the live questions index now mirrors `identity` (this database by default). */
  async stamp(identity?: DatabaseIdentity): Promise<IndexStamp> {
    const who = identity ?? (await this.database());
    const stamp: IndexStamp = { ...who, stampedAt: new Date().toISOString() };
    const client = await this.index.client();
    await this.index.wait(
      client
        .index<StampDocument>(this.stampUid)
        .addDocuments([{ id: this.index.uid, ...stamp }], { primaryKey: 'id' }),
      `stamp ${this.index.uid} in ${this.stampUid}`,
    );
    return stamp;
  }

  /** Documents in the live questions index (0 when it does not exist). */
  async liveDocuments(): Promise<number> {
    try {
      return (await (await this.index.index()).getStats()).numberOfDocuments;
    } catch (err) {
      if (isIndexNotFound(err)) return 0;
      throw err;
    }
  }
}

function isDocumentNotFound(err: unknown): boolean {
  const cause = (err as { cause?: { code?: string } } | null)?.cause;
  return cause?.code === 'document_not_found';
}
