import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { QuestionEntity } from './question.entity';
import { TagEntity } from './tag.entity';

@Entity('question_tags')
@Index('IDX_question_tags_tag', ['tagId', 'questionId'])
export class QuestionTagEntity {
  @PrimaryColumn({ name: 'question_id', type: 'bigint' })
  questionId: string;

  @PrimaryColumn({ name: 'tag_id', type: 'bigint' })
  tagId: string;

  @Column({ type: 'smallint', default: 0 })
  position: number;

  @ManyToOne(() => QuestionEntity, (q) => q.questionTags, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'question_id' })
  question?: QuestionEntity;

  @ManyToOne(() => TagEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tag_id' })
  tag?: TagEntity;
}
