import { AppConfig } from '@app/core';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AcceptReminders } from './accept-reminders';
import { NotificationsRelay } from './notifications.relay';

const POLL_MS = 250;
const REMIND_EVERY_MS = 60000;
const LOG_REPEAT_MS = 30000;

/**
 * Drives the notifications relay in this API process (NOTIFICATIONS_RELAY=on): a batch after another
 * while there is work, then a poll every 250 ms; the accept-reminder sweep once a minute. Any number
 * of instances may run it: the cursor row lock lets one at a time through.
 */
@Injectable()
export class NotificationsRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('NotificationsRelay');
  private loop: Promise<void> | null = null;
  private stopping = false;
  private lastRemind = 0;
  private lastLog = 0;
  private timer: NodeJS.Timeout | null = null;
  private wakeUp: (() => void) | null = null;

  constructor(
    private readonly relay: NotificationsRelay,
    private readonly reminders: AcceptReminders,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.get('NOTIFICATIONS_RELAY') === 'on') this.start();
  }

  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.wakeUp?.();
    await this.loop;
    this.loop = null;
  }

  onModuleDestroy(): Promise<void> {
    return this.stop();
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let more = false;
      try {
        if (Date.now() - this.lastRemind >= REMIND_EVERY_MS) {
          this.lastRemind = Date.now();
          await this.reminders.remindDue();
        }
        const result = await this.relay.runOnce();
        more = result.events >= this.relay.batchSize;
      } catch (err) {
        if (Date.now() - this.lastLog > LOG_REPEAT_MS) {
          this.lastLog = Date.now();
          this.logger.error(
            `notifications batch failed: ${err instanceof Error ? err.message : String(err)}`,
          );
        }
      }
      if (!more && !this.stopping) await this.sleep(POLL_MS);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wakeUp = resolve;
      this.timer = setTimeout(resolve, ms);
      this.timer.unref();
    });
  }
}
