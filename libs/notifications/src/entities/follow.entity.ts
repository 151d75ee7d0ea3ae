import { Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn } from '@app/core';

/** A member following a question (askers follow their own). */
@Entity('question_follows')
@Index('IDX_question_follows_question', ['questionId'])
export class FollowEntity {
  @PrimaryColumn({ name: 'user_id', type: 'bigint' })
  userId: string;

  @PrimaryColumn({ name: 'question_id', type: 'bigint' })
  questionId: string;

  @CreatedAtColumn()
  createdAt: Date;
}
