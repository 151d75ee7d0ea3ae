import { Metrics, OutboxStats } from '@app/core';
import { IndexIdentityGuard, SearchOutboxRepository, isForeign } from '@app/search';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';

/** What this code reads of mysql2's pool (internal fields, hence every one optional). */
interface Mysql2PoolInternals {
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
  config?: { connectionLimit?: number };
}

// The outbox gauges of one scrape share one query.
const STATS_TTL_MS = 1000;

/**
 * Gauges read when Prometheus scrapes: the outbox backlog (one indexed COUNT/MIN on pending rows,
 * shared with /health/search) and the database pool. Nothing runs between scrapes.
 */
@Injectable()
export class StateGauges {
  private stats: { at: number; value: Promise<OutboxStats> } | null = null;

  constructor(
    metrics: Metrics,
    private readonly outbox: SearchOutboxRepository,
    @InjectDataSource() private readonly db: DataSource,
    private readonly indexIdentity: IndexIdentityGuard,
  ) {
    const gauge = <L extends string = string>(
      name: string,
      help: string,
      read: (g: Gauge<L>) => void | Promise<void>,
      labelNames: readonly L[] = [],
    ): void => {
      const g: Gauge<L> = new Gauge<L>({
        name,
        help,
        labelNames,
        registers: [metrics.registry],
        collect: () => read(g),
      });
    };
    gauge('outbox_pending_events', 'Outbox rows not yet in the search index', async (g) => {
      g.set((await this.outboxStats())?.pending ?? Number.NaN);
    });
    gauge('outbox_failing_events', 'Pending outbox rows whose last attempt failed', async (g) => {
      g.set((await this.outboxStats())?.failing ?? Number.NaN);
    });
    gauge(
      'outbox_oldest_pending_age_seconds',
      'Age of the oldest outbox row not yet in the search index (0 when none)',
      async (g) => {
        const stats = await this.outboxStats();
        const oldest = stats?.oldestPendingAt;
        g.set(!stats ? Number.NaN : oldest ? Math.max(0, (Date.now() - oldest.getTime()) / 1000) : 0);
      },
    );
    gauge(
      'db_pool_connections',
      'MySQL pool connections by state: idle, in_use, and max (the configured limit)',
      (g) => {
        g.reset();
        const pool = this.pool();
        if (!pool?._allConnections || !pool._freeConnections) return;
        const idle = pool._freeConnections.length;
        g.set({ state: 'idle' }, idle);
        g.set({ state: 'in_use' }, pool._allConnections.length - idle);
        if (pool.config?.connectionLimit) g.set({ state: 'max' }, pool.config.connectionLimit);
      },
      ['state'] as const,
    );
    gauge(
      'search_index_identity_mismatch',
      'Whether the search index was built from another database than this one (1: search refused until a reindex; NaN: not checked)',
      async (g) => {
        const { state } = await this.indexIdentity.status();
        g.set(state === 'unchecked' ? Number.NaN : isForeign(state) ? 1 : 0);
      },
    );
    gauge('db_pool_waiting_requests', 'Queries waiting for a free pool connection', (g) => {
      g.set(this.pool()?._connectionQueue?.length ?? 0);
    });
  }

  /** Null when the database cannot be read: the gauges then show NaN rather than a stale value. */
  private async outboxStats(): Promise<OutboxStats | null> {
    if (!this.stats || Date.now() - this.stats.at > STATS_TTL_MS) {
      this.stats = { at: Date.now(), value: this.outbox.stats() };
    }
    return this.stats.value.catch(() => null);
  }

  private pool(): Mysql2PoolInternals | undefined {
    // TypeORM's MysqlDriver types its mysql2 pool as any; absent before connect and after destroy.
    const driver = this.db.driver as { pool?: Mysql2PoolInternals };
    return driver.pool;
  }
}
