import { Actor, isModerator } from '@app/accounts';
import { AppError } from '@app/core';

// THE visibility policy of the forum: pure functions, unit-tested in visibility.policy.spec.ts, used by
// every read (VisibilityService) and every write (services, inside their transactions).
//
// - A hidden question or answer is seen only by its author and moderators.
// - A hidden question also hides its answers from everyone but moderators and each answer's own author
//   (who then sees the thread only as a stub, see hiddenThreadStub).
// - Writes on posts the actor cannot see are refused with NOT_FOUND, as if the post did not exist.

export interface ViewerAccess {
  userId: string | null;
  isModerator: boolean;
}

export const ANONYMOUS: ViewerAccess = { userId: null, isModerator: false };

/** A post as the policy needs it: an entity (hiddenAt) or a GraphQL model (isHidden). */
export interface PostFacts {
  authorId: string;
  isHidden?: boolean;
  hiddenAt?: Date | null;
}

export function accessOf(actor: Actor): ViewerAccess {
  return { userId: actor.id, isModerator: isModerator(actor) };
}

export function isHiddenPost(post: PostFacts): boolean {
  return post.isHidden ?? (post.hiddenAt !== null && post.hiddenAt !== undefined);
}

function ownsOrModerates(viewer: ViewerAccess, post: PostFacts): boolean {
  return viewer.isModerator || (viewer.userId !== null && viewer.userId === post.authorId);
}

export function canSeeQuestion(viewer: ViewerAccess, question: PostFacts): boolean {
  return !isHiddenPost(question) || ownsOrModerates(viewer, question);
}

/** An answer is visible when it is and its thread is, or to moderators and the answer's own author. */
export function canSeeAnswer(viewer: ViewerAccess, answer: PostFacts, question: PostFacts): boolean {
  if (ownsOrModerates(viewer, answer)) return true;
  return !isHiddenPost(answer) && !isHiddenPost(question);
}

/** Revisions (old text, possibly what a moderator removed) are for the post's author and moderators. */
export function canSeeRevisions(viewer: ViewerAccess, post: PostFacts): boolean {
  return ownsOrModerates(viewer, post);
}

export function requireVisibleQuestion(actor: Actor, question: PostFacts & { id: string }): void {
  if (!canSeeQuestion(accessOf(actor), question)) throw AppError.notFound('Question', question.id);
}

export function requireVisibleAnswer(
  actor: Actor,
  answer: PostFacts & { id: string },
  question: PostFacts,
): void {
  if (!canSeeAnswer(accessOf(actor), answer, question)) throw AppError.notFound('Answer', answer.id);
}

export const HIDDEN_THREAD_TITLE = '（该问题已被隐藏）';

/**
 * What the author of an answer on a hidden thread sees of that thread: its id and that it is hidden,
 * nothing of its text, tags, links or history.
 */
export function hiddenThreadStub<
  Q extends {
    title: string;
    body: string;
    hiddenReason: string | null;
    duplicateOfId: string | null;
    acceptedAnswerId: string | null;
    tagNames?: string[];
    categoryKey?: string | null;
    maskedPersonalData: unknown[];
  },
>(q: Q): Q {
  return {
    ...q,
    title: HIDDEN_THREAD_TITLE,
    body: '',
    hiddenReason: null,
    duplicateOfId: null,
    acceptedAnswerId: null,
    tagNames: [],
    categoryKey: null,
    maskedPersonalData: [],
  };
}
