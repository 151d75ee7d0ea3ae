import { Actor, isModerator } from '@app/accounts';
import { AppConfig, AppError, Clock, cleanText, containsPersonalData } from '@app/core';
import { QuestionStatus, VoteValue } from './models/enums';

// Pure domain rules of the forum: no I/O, unit-tested in forum.rules.spec.ts.

export const TITLE_RULE = { field: 'title', min: 4, max: 150, singleLine: true };
export const BODY_RULE = { field: 'body', min: 1, max: 20000 };
export const MAX_TAGS = 5;
const TAG_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}_+#.-]{0,31}$/u;

export function cleanTitle(title: string): string {
  return cleanText(title, TITLE_RULE).replace(/\s+/g, ' ');
}

export function cleanBody(body: string): string {
  return cleanText(body, BODY_RULE);
}

/** Tags are trimmed, lower-cased (Latin), de-duplicated, at most five, 1–32 letters or digits. */
export function cleanTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const [i, raw] of tags.entries()) {
    const tag = raw.normalize('NFKC').trim().toLowerCase();
    if (!TAG_PATTERN.test(tag)) {
      throw AppError.badInput(`tag ${i + 1} must be 1–32 letters, digits, _ + # . or -`, 'tags');
    }
    // A tag is public and shared by every thread that uses it: personal data is refused, not masked.
    if (containsPersonalData(tag)) {
      throw AppError.badInput(
        `tag ${i + 1} looks like personal data (a phone, ID, card number or e-mail)`,
        'tags',
      );
    }
    if (!out.includes(tag)) out.push(tag);
  }
  if (out.length > MAX_TAGS) throw AppError.badInput(`at most ${MAX_TAGS} tags`, 'tags');
  return out;
}

export function statusOf(q: {
  duplicateOfId: string | null;
  acceptedAnswerId: string | null;
  officialAnswerCount: number;
}): QuestionStatus {
  if (q.duplicateOfId) return QuestionStatus.CLOSED;
  if (q.acceptedAnswerId || q.officialAnswerCount > 0) return QuestionStatus.SOLVED;
  return QuestionStatus.OPEN;
}

export function voteNumber(value: VoteValue): number {
  return value === VoteValue.UP ? 1 : value === VoteValue.DOWN ? -1 : 0;
}

export function voteValue(n: number): VoteValue {
  return n > 0 ? VoteValue.UP : n < 0 ? VoteValue.DOWN : VoteValue.NONE;
}

export function requireAuthorOrModerator(actor: Actor, authorId: string, what: string): void {
  if (actor.id !== authorId && !isModerator(actor)) {
    throw AppError.forbidden(`Only the author or a moderator can ${what}`);
  }
}

export function requireOfficialOrModerator(actor: Actor): void {
  if (!actor.isOfficial && !isModerator(actor)) {
    throw AppError.forbidden('Only official accounts and moderators can mark official answers');
  }
}

export interface RankedAnswer {
  id: string;
  isOfficial: boolean;
  verifiedAt?: Date | null;
  score: number;
  createdAt: Date;
}

const DAY_MS = 86400000;

/** Official answers verified before this moment are stale (OFFICIAL_ANSWER_STALE_DAYS ago). */
export function staleBefore(clock: Pick<Clock, 'now'>, config: Pick<AppConfig, 'get'>): Date {
  return new Date(clock.now().getTime() - config.get('OFFICIAL_ANSWER_STALE_DAYS') * DAY_MS);
}

/** An official answer is stale when it has not been verified since `staleBefore`. */
export function isStale(answer: Pick<RankedAnswer, 'isOfficial' | 'verifiedAt'>, staleBefore: Date): boolean {
  return answer.isOfficial && (!answer.verifiedAt || answer.verifiedAt < staleBefore);
}

/**
 * Thread order: official (fresh before stale), then accepted, then score, then oldest (id breaks
 * ties). Without `staleBefore` every official answer counts as fresh.
 */
export function compareAnswers(acceptedId: string | null, staleBefore?: Date) {
  const fresh = (a: RankedAnswer) => (staleBefore ? !isStale(a, staleBefore) : true);
  return (a: RankedAnswer, b: RankedAnswer): number =>
    Number(b.isOfficial) - Number(a.isOfficial) ||
    Number(b.isOfficial && fresh(b)) - Number(a.isOfficial && fresh(a)) ||
    Number(b.id === acceptedId) - Number(a.id === acceptedId) ||
    b.score - a.score ||
    a.createdAt.getTime() - b.createdAt.getTime() ||
    Number(BigInt(a.id) - BigInt(b.id));
}

export type OfficialAfterEdit = 'keep' | 'refresh' | 'drop';

/**
 * What an edit does to an answer's official mark. The mark vouches for the text: it stays (and is
 * re-verified) only when whoever vouched for it — the official author, or the endorser — rewrites it
 * and still holds the right to vouch. Any other edit drops it until someone endorses the new text.
 */
export function officialMarkAfterEdit(
  answer: { isOfficial: boolean; authorId: string; endorsedById: string | null },
  editor: Actor,
): OfficialAfterEdit {
  if (!answer.isOfficial) return 'keep';
  const voucher = answer.endorsedById ?? answer.authorId;
  if (editor.id !== voucher) return 'drop';
  const stillEntitled =
    answer.endorsedById === null ? editor.isOfficial : editor.isOfficial || isModerator(editor);
  return stillEntitled ? 'refresh' : 'drop';
}
