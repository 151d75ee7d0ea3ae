import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn } from '@app/core';
import { UserEntity } from '@app/accounts';
import { HideableRow } from './hideable-row';
import { QuestionEntity } from './question.entity';

@Entity('answers')
@Index('IDX_answers_question', ['questionId', 'id'])
@Index('IDX_answers_author', ['authorId', 'id'])
export class AnswerEntity extends HideableRow {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'question_id', type: 'bigint' })
  questionId: string;

  @ManyToOne(() => QuestionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'question_id' })
  question?: QuestionEntity;

  @Column({ name: 'author_id', type: 'bigint' })
  authorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity;

  @Column({ type: 'mediumtext' })
  body: string;

  @Column({ name: 'is_official', type: 'boolean', default: false })
  isOfficial: boolean;

  // Who endorsed the answer as official and when; null when it was official from the start.
  @Column({ name: 'endorsed_by_id', type: 'bigint', nullable: true })
  endorsedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'endorsed_by_id' })
  endorsedBy?: UserEntity;

  @Column({ name: 'endorsed_at', type: 'datetime', precision: 3, nullable: true })
  endorsedAt: Date | null;

  @Column({ type: 'int', default: 0 })
  score: number;

  // When an official answer was last confirmed correct (written, endorsed or re-verified).
  @Column({ name: 'verified_at', type: 'datetime', precision: 3, nullable: true })
  verifiedAt: Date | null;

  // The solved thread whose answer an official account reused (reply suggestions); null otherwise.
  @Column({ name: 'source_question_id', type: 'bigint', nullable: true })
  sourceQuestionId: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
