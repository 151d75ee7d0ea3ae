import { AppConfig, errorMessage, parseDatabaseUrl, RedisConnection } from '@app/core';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { PubSub, PubSubEngine } from 'graphql-subscriptions';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { Notification, NotificationKind } from './notification.models';

/** What travels over pub/sub: JSON-safe (Redis serialises it), dates as ISO strings. */
export interface NotificationMessage {
  recipientId: string;
  notification: {
    id: string;
    kind: NotificationKind;
    questionId: string;
    answerId: string | null;
    actorId: string | null;
    createdAt: string;
  };
}

export function toMessage(recipientId: string, n: Notification): NotificationMessage {
  const { id, kind, questionId, answerId, actorId } = n;
  return {
    recipientId,
    notification: { id, kind, questionId, answerId, actorId, createdAt: n.createdAt.toISOString() },
  };
}

export function fromMessage(m: NotificationMessage): Notification {
  return { ...m.notification, createdAt: new Date(m.notification.createdAt), readAt: null, isRead: false };
}

/**
 * Live delivery of new notifications to subscribed sockets: Redis pub/sub when REDIS_URL is set, so a
 * notice created by one API instance reaches a socket held by another; in-process otherwise.
 */
@Injectable()
export class NotificationBus implements OnApplicationShutdown {
  private readonly logger = new Logger(NotificationBus.name);
  private readonly engine: PubSubEngine;
  private readonly redis: RedisPubSub | null;
  // One channel per database: environments (and test files) sharing a Redis never cross-deliver.
  private readonly channel: string;

  constructor(redis: RedisConnection, config: AppConfig) {
    this.channel = `notificationAdded:${parseDatabaseUrl(config.get('DATABASE_URL')).database}`;
    const client = redis.client;
    // A subscriber connection can do nothing else, so pub/sub gets connections of its own; they
    // queue commands while (re)connecting rather than failing like the shared client does.
    this.redis = client
      ? new RedisPubSub({
          publisher: client.duplicate({ enableOfflineQueue: true }),
          subscriber: client.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null }),
        })
      : null;
    this.engine = this.redis ?? new PubSub();
  }

  async publish(message: NotificationMessage): Promise<void> {
    try {
      await this.engine.publish(this.channel, message);
    } catch (err) {
      // The row is committed: the recipient still sees it in `notifications`, only the push is lost.
      this.logger.warn(`notification ${message.notification.id} not pushed: ${errorMessage(err)}`);
    }
  }

  iterator(): AsyncIterableIterator<NotificationMessage> {
    return this.engine.asyncIterableIterator<NotificationMessage>(this.channel);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.close().catch(() => undefined);
  }
}
