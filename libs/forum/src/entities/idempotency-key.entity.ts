import { UserEntity } from '@app/accounts';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn } from '@app/core';
import { AnswerEntity } from './answer.entity';
import { QuestionEntity } from './question.entity';

/** The writes that take an idempotency key. */
export enum IdempotentWrite {
  ASK = 'askQuestion',
  ANSWER = 'postAnswer',
}

/**
 * A client's idempotency key for one write: the primary key (user, write, key) makes a retried or
 * doubled request find the row the first one wrote instead of writing a second question or answer.
 * `fingerprint` is a hash of the request's content, so reusing a key for other content is refused.
 */
@Entity('idempotency_keys')
export class IdempotencyKeyEntity {
  @PrimaryColumn({ name: 'user_id', type: 'bigint' })
  userId: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  operation: IdempotentWrite;

  // ASCII, compared byte for byte: keys differing only in case are different keys.
  @PrimaryColumn({
    name: 'idempotency_key',
    type: 'varchar',
    length: 64,
    charset: 'ascii',
    collation: 'ascii_bin',
  })
  key: string;

  @Column({ type: 'char', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  fingerprint: string;

  @Column({ name: 'question_id', type: 'bigint', nullable: true })
  questionId: string | null;

  @Column({ name: 'answer_id', type: 'bigint', nullable: true })
  answerId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @ManyToOne(() => QuestionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'question_id' })
  question?: QuestionEntity;

  @ManyToOne(() => AnswerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'answer_id' })
  answer?: AnswerEntity;

  @CreatedAtColumn()
  createdAt: Date;
}
