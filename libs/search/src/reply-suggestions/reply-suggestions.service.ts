import { Actor, isModerator } from '@app/accounts';
import { AppError, RequestContext, parseId } from '@app/core';
import { AnswersRepository, VisibilityService } from '@app/forum';
import { Injectable } from '@nestjs/common';
import { MAX_SIMILAR, SimilarQuestionsService } from '../ranking/similar-questions.service';
import { ReplySuggestion } from './reply-suggestion.model';

/**
 * Answers an official account can reuse for a question: the official and accepted answers of the
 * most similar solved threads (best thread first; within a thread official before accepted).
 */
@Injectable()
export class ReplySuggestionsService {
  constructor(
    private readonly similar: SimilarQuestionsService,
    private readonly answers: AnswersRepository,
    private readonly visibility: VisibilityService,
  ) {}

  async suggest(
    ctx: RequestContext,
    actor: Actor,
    questionIdRaw: string,
    limit: number | null | undefined,
  ): Promise<ReplySuggestion[]> {
    if (!actor.isOfficial && !isModerator(actor)) {
      throw AppError.forbidden('Only official accounts and moderators get reply suggestions');
    }
    const size = limit ?? 5;
    if (!Number.isInteger(size) || size < 1 || size > MAX_SIMILAR) {
      throw AppError.badInput(`limit must be between 1 and ${MAX_SIMILAR}`, 'limit');
    }
    const questionId = parseId(questionIdRaw, 'questionId');
    const question = await this.visibility.requireQuestion(ctx, questionId);

    // Over-fetch threads: only solved ones carry answers worth reusing.
    const similar = (
      await this.similar.find(ctx, { title: question.title, body: question.body }, MAX_SIMILAR, questionId)
    ).filter((s) => s.question.isSolved && !s.question.isHidden);
    const answers = await this.answers.officialOrAccepted(similar.map((s) => s.question.id));
    const out: ReplySuggestion[] = [];
    for (const s of similar) {
      const reusable = answers
        .filter((a) => a.questionId === s.question.id)
        .sort((a, b) => Number(b.isOfficial) - Number(a.isOfficial) || Number(BigInt(a.id) - BigInt(b.id)));
      for (const answer of reusable) out.push({ answer, sourceQuestion: s.question, score: s.score });
    }
    return out.slice(0, size);
  }
}
