import { AppConfig } from '@app/core';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
  Optional,
} from '@nestjs/common';
import { OutboxRelay } from './outbox-relay';
import { OutboxStore } from './outbox-store';

export const RELAY_OPTIONS = Symbol('RELAY_OPTIONS');

export interface RelayOptions {
  /** Run whatever SEARCH_RELAY says (the worker process); otherwise only with SEARCH_RELAY=inline. */
  force?: boolean;
}

const PURGE_EVERY_MS = 60 * 60 * 1000;
const LOG_REPEAT_MS = 30000;

/**
 * Drives the relay: one batch after another while there is work, then a poll every
 * SEARCH_RELAY_INTERVAL_MS (or sooner when a local commit wrote outbox rows: see wake()). While
 * Meilisearch is unreachable it only probes health, and resumes as soon as it answers.
 */
@Injectable()
export class OutboxRelayRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SearchRelay');
  private loop: Promise<void> | null = null;
  private stopping = false;
  private wakeUp: (() => void) | null = null;
  private woken = false;
  private lastPurge = 0;
  private lastLog = new Map<string, number>();

  constructor(
    private readonly relay: OutboxRelay,
    private readonly store: OutboxStore,
    private readonly config: AppConfig,
    @Optional() @Inject(RELAY_OPTIONS) private readonly options: RelayOptions = {},
  ) {}

  get running(): boolean {
    return this.loop !== null && !this.stopping;
  }

  onApplicationBootstrap(): void {
    if (this.options.force || this.config.get('SEARCH_RELAY') === 'inline') this.start();
  }

  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.logger.log('search index relay started');
    this.loop = this.run();
  }

  /** A hint that new outbox rows were just committed: poll now instead of at the next interval. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.loop;
    this.loop = null;
  }

  private async run(): Promise<void> {
    const interval = this.config.get('SEARCH_RELAY_INTERVAL_MS');
    let reachable = true;
    while (!this.stopping) {
      let more = false;
      try {
        if (!reachable) {
          reachable = await this.relay.isReachable();
          if (reachable) this.logger.log('Meilisearch is reachable again: resuming the relay');
        }
        if (reachable) {
          const result = await this.relay.runOnce();
          if (result.unavailable) {
            reachable = false;
            this.logger.warn('Meilisearch is unreachable: outbox rows wait until it is back');
          }
          more = result.processed > 0 && result.claimed >= this.relay.batchSize;
        }
        await this.purgeNow();
      } catch (err) {
        this.logThrottled(`relay batch failed: ${err instanceof Error ? err.message : String(err)}`);
      }
      // Unreachable: probe at a gentler pace than polling, but still within a second of recovery.
      if (!more && !this.stopping) await this.sleep(reachable ? interval : Math.max(interval, 500));
    }
  }

  private async purgeNow(): Promise<void> {
    if (Date.now() - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = Date.now();
    const n = await this.store.purgeProcessed(this.config.get('SEARCH_OUTBOX_RETENTION_DAYS'));
    if (n > 0) this.logger.log(`purged ${n} processed outbox rows`);
  }

  private sleep(ms: number): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeUp = null;
        this.woken = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      this.wakeUp = done;
    });
  }

  private logThrottled(message: string): void {
    const last = this.lastLog.get(message) ?? 0;
    if (Date.now() - last < LOG_REPEAT_MS) return;
    this.lastLog.set(message, Date.now());
    this.logger.error(message);
  }
}
