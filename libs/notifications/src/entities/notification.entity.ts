import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn } from '@app/core';

/**
 * An in-app notice for one user, created from one outbox event. The unique key makes replaying an
 * event (a relay that crashed before moving its cursor) create nothing twice.
 */
@Entity('notifications')
@Index('UQ_notifications_event', ['userId', 'eventId', 'kind'], { unique: true })
@Index('IDX_notifications_user', ['userId', 'id'])
@Index('IDX_notifications_user_unread', ['userId', 'readAt'])
@Index('IDX_notifications_question', ['questionId', 'kind'])
export class NotificationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'user_id', type: 'bigint' })
  userId: string;

  @Column({ type: 'varchar', length: 32 })
  kind: string;

  @Column({ name: 'event_id', type: 'bigint' })
  eventId: string;

  @Column({ name: 'question_id', type: 'bigint' })
  questionId: string;

  @Column({ name: 'answer_id', type: 'bigint', nullable: true })
  answerId: string | null;

  @Column({ name: 'actor_id', type: 'bigint', nullable: true })
  actorId: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @Column({ name: 'read_at', type: 'datetime', precision: 3, nullable: true })
  readAt: Date | null;
}
