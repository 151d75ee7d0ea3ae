import { AppConfig, AppError, RequestContext, charLength } from '@app/core';
import { Question, QuestionStatus, QuestionsRepository, VisibilityService, canSeeQuestion } from '@app/forum';
import { Injectable } from '@nestjs/common';
import { IndexIdentityGuard } from '../identity/index-identity.guard';
import { StaleDocuments } from '../query/stale-documents';
import { readFromMeili } from '../search.errors';
import { SimilarDraft, SimilarityRanker } from './similarity-ranker';

export const MAX_SIMILAR = 20;
const MAX_TITLE_CHARS = 300;
const MAX_BODY_CHARS = 20000;

export interface SimilarResult {
  question: Question;
  score: number;
}

/**
 * Threads that may already answer a draft (duplicate suggestions while asking). Closed duplicates and
 * the question itself are left out by the ranker, and again here after hydrating from MySQL.
 */
@Injectable()
export class SimilarQuestionsService {
  constructor(
    private readonly ranker: SimilarityRanker,
    private readonly questions: QuestionsRepository,
    private readonly visibility: VisibilityService,
    private readonly config: AppConfig,
    private readonly identity: IndexIdentityGuard,
    private readonly stale: StaleDocuments,
  ) {}

  async find(
    ctx: RequestContext,
    draft: SimilarDraft,
    limit: number | null | undefined,
    excludeId?: string,
  ): Promise<SimilarResult[]> {
    const size = validLimit(limit);
    if (charLength(draft.title) > MAX_TITLE_CHARS) {
      throw AppError.badInput(`title must be at most ${MAX_TITLE_CHARS} characters`, 'title');
    }
    if (draft.body && charLength(draft.body) > MAX_BODY_CHARS) {
      throw AppError.badInput(`body must be at most ${MAX_BODY_CHARS} characters`, 'body');
    }
    const minScore = this.config.get('SIMILAR_MIN_SCORE');
    await this.identity.assertServing();
    const ranked = (await readFromMeili('similarQuestions', () => this.ranker.rank(draft, size, excludeId)))
      .filter((r) => r.score >= minScore && r.id !== excludeId)
      .slice(0, size);

    const rows = await this.questions.loader(ctx).loadMany(ranked.map((r) => r.id));
    const access = await this.visibility.access(ctx);
    const out: SimilarResult[] = [];
    const stale: string[] = [];
    ranked.forEach((r, i) => {
      const question = rows[i];
      // The index may lag MySQL: a deleted row, or one closed as a duplicate since, is left out.
      if (
        !question ||
        question instanceof Error ||
        question.status === QuestionStatus.CLOSED ||
        question.isHidden
      ) {
        if (!question) stale.push(r.id);
        return;
      }
      // …and so is a row its document no longer describes (edited since, or another database's).
      if (!this.stale.describes(question, r.indexedVersion)) {
        stale.push(r.id);
        return;
      }
      if (!canSeeQuestion(access, question)) return; // the forum's visibility policy
      out.push({ question, score: r.score });
    });
    await this.stale.requeue('similarQuestions', stale);
    return out;
  }
}

function validLimit(limit: number | null | undefined): number {
  if (limit === null || limit === undefined) return 5;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SIMILAR) {
    throw AppError.badInput(`limit must be between 1 and ${MAX_SIMILAR}`, 'limit');
  }
  return limit;
}
