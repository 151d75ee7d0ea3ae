import { AppConfig, PollingLoop } from '@app/core';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
  Optional,
} from '@nestjs/common';
import { OutboxRelay } from './outbox-relay';
import { SearchOutboxRepository } from './search-outbox.repository';

export const RELAY_OPTIONS = Symbol('RELAY_OPTIONS');

export interface RelayOptions {
  /** Run whatever SEARCH_RELAY says (the worker process); otherwise only with SEARCH_RELAY=inline. */
  force?: boolean;
}

const PURGE_EVERY_MS = 60 * 60 * 1000;

/**
 * Drives the relay with the outbox's PollingLoop: one batch after another while there is work, then
 * a poll every SEARCH_RELAY_INTERVAL_MS (or sooner when a local commit wrote outbox rows: see
 * wake()). While Meilisearch is unreachable it only probes health, and resumes as soon as it answers.
 */
@Injectable()
export class OutboxRelayRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SearchRelay');
  private readonly loop: PollingLoop;
  private reachable = true;
  private lastPurge = 0;

  constructor(
    private readonly relay: OutboxRelay,
    private readonly store: SearchOutboxRepository,
    private readonly config: AppConfig,
    @Optional() @Inject(RELAY_OPTIONS) private readonly options: RelayOptions = {},
  ) {
    const interval = this.config.get('SEARCH_RELAY_INTERVAL_MS');
    this.loop = new PollingLoop({
      name: 'SearchRelay',
      intervalMs: interval,
      maxBackoffMs: this.config.get('SEARCH_RELAY_MAX_BACKOFF_MS'),
      failure: 'relay batch failed',
      step: async () => {
        const more = await this.step();
        // Unreachable: probe at a gentler pace than polling, but still within a second of recovery.
        return { more, delayMs: this.reachable ? interval : Math.max(interval, 500) };
      },
    });
  }

  get running(): boolean {
    return this.loop.running;
  }

  onApplicationBootstrap(): void {
    if (this.options.force || this.config.get('SEARCH_RELAY') === 'inline') this.start();
  }

  start(): void {
    if (this.loop.running) return;
    this.logger.log('search index relay started');
    this.loop.start();
  }

  /** A hint that new outbox rows were just committed: poll now instead of at the next interval. */
  wake(): void {
    this.loop.wake();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
  }

  private async step(): Promise<boolean> {
    let more = false;
    if (!this.reachable) {
      this.reachable = await this.relay.isReachable();
      if (this.reachable) this.logger.log('Meilisearch is reachable again: resuming the relay');
    }
    if (this.reachable) {
      const result = await this.relay.runOnce();
      if (result.unavailable) {
        this.reachable = false;
        this.logger.warn('Meilisearch is unreachable: outbox rows wait until it is back');
      }
      more = result.processed > 0 && result.claimed >= this.relay.batchSize;
    }
    await this.purgeNow();
    return more;
  }

  private async purgeNow(): Promise<void> {
    if (Date.now() - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = Date.now();
    const n = await this.store.purgeProcessed(this.config.get('SEARCH_OUTBOX_RETENTION_DAYS'));
    if (n > 0) this.logger.log(`purged ${n} processed outbox rows`);
  }
}
