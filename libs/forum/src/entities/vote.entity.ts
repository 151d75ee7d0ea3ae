import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn } from '@app/core';
import { PostType } from '../models/enums';

@Entity('votes')
@Index('UQ_votes_user_target', ['userId', 'targetType', 'targetId'], { unique: true })
@Index('IDX_votes_target', ['targetType', 'targetId'])
export class VoteEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'user_id', type: 'bigint' })
  userId: string;

  @Column({ name: 'target_type', type: 'varchar', length: 16 })
  targetType: PostType;

  @Column({ name: 'target_id', type: 'bigint' })
  targetId: string;

  @Column({ type: 'tinyint' })
  value: number;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
