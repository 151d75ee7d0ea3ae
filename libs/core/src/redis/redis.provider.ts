import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';

/** One shared Redis connection when REDIS_URL is set (rate limits, pub/sub); null otherwise. */
@Injectable()
export class RedisConnection implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisConnection.name);
  readonly client: Redis | null;

  constructor(config: AppConfig) {
    const url = config.get('REDIS_URL');
    this.client = url
      ? new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: false, lazyConnect: false })
      : null;
    this.client?.on('error', (err: Error) => this.logger.warn(`Redis: ${err.message}`));
  }

  /** A second connection (a subscriber cannot issue other commands). */
  duplicate(): Redis | null {
    return this.client?.duplicate() ?? null;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client?.quit().catch(() => undefined);
  }
}
