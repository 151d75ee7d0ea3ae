import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import { AnswerEntity } from '../entities/answer.entity';
import { tagNamesOf } from '../forum.mappers';
import { QuestionStatus } from '../models/enums';
import { QuestionsRepository } from './questions.repository';

/** What other libs (the search index) need to describe a visible question: plain data, no entity. */
export interface QuestionSearchSource {
  id: string;
  title: string;
  body: string;
  tags: string[];
  categoryKey: string | null;
  status: QuestionStatus;
  officialAnswerCount: number;
  score: number;
  answerCount: number;
  meTooCount: number;
  createdAt: Date;
  duplicateOfId: string | null;
  /** The accepted answer's body, unless it is hidden. */
  acceptedAnswerBody: string | null;
  /** Bodies of the visible official answers, best first (score, then oldest). */
  officialAnswerBodies: string[];
}

/** The forum's reader for the search documents: two queries per batch. */
@Injectable()
export class QuestionSourcesRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly questions: QuestionsRepository,
  ) {}

  /** Sources by id; ids of questions that no longer exist or are hidden are absent. */
  async load(ids: readonly string[]): Promise<QuestionSearchSource[]> {
    if (ids.length === 0) return [];
    // Hidden questions are left out, so the relay deletes their documents until they are restored.
    const rows = (await this.questions.findByIds(ids)).filter((q) => q.hiddenAt === null);
    if (rows.length === 0) return [];
    const acceptedIds = rows.map((q) => q.acceptedAnswerId).filter((id): id is string => id !== null);
    const answers = await this.db
      .getRepository(AnswerEntity)
      .createQueryBuilder('a')
      .select(['a.id', 'a.questionId', 'a.body', 'a.isOfficial', 'a.score', 'a.createdAt'])
      .where('a.question_id IN (:...qids)', { qids: rows.map((q) => q.id) })
      .andWhere('a.hidden_at IS NULL')
      .andWhere(
        new Brackets((w) => {
          w.where('a.is_official = 1');
          if (acceptedIds.length > 0) w.orWhere('a.id IN (:...acceptedIds)', { acceptedIds });
        }),
      )
      .getMany();
    return rows.map((q) => {
      const own = answers.filter((a) => a.questionId === q.id);
      const accepted = own.find((a) => a.id === q.acceptedAnswerId) ?? null;
      const official = own
        .filter((a) => a.isOfficial)
        .sort((a, b) => b.score - a.score || a.createdAt.getTime() - b.createdAt.getTime());
      return {
        id: q.id,
        title: q.title,
        body: q.body,
        tags: tagNamesOf(q) ?? [],
        categoryKey: q.categoryKey,
        status: q.status as QuestionStatus,
        officialAnswerCount: q.officialAnswerCount,
        score: q.score,
        answerCount: q.answerCount,
        meTooCount: q.meTooCount,
        createdAt: q.createdAt,
        duplicateOfId: q.duplicateOfId,
        acceptedAnswerBody: accepted?.body ?? null,
        officialAnswerBodies: official.map((a) => a.body),
      };
    });
  }

  /** How many questions exist (hidden ones included), with `upToId` those with an id up to it. */
  async count(upToId?: string): Promise<number> {
    const [{ n }] = (await (upToId === undefined
      ? this.db.query('SELECT COUNT(*) AS n FROM questions')
      : this.db.query('SELECT COUNT(*) AS n FROM questions WHERE id <= ?', [upToId]))) as { n: string }[];
    return Number(n);
  }

  /** The next question ids after `afterId`, in id order (a full rebuild walks them all). */
  async idsAfter(afterId: string, limit: number): Promise<string[]> {
    const rows = (await this.db.query('SELECT id FROM questions WHERE id > ? ORDER BY id LIMIT ?', [
      afterId,
      limit,
    ])) as { id: string }[];
    return rows.map((r) => String(r.id));
  }
}
