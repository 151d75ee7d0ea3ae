import { Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn } from '@app/core';

/** "我也遇到了": a member has the same problem as the question (one mark per member and question). */
@Entity('me_toos')
@Index('IDX_me_toos_question', ['questionId'])
export class MeTooEntity {
  @PrimaryColumn({ name: 'user_id', type: 'bigint' })
  userId: string;

  @PrimaryColumn({ name: 'question_id', type: 'bigint' })
  questionId: string;

  @CreatedAtColumn()
  createdAt: Date;
}
