import { AnswerEntity, QuestionsReader, QuestionStatus, tagNamesOf } from '@app/forum';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import { QuestionDocument, buildQuestionDocument } from './question-document';

/** Reads questions from MySQL (the source of truth) and builds their index documents: two queries per batch. */
@Injectable()
export class QuestionDocumentsLoader {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly questions: QuestionsReader,
  ) {}

  /** Documents by id; ids of questions that no longer exist are absent from the map. */
  async load(ids: readonly string[]): Promise<Map<string, QuestionDocument>> {
    const docs = new Map<string, QuestionDocument>();
    if (ids.length === 0) return docs;
    // Hidden questions are left out, so the relay deletes their documents until they are restored.
    const rows = (await this.questions.findByIds(ids)).filter((q) => q.hiddenAt === null);
    if (rows.length === 0) return docs;
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
    for (const q of rows) {
      const own = answers.filter((a) => a.questionId === q.id);
      const accepted = own.find((a) => a.id === q.acceptedAnswerId) ?? null;
      const official = own
        .filter((a) => a.isOfficial)
        .sort((a, b) => b.score - a.score || a.createdAt.getTime() - b.createdAt.getTime());
      docs.set(
        q.id,
        buildQuestionDocument(
          {
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
          },
          accepted?.body ?? null,
          official.map((a) => a.body),
        ),
      );
    }
    return docs;
  }
}
