import { Entity, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn } from '@app/core';

/** A question whose asker was reminded to accept an answer: one reminder per question, ever. */
@Entity('accept_reminders')
export class AcceptReminderEntity {
  @PrimaryColumn({ name: 'question_id', type: 'bigint' })
  questionId: string;

  @CreatedAtColumn()
  createdAt: Date;
}
