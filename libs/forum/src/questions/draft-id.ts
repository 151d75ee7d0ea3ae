import { AppError } from '@app/core';

/** Client-generated draft ids: 8–64 URL-safe characters (a UUID or nanoid fits). */
export const DRAFT_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * The draft id a question is asked from (AskQuestionInput.draftId, and the similarQuestions and
 * recordSuggestionClick arguments of libs/search's deflection measurement).
 */
export function parseDraftId(value: string | null | undefined, field = 'draftId'): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (!DRAFT_ID_PATTERN.test(value)) {
    throw AppError.badInput(`${field} must be 8–64 letters, digits, _ or -`, field);
  }
  return value;
}
