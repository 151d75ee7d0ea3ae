import { EntityManager } from 'typeorm';

/** What the desk records in its audit trail (desk_actions). */
export enum DeskActionKind {
  CLAIM = 'CLAIM',
  RELEASE = 'RELEASE',
  ASSIGN = 'ASSIGN',
  SET_TARGET = 'SET_TARGET',
  CANNED_CREATE = 'CANNED_CREATE',
  CANNED_UPDATE = 'CANNED_UPDATE',
  CANNED_DELETE = 'CANNED_DELETE',
  CANNED_INSERT = 'CANNED_INSERT',
  HANDOFF = 'HANDOFF',
  CLOSE_CASE = 'CLOSE_CASE',
}

/** The outbox topic of every desk notice; the payload names the kind and the recipients. */
export const DESK_NOTICE_EVENT = 'desk.notice';

export interface DeskAuditEntry {
  actorId: string;
  action: DeskActionKind;
  questionId?: string | null;
  subjectUserId?: string | null;
  detail?: string | null;
  at: Date;
}

/** Appends to the audit trail inside the action's own transaction: no action without its record. */
export async function recordDeskAction(m: EntityManager, e: DeskAuditEntry): Promise<void> {
  await m.query(
    `INSERT INTO desk_actions (actor_id, action, question_id, subject_user_id, detail, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
    [
      e.actorId,
      e.action,
      e.questionId ?? null,
      e.subjectUserId ?? null,
      e.detail?.slice(0, 300) ?? null,
      e.at,
    ],
  );
}
