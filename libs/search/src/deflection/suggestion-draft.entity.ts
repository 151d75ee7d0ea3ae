import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One question draft as seen by deflection measurement: suggestions shown, a suggestion clicked,
 * posted anyway or not. Keyed by a client-generated id; holds no draft text, only the user id.
 */
@Entity('suggestion_drafts')
@Index('IDX_suggestion_drafts_first_shown', ['firstShownAt'])
export class SuggestionDraftEntity {
  @PrimaryColumn({ name: 'draft_id', type: 'varchar', length: 64 })
  draftId: string;

  @Column({ name: 'user_id', type: 'bigint', nullable: true })
  userId: string | null;

  @Column({ name: 'first_shown_at', type: 'datetime', precision: 3, nullable: true })
  firstShownAt: Date | null;

  // Times suggestions were shown for this draft (each similarQuestions call with results).
  @Column({ name: 'shown_count', type: 'int', default: 0 })
  shownCount: number;

  // Distinct ids of the questions shown, comma-separated, at most 20.
  @Column({ name: 'shown_question_ids', type: 'varchar', length: 420, nullable: true })
  shownQuestionIds: string | null;

  @Column({ name: 'clicked_at', type: 'datetime', precision: 3, nullable: true })
  clickedAt: Date | null;

  @Column({ name: 'clicked_question_id', type: 'bigint', nullable: true })
  clickedQuestionId: string | null;

  @Column({ name: 'posted_question_id', type: 'bigint', nullable: true })
  postedQuestionId: string | null;

  @Column({ name: 'posted_at', type: 'datetime', precision: 3, nullable: true })
  postedAt: Date | null;

  // The draft counts as abandoned once nothing happened to it for a while after this.
  @Column({ name: 'last_event_at', type: 'datetime', precision: 3 })
  lastEventAt: Date;
}
