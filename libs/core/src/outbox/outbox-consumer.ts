import { DataSource, EntityManager } from 'typeorm';

/**
 * The outbox's consumer model. Every consumer has a name and a durable position, is at-least-once
 * (a crash before its position moves replays the events, so handlers are idempotent), shares work
 * across instances through a lease, and backs off on failure (outboxRetryDelayMs); PollingLoop drives
 * it. Two kinds of position exist, both here:
 * - a claim consumer (the search relay: claimOutboxRows, markOutboxProcessed, retryOutboxLater below)
 *   leases rows (available_at pushed out by the lease, attempts counted, back-off per row) and marks
 *   them processed_at: several instances work on disjoint rows, each row relayed once; its position is
 *   the rows' processed_at, so there is one claim consumer per outbox (the search index);
 * - a cursor consumer (notifications) keeps the id it has handled in outbox_cursors; the row lock on
 *   its cursor (SKIP LOCKED) is its lease, so one instance at a time advances it, in the same
 *   transaction as the consumer's own writes.
 * Retention (purgeOutbox) deletes a row only once every consumer has passed it.
 */
export interface OutboxRow {
  id: string;
  topic: string;
  aggregateType: string;
  aggregateId: string;
  /** JSON text. */
  payload: string;
}

export interface CursorBatch<R> {
  events: OutboxRow[];
  fromId: string;
  toId: string;
  result: R;
}

// A missing id below a newer event is a transaction still in flight (ids are taken at insert, rows
// appear at commit) or one rolled back. Wait for it this long before deciding it was rolled back.
const GAP_GRACE_SECONDS = 10;

/**
 * One batch of a cursor consumer: in one transaction, lease the consumer's cursor (SKIP LOCKED: while
 * another instance holds it, this one gets null), read the next events in id order up to the first
 * unsettled gap, let `handle` write its effects with the same manager, and move the cursor past them.
 * A failure anywhere rolls all of it back (the events come again). A missing cursor row is created at
 * the newest event (start from now, not from history).
 */
export function consumeAfterCursor<R>(
  db: DataSource,
  consumer: string,
  limit: number,
  handle: (m: EntityManager, events: OutboxRow[]) => Promise<R>,
): Promise<CursorBatch<R> | null> {
  return db.transaction('READ COMMITTED', async (m) => {
    const [cursor] = await m.query(
      'SELECT last_event_id AS last FROM outbox_cursors WHERE consumer = ? FOR UPDATE SKIP LOCKED',
      [consumer],
    );
    if (!cursor) {
      // Normally seeded by the migration; if the row went missing, start from now, not from history.
      await m.query(
        `INSERT INTO outbox_cursors (consumer, last_event_id)
           SELECT ?, COALESCE(MAX(id), 0) FROM outbox_events
         ON DUPLICATE KEY UPDATE consumer = consumer`,
        [consumer],
      );
      return null;
    }
    const fromId = String(cursor.last);
    const rows: (OutboxRow & { settled: string | number })[] = await m.query(
      `SELECT id, topic, aggregate_type AS aggregateType, aggregate_id AS aggregateId, payload,
              created_at < NOW(3) - INTERVAL ? SECOND AS settled
         FROM outbox_events
        WHERE id > ?
        ORDER BY id
        LIMIT ?`,
      [GAP_GRACE_SECONDS, fromId, limit],
    );
    const ready = untilGap(fromId, rows);
    if (ready.length === 0) return null;
    const events = ready.map(({ settled: _settled, ...row }) => ({
      ...row,
      id: String(row.id),
      aggregateId: String(row.aggregateId),
    }));
    const result = await handle(m, events);
    const toId = events[events.length - 1].id;
    await m.query('UPDATE outbox_cursors SET last_event_id = ? WHERE consumer = ?', [toId, consumer]);
    return { events, fromId, toId, result };
  });
}

/** The events up to the first unsettled gap in the id sequence (see GAP_GRACE_SECONDS). */
export function untilGap<T extends { id: string; settled: string | number }>(fromId: string, rows: T[]): T[] {
  const out: T[] = [];
  let expected = BigInt(fromId) + 1n;
  for (const row of rows) {
    const id = BigInt(row.id);
    if (id !== expected && Number(row.settled) !== 1) break;
    out.push(row);
    expected = id + 1n;
  }
  return out;
}

/**
 * Retention: deletes rows older than `days` that every consumer has passed (the claim consumer marked
 * them processed, and no cursor in outbox_cursors is behind them), a slice at a time; returns how
 * many went.
 */
export async function purgeOutbox(db: DataSource, days: number, slice = 5000): Promise<number> {
  let total = 0;
  for (;;) {
    const result = (await db.query(
      `DELETE FROM outbox_events
        WHERE processed_at IS NOT NULL AND processed_at < NOW(3) - INTERVAL ? DAY
          AND NOT EXISTS (SELECT 1 FROM outbox_cursors c WHERE c.last_event_id < outbox_events.id)
        LIMIT ?`,
      [days, slice],
    )) as { affectedRows?: number };
    const n = result.affectedRows ?? 0;
    total += n;
    if (n < slice) return total;
  }
}

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
 * Claims up to `limit` due rows. SKIP LOCKED lets concurrent relays pass over each other's rows
 * instead of waiting; the claim then pushes available_at out by a lease and commits at once, so the
 * rows stay invisible to other relays while this one works on them outside any lock, and come back
 * by themselves if this process dies. READ COMMITTED avoids gap locks that would block forum writes
 * inserting new rows meanwhile. Ordered like IDX_outbox_pending (oldest due first), so the scan reads
 * and locks only the rows it returns, however many processed rows the table keeps. Works on MariaDB
 * 10.6+ and MySQL 8.
 */
export function claimOutboxRows(db: DataSource, limit: number, leaseMs: number): Promise<ClaimedEvent[]> {
  return db.transaction('READ COMMITTED', async (m) => {
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

/** Marks claimed rows done (the claim consumer's position). */
export async function markOutboxProcessed(db: DataSource, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.query(
    `UPDATE outbox_events SET processed_at = NOW(3), last_error = NULL WHERE id IN (?) AND processed_at IS NULL`,
    [ids],
  );
}

/** Puts claimed rows back for a later attempt; they are never dropped. */
export async function retryOutboxLater(
  db: DataSource,
  ids: string[],
  delayMs: number,
  error: string,
): Promise<void> {
  if (ids.length === 0) return;
  await db.query(
    `UPDATE outbox_events
          SET available_at = NOW(3) + INTERVAL ? MICROSECOND, last_error = ?
        WHERE id IN (?) AND processed_at IS NULL`,
    [Math.round(delayMs) * 1000, error.slice(0, 1000), ids],
  );
}

/** Rows the claim consumer has not processed yet. */
export async function claimedOutboxStats(db: DataSource): Promise<OutboxStats> {
  const [row] = (await db.query(
    `SELECT COUNT(*) AS pending, COALESCE(SUM(last_error IS NOT NULL), 0) AS failing,
              MIN(created_at) AS oldest
         FROM outbox_events
        WHERE processed_at IS NULL`,
  )) as { pending: string; failing: string; oldest: Date | null }[];
  return { pending: Number(row.pending), failing: Number(row.failing), oldestPendingAt: row.oldest };
}
