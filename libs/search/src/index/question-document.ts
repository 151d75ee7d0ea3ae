import { QuestionStatus } from '@app/forum';
import { cleanPlain, markdownToPlainText, truncateText } from './plain-text';

/** One Meilisearch document per question: what search and duplicate detection need, nothing more. */
export interface QuestionDocument {
  id: string;
  title: string;
  /** Plain text of the Markdown body. */
  body: string;
  tags: string[];
  status: QuestionStatus;
  isSolved: boolean;
  hasOfficialAnswer: boolean;
  /** People search for the fix: the accepted and official answers are searchable too. */
  acceptedAnswer: string;
  officialAnswer: string;
  score: number;
  answerCount: number;
  /** Members who marked 我也遇到了: a common problem is a better suggestion. */
  meTooCount: number;
  /** Milliseconds since the epoch (sortable). */
  createdAt: number;
  duplicateOf: string | null;
}

// Bounds on indexed text: enough for every word that matters, small enough to keep the index lean.
const MAX_BODY_CHARS = 8000;
const MAX_ANSWER_CHARS = 4000;

export interface QuestionSource {
  id: string;
  title: string;
  body: string;
  tags: string[];
  status: QuestionStatus;
  officialAnswerCount: number;
  score: number;
  answerCount: number;
  meTooCount: number;
  createdAt: Date;
  duplicateOfId: string | null;
}

export function buildQuestionDocument(
  q: QuestionSource,
  acceptedAnswerBody: string | null,
  officialAnswerBodies: string[],
): QuestionDocument {
  return {
    id: q.id,
    title: cleanPlain(q.title),
    body: truncateText(markdownToPlainText(q.body), MAX_BODY_CHARS),
    tags: q.tags,
    status: q.status,
    isSolved: q.status === QuestionStatus.SOLVED,
    hasOfficialAnswer: q.officialAnswerCount > 0,
    acceptedAnswer: acceptedAnswerBody
      ? truncateText(markdownToPlainText(acceptedAnswerBody), MAX_ANSWER_CHARS)
      : '',
    officialAnswer: truncateText(officialAnswerBodies.map(markdownToPlainText).join('\n'), MAX_ANSWER_CHARS),
    score: q.score,
    answerCount: q.answerCount,
    meTooCount: q.meTooCount,
    createdAt: q.createdAt.getTime(),
    duplicateOf: q.duplicateOfId,
  };
}

/** Stable comparison of two documents (used to detect a change that raced an index write). */
export function sameDocument(a: QuestionDocument | undefined, b: QuestionDocument | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
