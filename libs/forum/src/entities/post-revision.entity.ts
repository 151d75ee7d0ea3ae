import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn } from '@app/core';
import { PostType } from '../models/enums';

/** A previous version of a question or answer, saved whenever it is edited. */
@Entity('post_revisions')
@Index('IDX_post_revisions_target', ['targetType', 'targetId', 'id'])
export class PostRevisionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'target_type', type: 'varchar', length: 16 })
  targetType: PostType;

  @Column({ name: 'target_id', type: 'bigint' })
  targetId: string;

  @Column({ name: 'editor_id', type: 'bigint' })
  editorId: string;

  @Column({ type: 'varchar', length: 600, nullable: true })
  title: string | null;

  @Column({ type: 'mediumtext' })
  body: string;

  @Column({ type: 'varchar', length: 400, nullable: true })
  tags: string | null;

  // Redacted by a moderator: title, body and tags are emptied in storage; who, when and why stay.
  @Column({ name: 'redacted_at', type: 'datetime', precision: 3, nullable: true })
  redactedAt: Date | null;

  @Column({ name: 'redacted_by_id', type: 'bigint', nullable: true })
  redactedById: string | null;

  @Column({ name: 'redaction_reason', type: 'varchar', length: 500, nullable: true })
  redactionReason: string | null;

  @CreatedAtColumn()
  createdAt: Date;
}
