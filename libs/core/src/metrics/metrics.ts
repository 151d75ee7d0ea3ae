import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Registry } from 'prom-client';

export type SearchFailureReason = 'unavailable' | 'rejected';

/**
 * The process's Prometheus registry and the metrics that libraries report into. One registry per
 * application instance (not prom-client's global one), so several apps in one process (the tests)
 * never collide; the API exposes it at GET /metrics and adds its own metrics to it.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  /** Failed attempts to bring outbox rows into Meilisearch (the rows are retried, never dropped). */
  readonly searchIndexFailures = new Counter({
    name: 'meilisearch_task_failures_total',
    help: 'Failed attempts to write outbox changes to Meilisearch, by reason (unavailable or rejected task)',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  /** Rate-limit decisions taken by in-process counters because Redis (REDIS_URL) was unreachable. */
  readonly rateLimitFallbacks = new Counter({
    name: 'rate_limit_redis_fallbacks_total',
    help: 'Rate-limit decisions taken in-process because Redis was unreachable',
    registers: [this.registry],
  });

  /** 1 while rate limits run on in-process counters because Redis is unreachable, else 0. */
  readonly rateLimitDegraded = new Gauge({
    name: 'rate_limit_redis_degraded',
    help: '1 while rate limits fall back to in-process counters because Redis is unreachable',
    registers: [this.registry],
  });

  /** Transactions run again after a deadlock (1213) or lock wait time-out (1205). */
  readonly transactionRetries = new Counter({
    name: 'db_transaction_retries_total',
    help: 'Database transactions run again after a lock conflict, by reason (deadlock or lock_wait_timeout)',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  /** Transactions that still lost a lock conflict on their last attempt (the client got SERVICE_UNAVAILABLE). */
  readonly transactionGiveUps = new Counter({
    name: 'db_transaction_give_ups_total',
    help: 'Database transactions abandoned after every retry lost a lock conflict, by reason',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  recordSearchFailure(reason: SearchFailureReason): void {
    this.searchIndexFailures.inc({ reason });
  }
}
