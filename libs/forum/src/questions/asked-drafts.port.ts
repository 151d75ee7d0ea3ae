/**
 * Told when a question is asked from a draft (after its transaction commits): libs/search measures
 * deflection (which drafts were shown suggestions, clicked one, and were posted anyway) and provides
 * this port; the forum never imports search. A measurement, never part of the asker's action:
 * implementations log and carry on instead of failing.
 */
export abstract class AskedDraftsPort {
  abstract recordPosted(userId: string, draftId: string, questionId: string): Promise<void>;
}
