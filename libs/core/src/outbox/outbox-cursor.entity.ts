import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How far a cursor consumer (see outbox-consumer.ts) has read the outbox: events with a greater id are
 * still to do. Retention never purges outbox rows beyond the lowest cursor.
 */
@Entity('outbox_cursors')
export class OutboxCursorEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  consumer: string;

  @Column({ name: 'last_event_id', type: 'bigint', default: 0 })
  lastEventId: string;
}
