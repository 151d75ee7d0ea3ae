import {
  ClaimedEvent,
  OutboxStats,
  claimOutboxRows,
  claimedOutboxStats,
  markOutboxProcessed,
  purgeOutbox,
  retryOutboxLater,
} from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * The search relay's SQL on outbox_events: the outbox's claim consumer (claimOutboxRows and the rest
 * in libs/core's outbox-consumer.ts) plus what the search index asks of the outbox. State lives only
 * in the table, so a relay resumes after any restart.
 */
@Injectable()
export class SearchOutboxRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Claims up to `limit` due rows for `leaseMs` (claimOutboxRows in libs/core). */
  claim(limit: number, leaseMs: number): Promise<ClaimedEvent[]> {
    return claimOutboxRows(this.db, limit, leaseMs);
  }

  markProcessed(ids: string[]): Promise<void> {
    return markOutboxProcessed(this.db, ids);
  }

  /** Puts rows back for a later attempt; they are never dropped. */
  retryLater(ids: string[], delayMs: number, error: string): Promise<void> {
    return retryOutboxLater(this.db, ids, delayMs, error);
  }

  stats(): Promise<OutboxStats> {
    return claimedOutboxStats(this.db);
  }

  /**
   * Deletes processed rows older than `days` that every outbox consumer has passed (purgeOutbox in
   * libs/core), a slice at a time; returns how many went.
   */
  purgeProcessed(days: number, slice = 5000): Promise<number> {
    return purgeOutbox(this.db, days, slice);
  }

  /**
   * Questions whose outbox rows may not be reflected in an index built from reads made after `since`:
   * rows still pending or in flight, and rows processed since then.
   */
  async questionsTouchedSince(since: Date): Promise<string[]> {
    const rows = (await this.db.query(
      `SELECT DISTINCT aggregate_id AS id
         FROM outbox_events
        WHERE aggregate_type = 'question' AND (processed_at IS NULL OR processed_at >= ?)`,
      [since],
    )) as { id: string }[];
    return rows.map((r) => String(r.id));
  }

  /**
   * Queues questions for re-indexing (one outbox row each, topic `topic`) unless a row for the
   * question is already pending; returns how many were queued. Used when search hydration finds a
   * document that no longer describes its row: the relay then rewrites it (or deletes it).
   */
  async requeueQuestions(ids: readonly string[], topic: string): Promise<number> {
    let queued = 0;
    for (const id of ids) {
      if (!/^\d{1,19}$/.test(id)) continue; // not a question id of this forum: nothing to reload
      const result = (await this.db.query(
        `INSERT INTO outbox_events (topic, aggregate_type, aggregate_id, payload)
         SELECT ?, 'question', ?, '{}' FROM DUAL
          WHERE NOT EXISTS (SELECT 1 FROM outbox_events
                             WHERE aggregate_type = 'question' AND aggregate_id = ? AND processed_at IS NULL)`,
        [topic, id, id],
      )) as { affectedRows?: number };
      queued += result.affectedRows ?? 0;
    }
    return queued;
  }

  async now(): Promise<Date> {
    const [row] = (await this.db.query('SELECT NOW(3) AS now')) as { now: Date }[];
    return row.now;
  }
}
