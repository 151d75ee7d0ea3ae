import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
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

  @CreateDateColumn({
    name: 'created_at',
    type: 'datetime',
    precision: 3,
    default: () => 'CURRENT_TIMESTAMP(3)',
  })
  createdAt: Date;

  @UpdateDateColumn({
    name: 'updated_at',
    type: 'datetime',
    precision: 3,
    default: () => 'CURRENT_TIMESTAMP(3)',
    onUpdate: 'CURRENT_TIMESTAMP(3)',
  })
  updatedAt: Date;
}
