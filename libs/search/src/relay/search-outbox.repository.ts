import { purgeOutbox } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface ClaimedEvent {
  id: string;
  /** Absent only in hand-built events (tests): treated as a plain "question changed". */
  topic?: string;
  aggregateType: string;
  aggregateId: string;
  /** JSON text. */
  payload?: string;
  /** Including this claim. */
  attempts: number;
}

export interface OutboxStats {
  pending: number;
  /** Pending rows whose last attempt failed (they wait for their retry time). */
  failing: number;
  oldestPendingAt: Date | null;
}

/**
 * The search relay's SQL on outbox_events, as the outbox's claim consumer (see outbox-consumer.ts in
 * libs/core). State lives only here, so a relay resumes after any restart.
 */
@Injectable()
export class SearchOutboxRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Claims up to `limit` due rows. SKIP LOCKED lets concurrent relays pass over each other's rows
   * instead of waiting; the claim then pushes available_at out by a lease and commits at once, so the
   * rows stay invisible to other relays while this one works on them outside any lock, and come back
   * by themselves if this process dies. READ COMMITTED avoids gap locks that would block forum writes
   * inserting new rows meanwhile. Ordered like IDX_outbox_pending (oldest due first), so the scan reads
   * and locks only the rows it returns, however many processed rows the table keeps. Works on MariaDB
   * 10.6+ and MySQL 8.
   */
  claim(limit: number, leaseMs: number): Promise<ClaimedEvent[]> {
    return this.db.transaction('READ COMMITTED', async (m) => {
      const rows: {
        id: string;
        topic: string;
        aggregateType: string;
        aggregateId: string;
        payload: string;
        attempts: number;
      }[] = await m.query(
        `SELECT id, topic, aggregate_type AS aggregateType, aggregate_id AS aggregateId, payload, attempts
             FROM outbox_events
            WHERE processed_at IS NULL AND available_at <= NOW(3)
            ORDER BY available_at, id
            LIMIT ?
              FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (rows.length === 0) return [];
      await m.query(
        `UPDATE outbox_events
            SET attempts = attempts + 1, available_at = NOW(3) + INTERVAL ? MICROSECOND
          WHERE id IN (?)`,
        [leaseMs * 1000, rows.map((r) => r.id)],
      );
      return rows.map((r) => ({
        id: String(r.id),
        topic: r.topic,
        payload: r.payload,
        aggregateType: r.aggregateType,
        aggregateId: String(r.aggregateId),
        attempts: Number(r.attempts) + 1,
      }));
    });
  }

  async markProcessed(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.query(
      `UPDATE outbox_events SET processed_at = NOW(3), last_error = NULL WHERE id IN (?) AND processed_at IS NULL`,
      [ids],
    );
  }

  /** Puts rows back for a later attempt; they are never dropped. */
  async retryLater(ids: string[], delayMs: number, error: string): Promise<void> {
    if (ids.length === 0) return;
    await this.db.query(
      `UPDATE outbox_events
          SET available_at = NOW(3) + INTERVAL ? MICROSECOND, last_error = ?
        WHERE id IN (?) AND processed_at IS NULL`,
      [Math.round(delayMs) * 1000, error.slice(0, 1000), ids],
    );
  }

  async stats(): Promise<OutboxStats> {
    const [row] = (await this.db.query(
      `SELECT COUNT(*) AS pending, COALESCE(SUM(last_error IS NOT NULL), 0) AS failing,
              MIN(created_at) AS oldest
         FROM outbox_events
        WHERE processed_at IS NULL`,
    )) as { pending: string; failing: string; oldest: Date | null }[];
    return { pending: Number(row.pending), failing: Number(row.failing), oldestPendingAt: row.oldest };
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
