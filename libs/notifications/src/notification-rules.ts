import { ANSWER_EVENTS } from '@app/forum';
import { NotificationKind } from './notification.models';

// Pure mapping of outbox events to notices: no I/O, unit-tested in notification-rules.spec.ts.

export const ACCEPT_REMINDER_EVENT = 'question.accept_reminder_due';
// Written by the official desk (libs/forum/src/desk): the payload names the kind and its recipients.
export const DESK_NOTICE_EVENT = 'desk.notice';
const DESK_KINDS = new Set<string>([
  NotificationKind.DESK_CLAIMED,
  NotificationKind.DESK_ASSIGNED,
  NotificationKind.DESK_TARGET_REMINDER,
  NotificationKind.PRIVATE_SUPPORT,
  NotificationKind.PRIVATE_SUPPORT_CLOSED,
]);
/**
 * Desk notices to the asker: they say that the official desk acts (官方处理中), never which official
 * account (who holds a thread is for the desk only), so they name no actor.
 */
export const ASKER_DESK_KINDS: ReadonlySet<string> = new Set<string>([
  NotificationKind.DESK_CLAIMED,
  NotificationKind.PRIVATE_SUPPORT,
  NotificationKind.PRIVATE_SUPPORT_CLOSED,
]);

export interface OutboxRecord {
  id: string;
  topic: string;
  questionId: string;
  payload: Record<string, unknown>;
}

export interface Notice {
  userId: string;
  kind: NotificationKind;
  eventId: string;
  questionId: string;
  answerId: string | null;
  actorId: string | null;
}

/** Who is interested in a thread, read when the event is processed. */
export interface Audience {
  followers(questionId: string): readonly string[];
  meToos(questionId: string): readonly string[];
}

const str = (v: unknown): string | null =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : null;

/** Events after which a thread is solved: its me-too members hear about it. */
export function solvesThread(e: OutboxRecord): boolean {
  return (
    e.topic === ANSWER_EVENTS.accepted ||
    e.topic === ANSWER_EVENTS.official ||
    (e.topic === ANSWER_EVENTS.posted && e.payload.isOfficial === true)
  );
}

/** Events whose notices go to the thread's followers. */
export function needsFollowers(e: OutboxRecord): boolean {
  return e.topic === ANSWER_EVENTS.posted || e.topic === ANSWER_EVENTS.official;
}

/**
 * The notices one event causes. Nobody is told about their own action. An official answer tells
 * followers OFFICIAL_ANSWER instead of NEW_ANSWER (one notice, the more useful one).
 */
export function noticesFor(e: OutboxRecord, audience: Audience): Notice[] {
  const answerId = str(e.payload.answerId);
  const notice = (userId: string, kind: NotificationKind, actorId: string | null): Notice => ({
    userId,
    kind,
    eventId: e.id,
    questionId: e.questionId,
    answerId,
    actorId,
  });
  const toAll = (users: readonly string[], kind: NotificationKind, actorId: string | null): Notice[] =>
    users.filter((u) => u !== actorId).map((u) => notice(u, kind, actorId));

  const out: Notice[] = [];
  switch (e.topic) {
    case ANSWER_EVENTS.posted: {
      const author = str(e.payload.authorId);
      const kind =
        e.payload.isOfficial === true ? NotificationKind.OFFICIAL_ANSWER : NotificationKind.NEW_ANSWER;
      out.push(...toAll(audience.followers(e.questionId), kind, author));
      break;
    }
    case ANSWER_EVENTS.accepted: {
      const author = str(e.payload.answerAuthorId);
      const by = str(e.payload.acceptedBy);
      if (author && author !== by) out.push(notice(author, NotificationKind.ANSWER_ACCEPTED, by));
      break;
    }
    case ANSWER_EVENTS.official:
      out.push(
        ...toAll(audience.followers(e.questionId), NotificationKind.OFFICIAL_ANSWER, str(e.payload.by)),
      );
      break;
    case ACCEPT_REMINDER_EVENT: {
      const asker = str(e.payload.askerId);
      if (asker) out.push(notice(asker, NotificationKind.ACCEPT_REMINDER, null));
      break;
    }
    case DESK_NOTICE_EVENT: {
      const kind = str(e.payload.kind);
      const recipients = Array.isArray(e.payload.recipients) ? e.payload.recipients.map(str) : [];
      if (kind && DESK_KINDS.has(kind)) {
        const users = recipients.filter((u): u is string => u !== null);
        const actor = str(e.payload.actorId);
        const notices = toAll([...new Set(users)], kind as NotificationKind, actor);
        out.push(...(ASKER_DESK_KINDS.has(kind) ? notices.map((n) => ({ ...n, actorId: null })) : notices));
      }
      break;
    }
  }
  if (solvesThread(e)) {
    const actor = str(e.payload.acceptedBy) ?? str(e.payload.by) ?? str(e.payload.authorId);
    out.push(...toAll(audience.meToos(e.questionId), NotificationKind.ME_TOO_SOLVED, actor));
  }
  return out;
}
