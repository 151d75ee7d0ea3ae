import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn } from '../database/columns';

/**
 * A domain event written in the same transaction as the change it describes. Its consumers (see
 * outbox-consumer.ts) each keep their own position: the search relay claims rows and sets
 * processed_at, cursor consumers (notifications) keep the last id they handled in outbox_cursors.
 * Retention deletes a row only once every consumer has passed it.
 */
@Entity('outbox_events')
@Index('IDX_outbox_pending', ['processedAt', 'availableAt', 'id'])
export class OutboxEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  topic: string;

  @Column({ name: 'aggregate_type', type: 'varchar', length: 32 })
  aggregateType: string;

  @Column({ name: 'aggregate_id', type: 'bigint' })
  aggregateId: string;

  @Column({ type: 'text' })
  payload: string;

  @CreatedAtColumn()
  createdAt: Date;

  @Column({ name: 'available_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  availableAt: Date;

  @Column({ name: 'processed_at', type: 'datetime', precision: 3, nullable: true })
  processedAt: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'varchar', length: 1000, nullable: true })
  lastError: string | null;
}
