import {
  AppError,
  Page,
  decodeIdCursor,
  encodeCursor,
  pageSize,
  parseId,
  rateLimitCheckpoint,
} from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In, IsNull } from 'typeorm';
import { NotificationEntity } from './entities/notification.entity';
import { Notification, NotificationKind } from './notification.models';

const MAX_MARK = 100;

function toNotification(e: NotificationEntity): Notification {
  return {
    id: e.id,
    kind: e.kind as NotificationKind,
    createdAt: e.createdAt,
    readAt: e.readAt,
    isRead: e.readAt !== null,
    questionId: e.questionId,
    answerId: e.answerId,
    actorId: e.actorId,
  };
}

/** A user's notifications: newest first, unread count, marking read. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private get repo() {
    return this.db.getRepository(NotificationEntity);
  }

  async list(
    userId: string,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Page<Notification>> {
    const size = pageSize(first, 20, 50);
    const afterId = decodeIdCursor('n', after);
    const qb = this.repo
      .createQueryBuilder('n')
      .where('n.user_id = :userId', { userId })
      .orderBy('n.id', 'DESC')
      .limit(size + 1);
    if (afterId) qb.andWhere('n.id < :afterId', { afterId });
    const rows = await qb.getMany();
    const items = rows.slice(0, size).map(toNotification);
    return { items, cursors: items.map((n) => encodeCursor('n', n.id)), hasNextPage: rows.length > size };
  }

  unreadCount(userId: string): Promise<number> {
    return this.repo.countBy({ userId, readAt: IsNull() });
  }

  /** Marks the given notifications of this user read (all of them when `ids` is omitted). */
  async markRead(userId: string, ids: readonly string[] | null | undefined, now: Date): Promise<number> {
    if (ids && ids.length > MAX_MARK) throw AppError.badInput(`at most ${MAX_MARK} ids at a time`, 'ids');
    const parsed = ids?.map((id) => parseId(id, 'ids'));
    if (parsed && parsed.length === 0) return 0;
    await rateLimitCheckpoint();
    const res = await this.repo.update(
      { userId, readAt: IsNull(), ...(parsed ? { id: In(parsed) } : {}) },
      { readAt: now },
    );
    return res.affected ?? 0;
  }

  /** Rows the relay just created for these users from events in (fromId, toId]. */
  async createdBetween(
    userIds: string[],
    fromId: string,
    toId: string,
  ): Promise<{ userId: string; notification: Notification }[]> {
    if (userIds.length === 0) return [];
    const rows = await this.repo
      .createQueryBuilder('n')
      .where('n.user_id IN (:...userIds)', { userIds })
      .andWhere(
        new Brackets((w) =>
          w.where('n.event_id > :fromId', { fromId }).andWhere('n.event_id <= :toId', { toId }),
        ),
      )
      .orderBy('n.id', 'ASC')
      .getMany();
    return rows.map((r) => ({ userId: r.userId, notification: toNotification(r) }));
  }
}
