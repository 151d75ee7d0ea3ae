import { AppConfig, pendingMigrations } from '@app/core';
import { IndexIdentityGuard, REINDEX_HINT, SearchHealth, SearchHealthService, isForeign } from '@app/search';
import { Injectable } from '@nestjs/common';
import {
  HealthIndicatorFunction,
  HealthIndicatorResult,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

const DATABASE_PING_TIMEOUT_MS = 2000;

/**
 * What /health/ready checks: MySQL answers, the schema is current, Meilisearch answers and the
 * outbox backlog is below HEALTH_MAX_OUTBOX_BACKLOG. No check throws: a failing one reports "down"
 * with the reason, and the probe answers 503 with every check's details.
 */
@Injectable()
export class ReadinessChecks {
  constructor(
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly searchHealth: SearchHealthService,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly indexIdentity: IndexIdentityGuard,
  ) {}

  all(): HealthIndicatorFunction[] {
    // One look at Meilisearch and the outbox serves both of their checks.
    const search = this.searchHealth.check();
    search.catch(() => undefined); // awaited below; this only keeps an early failure from being "unhandled"
    return [
      () => this.database.pingCheck('database', { timeout: DATABASE_PING_TIMEOUT_MS }),
      () => this.migrations(),
      () => this.meilisearch(search),
      () => this.outbox(search),
      () => this.searchIndexIdentity(),
    ];
  }

  /**
   * Whether the search index mirrors this database (libs/search/src/identity). Never "down": a foreign
   * index takes search away (SERVICE_UNAVAILABLE) while reading and writing threads keep working, so
   * it is reported as `degraded` with the reason and the fix instead of failing readiness.
   */
  private async searchIndexIdentity(): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('searchIndexIdentity');
    const status = await this.indexIdentity.status(true);
    const serving = !isForeign(status.state);
    return check.up({
      state: status.state,
      degraded: status.state !== 'match',
      searchServed: serving,
      ...(status.reason ? { reason: status.reason } : {}),
      ...(status.state === 'match' || status.state === 'unchecked' ? {} : { fix: REINDEX_HINT }),
    });
  }

  private async migrations(): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('migrations');
    try {
      const pending = await pendingMigrations(this.db);
      return pending.length === 0 ? check.up({ pending: 0 }) : check.down({ pending: pending.length });
    } catch {
      return check.down({ message: 'could not read the migrations table' });
    }
  }

  private async meilisearch(search: Promise<SearchHealth>): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('meilisearch');
    try {
      const { meilisearch: m } = await search;
      return m.reachable
        ? check.up({ latencyMs: m.latencyMs, index: m.index, documents: m.documents })
        : check.down({ error: m.error });
    } catch {
      return check.down({ message: 'could not read the search state' });
    }
  }

  private async outbox(search: Promise<SearchHealth>): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('outbox');
    const max = this.config.get('HEALTH_MAX_OUTBOX_BACKLOG');
    try {
      const { outbox } = await search;
      const details = { ...outbox, max };
      return outbox.pending < max ? check.up(details) : check.down(details);
    } catch {
      return check.down({ message: 'could not read the outbox' });
    }
  }
}
