import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';

/** One shared Redis connection when REDIS_URL is set (rate limits, pub/sub); null otherwise. */
@Injectable()
export class RedisConnection implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisConnection.name);
  readonly client: Redis | null;
  private reachable = true;

  constructor(config: AppConfig) {
    const url = config.get('REDIS_URL');
    this.client = url
      ? new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: false, lazyConnect: false })
      : null;
    // Logged once per transition, not on every reconnection attempt.
    this.client?.on('error', (err: Error) => {
      if (!this.reachable) return;
      this.reachable = false;
      this.logger.warn(`Redis is unreachable (${err.message}); reconnecting in the background`);
    });
    this.client?.on('ready', () => {
      if (this.reachable) return;
      this.reachable = true;
      this.logger.log('Redis is reachable again');
    });
  }

  /** A second connection (a subscriber cannot issue other commands). */
  duplicate(): Redis | null {
    return this.client?.duplicate() ?? null;
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.client) return;
    // QUIT needs a connection; while reconnecting, stop the attempts instead.
    if (this.client.status === 'ready') await this.client.quit().catch(() => this.client?.disconnect());
    else this.client.disconnect();
  }
}
