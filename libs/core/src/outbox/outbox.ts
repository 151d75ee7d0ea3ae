import { EntityManager } from 'typeorm';
import { OutboxEventEntity } from './outbox-event.entity';

export interface DomainEvent {
  topic: string;
  aggregateType: string;
  aggregateId: string;
  payload?: Record<string, unknown>;
}

/** Appends events to the outbox inside the caller's transaction (never on its own). */
export async function writeOutbox(manager: EntityManager, ...events: DomainEvent[]): Promise<void> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error('outbox rows must be written inside a transaction');
  }
  if (events.length === 0) return;
  await manager.insert(
    OutboxEventEntity,
    events.map((e) => ({
      topic: e.topic,
      aggregateType: e.aggregateType,
      aggregateId: e.aggregateId,
      payload: JSON.stringify(e.payload ?? {}),
    })),
  );
}
