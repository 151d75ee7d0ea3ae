import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A question whose asker was reminded to accept an answer: one reminder per question, ever. */
@Entity('accept_reminders')
export class AcceptReminderEntity {
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
