import { CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** "我也遇到了": a member has the same problem as the question (one mark per member and question). */
@Entity('me_toos')
@Index('IDX_me_toos_question', ['questionId'])
export class MeTooEntity {
  @PrimaryColumn({ name: 'user_id', type: 'bigint' })
  userId: string;

  @PrimaryColumn({ name: 'question_id', type: 'bigint' })
  questionId: string;

  @CreateDateColumn({
    name: 'created_at',
    type: 'datetime',
    precision: 3,
    default: () => 'CURRENT_TIMESTAMP(3)',
  })
  createdAt: Date;
}
