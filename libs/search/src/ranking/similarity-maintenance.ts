import { AppConfig } from '@app/core';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { OutboxRelayRunner } from '../relay/outbox-relay.runner';
import { SimilarityModel } from './similarity-model';
import { SimilarityStats } from './similarity-stats';

/**
 * Background upkeep of duplicate detection in long-running processes (API and worker):
 * - at start-up: load the newest fitted model and build the term statistics from the index;
 * - every SIMILAR_STATS_REFRESH_MS: rebuild the statistics (catches changes other processes relayed);
 * - every SIMILAR_REFIT_INTERVAL_MS: load a newer model if another process fitted one, and, only in
 *   a process that runs the outbox relay, refit once SIMILAR_REFIT_MIN_NEW_LINKS new links exist
 *   (one process at a time: the refit takes a database lock).
 * Failures are logged and retried at the next tick; suggestions keep working with what is loaded.
 */
@Injectable()
export class SimilarityMaintenance implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SimilarityMaintenance');
  private readonly timers: NodeJS.Timeout[] = [];
  private busy = false;

  constructor(
    private readonly stats: SimilarityStats,
    private readonly model: SimilarityModel,
    private readonly relay: OutboxRelayRunner,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.guard('start-up', async () => {
      await this.model.loadLatest();
      await this.stats.current();
    });
    this.every(this.config.get('SIMILAR_STATS_REFRESH_MS'), 'statistics refresh', async () => {
      await this.stats.rebuild();
    });
    this.every(this.config.get('SIMILAR_REFIT_INTERVAL_MS'), 'model refresh', async () => {
      await this.model.loadLatest();
      if (this.relay.running) await this.model.refitIfDue(this.config.get('SIMILAR_REFIT_MIN_NEW_LINKS'));
    });
  }

  onModuleDestroy(): void {
    for (const t of this.timers) clearInterval(t);
  }

  private every(ms: number, what: string, job: () => Promise<void>): void {
    if (ms <= 0) return;
    const timer = setInterval(() => void this.guard(what, job), ms);
    timer.unref();
    this.timers.push(timer);
  }

  private async guard(what: string, job: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      await job();
    } catch (err) {
      this.logger.warn(`similarity ${what} failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      this.busy = false;
    }
  }
}
