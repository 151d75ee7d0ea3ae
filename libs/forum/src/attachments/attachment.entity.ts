import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn } from '@app/core';

export enum AttachmentVisibility {
  STAFF_ONLY = 'STAFF_ONLY',
  PUBLIC = 'PUBLIC',
}

export enum AttachmentTarget {
  QUESTION = 'QUESTION',
  ANSWER = 'ANSWER',
}

/** One region blurred before publishing (pixel box in the stored image). */
export interface RedactedRegion {
  kind: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * An uploaded image. `storageKey` names the clean copy (re-encoded, no metadata), seen only by staff
 * for it; `publicKey` names the redacted copy made when the uploader published it, the only bytes
 * ever served to the public. Files are content-addressed (sha256 of the bytes), so two rows may share
 * one; a file is deleted when no row names it any more.
 */
@Entity('attachments')
@Index('IDX_attachments_uploader', ['uploaderId', 'id'])
@Index('IDX_attachments_target', ['targetType', 'targetId'])
@Index('IDX_attachments_orphans', ['attachedAt', 'createdAt'])
@Index('IDX_attachments_storage', ['storageKey'])
@Index('IDX_attachments_public', ['publicKey'])
export class AttachmentEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'uploader_id', type: 'bigint' })
  uploaderId: string;

  @Column({ name: 'storage_key', type: 'char', length: 64 })
  storageKey: string;

  @Column({ name: 'public_key', type: 'char', length: 64, nullable: true })
  publicKey: string | null;

  @Column({ name: 'mime_type', type: 'varchar', length: 32 })
  mimeType: string;

  @Column({ name: 'byte_size', type: 'int' })
  byteSize: number;

  @Column({ type: 'int' })
  width: number;

  @Column({ type: 'int' })
  height: number;

  @Column({ type: 'varchar', length: 16, default: AttachmentVisibility.STAFF_ONLY })
  visibility: AttachmentVisibility;

  @Column({ name: 'target_type', type: 'varchar', length: 16, nullable: true })
  targetType: AttachmentTarget | null;

  @Column({ name: 'target_id', type: 'bigint', nullable: true })
  targetId: string | null;

  @Column({ name: 'attached_at', type: 'datetime', precision: 3, nullable: true })
  attachedAt: Date | null;

  /** What publishing blurred (JSON list of RedactedRegion), null before publishing. */
  @Column({ type: 'json', nullable: true })
  redactions: RedactedRegion[] | null;

  /** Whether OCR checked the published copy (false: the uploader confirmed without a check). */
  @Column({ name: 'ocr_checked', type: 'boolean', default: false })
  ocrChecked: boolean;

  @CreatedAtColumn()
  createdAt: Date;
}
