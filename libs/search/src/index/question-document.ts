import { QuestionStatus } from '@app/forum';
import { createHash } from 'node:crypto';
import { cleanPlain, markdownToPlainText, truncateText } from './plain-text';

/** One Meilisearch document per question: what search and duplicate detection need, nothing more. */
export interface QuestionDocument {
  id: string;
  title: string;
  /** Plain text of the Markdown body. */
  body: string;
  tags: string[];
  /** Key of the template category the asker chose (categories.key); null when none. */
  category: string | null;
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
  /**
   * Which row this document was built from (questionContentVersion): search hydration compares it
   * with the row MySQL returns, so a stale document, or one from another database that happens to
   * share the id, never shows a thread it does not describe.
   */
  indexedVersion: string;
}

// Bounds on indexed text: enough for every word that matters, small enough to keep the index lean.
const MAX_BODY_CHARS = 8000;
const MAX_ANSWER_CHARS = 4000;

export interface QuestionSource {
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
}

/** What a question row must still have for its document to describe it. */
export interface QuestionContent {
  id: string;
  title: string;
  body: string;
  createdAt: Date;
}

/**
 * A short hash of a question's id, creation time, title and Markdown body: changes when the text is
 * edited, and differs between two databases whose rows share an id. Votes, answers and status are
 * left out on purpose (they change often, and hydration reads them from MySQL anyway).
 */
export function questionContentVersion(q: QuestionContent): string {
  return createHash('sha256')
    .update(`${q.id}\n${q.createdAt.getTime()}\n${q.title}\n${q.body}`)
    .digest('base64url')
    .slice(0, 22);
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
    category: q.categoryKey,
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
    indexedVersion: questionContentVersion(q),
  };
}

/** Stable comparison of two documents (used to detect a change that raced an index write). */
export function sameDocument(a: QuestionDocument | undefined, b: QuestionDocument | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
