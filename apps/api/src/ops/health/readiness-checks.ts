import { AppConfig, RedisConnection, pendingMigrations } from '@app/core';
import {
  EmbeddingService,
  IndexIdentityGuard,
  REINDEX_HINT,
  SearchHealth,
  SearchHealthService,
  isForeign,
} from '@app/search';
import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

const DATABASE_PING_TIMEOUT_MS = 2000;
const REDIS_PING_TIMEOUT_MS = 1000;

/**
 * `fatal`: the instance is useless without it (readiness fails, 503). `degraded`: the instance still
 * serves reads and writes without it (reported, 200).
 */
export type CheckSeverity = 'fatal' | 'degraded';

export interface ReadinessCheck {
  name: string;
  severity: CheckSeverity;
  /** Reports up or down with details; may throw (counted as down). */
  run(): Promise<HealthIndicatorResult>;
}

type CheckDetails = { status: 'up' | 'down'; [k: string]: unknown };

export interface ReadinessReport {
  /** `error` when a fatal check is down, `degraded` when only degraded ones are, else `ok`. */
  status: 'ok' | 'degraded' | 'error';
  info: Record<string, CheckDetails>;
  error: Record<string, CheckDetails>;
  details: Record<string, CheckDetails>;
  /** The degraded checks that are down. */
  degraded: string[];
}

function timeout(ms: number, what: string): Promise<never> {
  return new Promise((_, reject) =>
    setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms).unref(),
  );
}

/**
 * What /health/ready checks. Fatal: MySQL answers and the schema is current. Degraded: Meilisearch
 * answers, the outbox backlog is below HEALTH_MAX_OUTBOX_BACKLOG, Redis answers (when REDIS_URL is
 * set; rate limits fall back to in-process counters without it). Add a check to `checks()` with its
 * severity.
 */
@Injectable()
export class ReadinessChecks {
  constructor(
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly searchHealth: SearchHealthService,
    private readonly redis: RedisConnection,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly indexIdentity: IndexIdentityGuard,
    private readonly embeddings: EmbeddingService,
  ) {}

  checks(): ReadinessCheck[] {
    // One look at Meilisearch and the outbox serves both of their checks.
    const search = this.searchHealth.check();
    search.catch(() => undefined); // awaited below; this only keeps an early failure from being "unhandled"
    const checks: ReadinessCheck[] = [
      {
        name: 'database',
        severity: 'fatal',
        run: () => this.database.pingCheck('database', { timeout: DATABASE_PING_TIMEOUT_MS }),
      },
      { name: 'migrations', severity: 'fatal', run: () => this.migrations() },
      { name: 'meilisearch', severity: 'degraded', run: () => this.meilisearch(search) },
      { name: 'outbox', severity: 'degraded', run: () => this.outbox(search) },
      { name: 'searchIndexIdentity', severity: 'degraded', run: () => this.searchIndexIdentity() },
      { name: 'embeddings', severity: 'degraded', run: () => this.embeddingsCheck() },
    ];
    if (this.redis.client) checks.push({ name: 'redis', severity: 'degraded', run: () => this.redisCheck() });
    return checks;
  }

  /** Runs every check at once; none throws. */
  async report(): Promise<ReadinessReport> {
    const checks = this.checks();
    const results = await Promise.all(
      checks.map(async (c): Promise<CheckDetails> => {
        try {
          const result = (await c.run())[c.name] as CheckDetails | undefined;
          return result ?? { status: 'down', message: 'the check reported nothing' };
        } catch (err) {
          return { status: 'down', message: err instanceof Error ? err.message : 'the check failed' };
        }
      }),
    );
    const report: ReadinessReport = { status: 'ok', info: {}, error: {}, details: {}, degraded: [] };
    checks.forEach((c, i) => {
      const details = results[i];
      report.details[c.name] = details;
      if (details.status === 'up') {
        report.info[c.name] = details;
        return;
      }
      report.error[c.name] = details;
      if (c.severity === 'fatal') report.status = 'error';
      else {
        report.degraded.push(c.name);
        if (report.status === 'ok') report.status = 'degraded';
      }
    });
    return report;
  }

  /**
   * Whether the search index mirrors this database (libs/search/src/identity). A foreign index takes
   * search away (SERVICE_UNAVAILABLE) while reading and writing threads keep working, so it is a
   * degraded check: reported with the reason and the fix, never failing readiness.
   */
  private async searchIndexIdentity(): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('searchIndexIdentity');
    const status = await this.indexIdentity.status(true);
    const mismatch = status.state !== 'match' && status.state !== 'unchecked';
    const details = {
      state: status.state,
      degraded: mismatch,
      searchServed: !isForeign(status.state),
      ...(status.reason ? { reason: status.reason } : {}),
      ...(mismatch ? { fix: REINDEX_HINT } : {}),
    };
    // A degraded check: "down" lists it under `degraded` (200) without failing readiness.
    return mismatch ? check.down(details) : check.up(details);
  }

  /**
   * The duplicate-detection model: down (degraded) when EMBEDDINGS=on but it is missing, fails its
   * checksum or failed at run time; suggestions then come from the lexical ranker alone. Also down
   * (degraded, state `loading`) while the model is still being checked and loaded: `ok` only once it
   * is known to work (or EMBEDDINGS=off).
   */
  private async embeddingsCheck(): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('embeddings');
    await Promise.race([this.embeddings.ready(), new Promise((r) => setTimeout(r, 2000).unref())]);
    const status = this.embeddings.status();
    if (status.state === 'unavailable')
      return check.down({ ...status, impact: 'duplicate suggestions are lexical-only' });
    if (status.state === 'idle' || status.state === 'loading')
      return check.down({
        ...status,
        state: 'loading',
        impact: 'duplicate suggestions are lexical-only until the model is loaded',
      });
    return check.up({ ...status });
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
        : check.down({ error: m.error, impact: 'search and suggestions fail; writes queue in the outbox' });
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

  private async redisCheck(): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('redis');
    const client = this.redis.client;
    const started = Date.now();
    try {
      if (!client) throw new Error('not configured');
      await Promise.race([client.ping(), timeout(REDIS_PING_TIMEOUT_MS, 'Redis')]);
      return check.up({ latencyMs: Date.now() - started });
    } catch (err) {
      return check.down({
        error: err instanceof Error ? err.message : 'unreachable',
        impact: 'rate limits are counted per instance; live notifications reach only this instance',
      });
    }
  }
}
