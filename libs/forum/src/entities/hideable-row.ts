import { Column } from 'typeorm';

/**
 * The hidden-state columns that questions and answers share. Hidden by a moderator: gone for everyone
 * but moderators and the author, until restored. Not an entity itself: each table has its own copy.
 */
export abstract class HideableRow {
  @Column({ name: 'hidden_at', type: 'datetime', precision: 3, nullable: true })
  hiddenAt: Date | null;

  @Column({ name: 'hidden_by_id', type: 'bigint', nullable: true })
  hiddenById: string | null;

  @Column({ name: 'hidden_reason', type: 'varchar', length: 500, nullable: true })
  hiddenReason: string | null;
}
