import { AppConfig, PollingLoop } from '@app/core';
import { Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AcceptReminders } from './accept-reminders';
import { NotificationsRelay } from './notifications.relay';

const POLL_MS = 250;
const REMIND_EVERY_MS = 60000;

/**
 * Drives the notifications relay in this API process (NOTIFICATIONS_RELAY=on) with the outbox's
 * PollingLoop: a batch after another while there is work, then a poll every 250 ms; the
 * accept-reminder sweep once a minute. Any number of instances may run it: the cursor lease lets one
 * at a time through.
 */
@Injectable()
export class NotificationsRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private lastRemind = 0;
  private readonly loop = new PollingLoop({
    name: 'NotificationsRelay',
    intervalMs: POLL_MS,
    failure: 'notifications batch failed',
    step: async () => {
      // Scheduling, not a domain rule: the reminder's own due time comes from the Clock.
      const now = Date.now();
      if (now - this.lastRemind >= REMIND_EVERY_MS) {
        this.lastRemind = now;
        await this.reminders.remindDue();
      }
      const result = await this.relay.runOnce();
      return { more: result.events >= this.relay.batchSize };
    },
  });

  constructor(
    private readonly relay: NotificationsRelay,
    private readonly reminders: AcceptReminders,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.get('NOTIFICATIONS_RELAY') === 'on') this.start();
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  onModuleDestroy(): Promise<void> {
    return this.stop();
  }
}
