import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn } from '@app/core';
import { UserEntity } from '@app/accounts';
import { HideableRow } from './hideable-row';
import { QuestionStatus } from '../models/enums';
import { AnswerEntity } from './answer.entity';
import { QuestionTagEntity } from './question-tag.entity';

@Entity('questions')
@Index('IDX_questions_status_id', ['status', 'id'])
@Index('IDX_questions_author_id', ['authorId', 'id'])
@Index('IDX_questions_category', ['categoryKey', 'id'])
export class QuestionEntity extends HideableRow {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'author_id', type: 'bigint' })
  authorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity;

  @Column({ type: 'varchar', length: 600 })
  title: string;

  @Column({ type: 'mediumtext' })
  body: string;

  @Column({ type: 'varchar', length: 16, default: QuestionStatus.OPEN })
  status: QuestionStatus;

  // One column, so "at most one accepted answer per question" holds by construction.
  @Column({ name: 'accepted_answer_id', type: 'bigint', nullable: true })
  acceptedAnswerId: string | null;

  @ManyToOne(() => AnswerEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'accepted_answer_id' })
  acceptedAnswer?: AnswerEntity;

  @Column({ name: 'accepted_at', type: 'datetime', precision: 3, nullable: true })
  acceptedAt: Date | null;

  @Column({ name: 'duplicate_of_id', type: 'bigint', nullable: true })
  duplicateOfId: string | null;

  @ManyToOne(() => QuestionEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'duplicate_of_id' })
  duplicateOf?: QuestionEntity;

  @Column({ type: 'int', default: 0 })
  score: number;

  @Column({ name: 'answer_count', type: 'int', default: 0 })
  answerCount: number;

  @Column({ name: 'official_answer_count', type: 'int', default: 0 })
  officialAnswerCount: number;

  // People who marked "我也遇到了" (me too); kept in step with the me_toos rows.
  @Column({ name: 'me_too_count', type: 'int', default: 0 })
  meTooCount: number;

  // The template category the asker chose (categories.key); null when none.
  @Column({ name: 'category_key', type: 'varchar', length: 32, nullable: true })
  categoryKey: string | null;

  @OneToMany(() => QuestionTagEntity, (qt) => qt.question)
  questionTags?: QuestionTagEntity[];

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
