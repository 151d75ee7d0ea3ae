import { OutboxEventEntity } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntitySubscriberInterface, InsertEvent, TransactionCommitEvent } from 'typeorm';
import { OutboxRelayRunner } from './outbox-relay.runner';

const WROTE_OUTBOX = 'search.wroteOutbox';

/**
 * Wakes the in-process relay right after a transaction that wrote outbox rows commits, so a change is
 * searchable in milliseconds instead of after the next poll. Only a hint: polling still finds every
 * row (including rows written by other processes).
 */
@Injectable()
export class OutboxCommitSubscriber implements EntitySubscriberInterface<OutboxEventEntity> {
  constructor(
    @InjectDataSource() db: DataSource,
    private readonly runner: OutboxRelayRunner,
  ) {
    db.subscribers.push(this);
  }

  listenTo(): typeof OutboxEventEntity {
    return OutboxEventEntity;
  }

  afterInsert(event: InsertEvent<OutboxEventEntity>): void {
    event.queryRunner.data = { ...event.queryRunner.data, [WROTE_OUTBOX]: true };
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const data = event.queryRunner.data as Record<string, unknown> | undefined;
    if (!data?.[WROTE_OUTBOX]) return;
    data[WROTE_OUTBOX] = false;
    if (this.runner.running) this.runner.wake();
  }
}
