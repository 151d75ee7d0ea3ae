import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn } from '@app/core';
import { PostType, ReportStatus } from '../models/enums';

@Entity('reports')
// open_key is 1 while the report is open and NULL afterwards: MySQL and MariaDB let NULLs repeat in
// a unique index, so this allows one open report per user and post, and any number of closed ones.
@Index('UQ_reports_open', ['reporterId', 'targetType', 'targetId', 'openKey'], { unique: true })
@Index('IDX_reports_status', ['status', 'id'])
@Index('IDX_reports_target', ['targetType', 'targetId'])
export class ReportEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'reporter_id', type: 'bigint' })
  reporterId: string;

  @Column({ name: 'target_type', type: 'varchar', length: 16 })
  targetType: PostType;

  @Column({ name: 'target_id', type: 'bigint' })
  targetId: string;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ type: 'varchar', length: 16, default: ReportStatus.OPEN })
  status: ReportStatus;

  @Column({ name: 'open_key', type: 'tinyint', nullable: true, default: 1 })
  openKey: number | null;

  @Column({ name: 'resolved_by_id', type: 'bigint', nullable: true })
  resolvedById: string | null;

  @Column({ name: 'resolved_at', type: 'datetime', precision: 3, nullable: true })
  resolvedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;
}
