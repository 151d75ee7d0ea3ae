import { QuestionSourcesRepository } from '@app/forum';
import { Injectable } from '@nestjs/common';
import { QuestionDocument, buildQuestionDocument } from './question-document';

/** Builds index documents from the forum's question sources (MySQL, the source of truth). */
@Injectable()
export class QuestionDocumentsLoader {
  constructor(private readonly sources: QuestionSourcesRepository) {}

  /** Documents by id; ids of questions that no longer exist are absent from the map. */
  async load(ids: readonly string[]): Promise<Map<string, QuestionDocument>> {
    const docs = new Map<string, QuestionDocument>();
    for (const q of await this.sources.load(ids)) {
      docs.set(
        q.id,
        buildQuestionDocument(
          {
            id: q.id,
            title: q.title,
            body: q.body,
            tags: q.tags,
            categoryKey: q.categoryKey,
            status: q.status,
            officialAnswerCount: q.officialAnswerCount,
            score: q.score,
            answerCount: q.answerCount,
            meTooCount: q.meTooCount,
            createdAt: q.createdAt,
            duplicateOfId: q.duplicateOfId,
          },
          q.acceptedAnswerBody,
          q.officialAnswerBodies,
        ),
      );
    }
    return docs;
  }
}
