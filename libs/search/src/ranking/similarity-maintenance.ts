import { AppConfig, PollingLoop } from '@app/core';
import { Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { OutboxRelayRunner } from '../relay/outbox-relay.runner';
import { SimilarityModel } from './similarity-model';
import { SimilarityStats } from './similarity-stats';

interface Job {
  what: string;
  everyMs: number;
  due: number;
  run: () => Promise<void>;
}

/**
 * Background upkeep of duplicate detection in long-running processes (API and worker), on the
 * outbox's PollingLoop:
 * - at start-up: load the newest fitted model and build the term statistics from the index;
 * - every SIMILAR_STATS_REFRESH_MS: rebuild the statistics (catches changes other processes relayed);
 * - every SIMILAR_REFIT_INTERVAL_MS: load a newer model if another process fitted one, and, only in
 *   a process that runs the outbox relay, refit once SIMILAR_REFIT_MIN_NEW_LINKS new links exist
 *   (one process at a time: the refit takes a database lock).
 * Failures are logged and retried at the next tick; suggestions keep working with what is loaded.
 */
@Injectable()
export class SimilarityMaintenance implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly jobs: Job[] = [];
  private startedUp = false;
  private loop: PollingLoop | null = null;

  constructor(
    private readonly stats: SimilarityStats,
    private readonly model: SimilarityModel,
    private readonly relay: OutboxRelayRunner,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.every(this.config.get('SIMILAR_STATS_REFRESH_MS'), 'statistics refresh', async () => {
      await this.stats.rebuild();
    });
    this.every(this.config.get('SIMILAR_REFIT_INTERVAL_MS'), 'model refresh', async () => {
      await this.model.loadLatest();
      if (this.relay.running) await this.model.refitIfDue(this.config.get('SIMILAR_REFIT_MIN_NEW_LINKS'));
    });
    const tick = Math.min(...this.jobs.map((j) => j.everyMs), 60000);
    this.loop = new PollingLoop({
      name: 'SimilarityMaintenance',
      intervalMs: tick,
      failureLevel: 'warn',
      failure: 'similarity upkeep failed',
      step: () => this.step(),
    });
    this.loop.start();
  }

  onModuleDestroy(): Promise<void> | undefined {
    return this.loop?.stop();
  }

  private every(ms: number, what: string, run: () => Promise<void>): void {
    if (ms <= 0) return;
    this.jobs.push({ what, everyMs: ms, due: Date.now() + ms, run });
  }

  /** The start-up job first, then every job that is due (one at a time). */
  private async step(): Promise<void> {
    if (!this.startedUp) {
      this.startedUp = true; // once, as before: a failure is logged and the periodic jobs catch up
      await this.model.loadLatest();
      await this.stats.current();
    }
    for (const job of this.jobs) {
      if (Date.now() < job.due) continue;
      job.due = Date.now() + job.everyMs;
      await job.run();
    }
  }
}
