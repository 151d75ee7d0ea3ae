import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('tags')
@Index('IDX_tags_question_count', ['questionCount', 'name'])
export class TagEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Index('UQ_tags_name', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  name: string;

  /**
   * Open or solved questions carrying the tag that readers can see (not hidden, not closed as a
   * duplicate): kept by the writes that change it, in their transaction (tag-counts.ts).
   */
  @Column({ name: 'question_count', type: 'int', default: 0 })
  questionCount: number;
}
