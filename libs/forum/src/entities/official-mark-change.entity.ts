import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn } from '@app/core';

export enum OfficialMarkChangeKind {
  MARKED = 'MARKED',
  REMOVED = 'REMOVED',
}

export enum OfficialMarkChangeReason {
  /** An official account or moderator endorsed the answer (markOfficialAnswer). */
  ENDORSED = 'ENDORSED',
  /** An official account or moderator withdrew the mark (unmarkOfficialAnswer). */
  UNMARKED = 'UNMARKED',
  /** The answer was rewritten by someone other than whoever vouched for it. */
  EDITED = 'EDITED',
  /** The badge of the account that wrote or endorsed the answer was revoked. */
  BADGE_REVOKED = 'BADGE_REVOKED',
}

/** History of an answer's official mark: never updated or deleted, one row per change. */
@Entity('official_mark_changes')
@Index('IDX_official_mark_changes_answer', ['answerId', 'id'])
export class OfficialMarkChangeEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'answer_id', type: 'bigint' })
  answerId: string;

  @Column({ name: 'question_id', type: 'bigint' })
  questionId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: OfficialMarkChangeKind;

  @Column({ type: 'varchar', length: 32 })
  reason: OfficialMarkChangeReason;

  /** Who made the change; null for the system (a badge revoked from the CLI). */
  @Column({ name: 'actor_id', type: 'bigint', nullable: true })
  actorId: string | null;

  /** Whose badge the mark stood on: the endorser, or the author of an answer official from the start. */
  @Column({ name: 'vouched_by_id', type: 'bigint', nullable: true })
  vouchedById: string | null;

  @Column({ name: 'verified_at', type: 'datetime', precision: 3, nullable: true })
  verifiedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;
}
