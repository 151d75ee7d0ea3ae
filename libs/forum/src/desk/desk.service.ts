import { Actor, isAdmin, isModerator } from '@app/accounts';
import {
  AppConfig,
  AppError,
  Clock,
  RequestContext,
  cleanText,
  inTransaction,
  parseId,
  writeOutbox,
} from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { lockQuestion } from '../forum.locks';
import { requireVisibleQuestion } from '../moderation/visibility.policy';
import { QuestionEntity } from '../entities/question.entity';
import { DESK_NOTICE_EVENT, DeskActionKind, recordDeskAction } from './desk.audit';
import {
  CannedReply,
  CannedReplyInput,
  DeskClaim,
  DeskTarget,
  PrivateSupport,
  RenderedCannedReply,
  SupportChannelKind,
} from './desk.models';
import {
  caseReference,
  claimActive,
  privateSupportNote,
  renderTemplate,
  unknownVariables,
} from './desk.rules';

/** Official accounts and moderators work the desk. */
export function requireDesk(actor: Actor): void {
  if (!actor.isOfficial && !isModerator(actor)) {
    throw AppError.forbidden('Only official accounts and moderators can use the official desk');
  }
}

function requireOfficial(actor: Actor): void {
  if (!actor.isOfficial) throw AppError.forbidden('Only official accounts can claim threads');
}

interface ClaimRow {
  question_id: string;
  user_id: string;
  assigned_by_id: string | null;
  claimed_at: Date;
  last_activity_at: Date;
}

interface HandoffRow {
  id: string;
  question_id: string;
  case_reference: string;
  channel: SupportChannelKind;
  reason: string;
  opened_at: Date;
  closed_at: Date | null;
  outcome: string | null;
  asker_id: string;
}

interface CannedRow {
  id: string;
  category_key: string | null;
  title: string;
  body: string;
  usage_count: number;
  updated_at: Date;
}

const toCanned = (r: CannedRow): CannedReply => ({
  id: String(r.id),
  categoryKey: r.category_key,
  title: r.title,
  body: r.body,
  usageCount: Number(r.usage_count),
  unknownVariables: unknownVariables(r.body),
  updatedAt: r.updated_at,
});

/** Claims, assignments, hand-offs to private support, canned replies and targets of the official desk. */
@Injectable()
export class DeskService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  get idleMinutes(): number {
    return this.config.get('DESK_CLAIM_IDLE_MINUTES');
  }

  toClaim(r: ClaimRow): DeskClaim {
    const last = new Date(r.last_activity_at);
    return {
      ownerId: String(r.user_id),
      assignedById: r.assigned_by_id === null ? null : String(r.assigned_by_id),
      claimedAt: new Date(r.claimed_at),
      lastActivityAt: last,
      expiresAt: new Date(last.getTime() + this.idleMinutes * 60000),
    };
  }

  /** Active claims of threads (a lapsed claim is no claim), one query per request batch. */
  claimLoader(ctx: RequestContext): DataLoader<string, DeskClaim | null> {
    return ctx.loader('desk.claims', () => new DataLoader((ids) => this.activeClaims(ids)));
  }

  async activeClaims(ids: readonly string[]): Promise<(DeskClaim | null)[]> {
    const rows: ClaimRow[] = await this.db.query(
      'SELECT * FROM desk_claims WHERE question_id IN (?) AND last_activity_at > ?',
      [[...ids], this.idleCutoff()],
    );
    const byId = new Map(rows.map((r) => [String(r.question_id), this.toClaim(r)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  idleCutoff(): Date {
    return new Date(this.clock.now().getTime() - this.idleMinutes * 60000);
  }

  // ---- claims ----

  /**
   * Claims a thread for the actor. Claims of one thread serialise on the question's row lock and the
   * claim row's primary key is the thread, so of many concurrent claims exactly one wins; the others
   * get CONFLICT naming the holder. Claiming a thread you hold refreshes it.
   */
  async claim(actor: Actor, questionIdRaw: string): Promise<string> {
    requireOfficial(actor);
    return this.take(actor, parseId(questionIdRaw, 'questionId'), actor.id, DeskActionKind.CLAIM);
  }

  async assign(actor: Actor, questionIdRaw: string, userIdRaw: string): Promise<string> {
    requireDesk(actor);
    const questionId = parseId(questionIdRaw, 'questionId');
    const userId = parseId(userIdRaw, 'userId');
    const [user] = await this.db.query('SELECT official_label AS label FROM users WHERE id = ?', [userId]);
    if (!user) throw AppError.notFound('User', userId);
    if (user.label === null)
      throw AppError.badInput('Threads can be assigned to official accounts only', 'userId');
    return this.take(actor, questionId, userId, DeskActionKind.ASSIGN);
  }

  private async take(
    actor: Actor,
    questionId: string,
    ownerId: string,
    kind: DeskActionKind,
  ): Promise<string> {
    await inTransaction(this.db, async (m) => {
      const q = await this.lockOpenThread(m, actor, questionId);
      const now = this.clock.now();
      const [held]: ClaimRow[] = await m.query('SELECT * FROM desk_claims WHERE question_id = ? FOR UPDATE', [
        questionId,
      ]);
      const active = held && claimActive(new Date(held.last_activity_at), now, this.idleMinutes);
      if (kind === DeskActionKind.CLAIM && active && String(held.user_id) !== ownerId) {
        throw AppError.conflict('Another official account is already handling this thread');
      }
      // A held thread moves on only by its holder's hand or a moderator's.
      if (
        kind === DeskActionKind.ASSIGN &&
        active &&
        String(held.user_id) !== actor.id &&
        !isModerator(actor)
      ) {
        throw AppError.conflict('Another official account is handling this thread; ask them or a moderator');
      }
      if (active && String(held.user_id) === ownerId) {
        await m.query('UPDATE desk_claims SET last_activity_at = ? WHERE question_id = ?', [now, questionId]);
        if (kind === DeskActionKind.CLAIM) return;
      } else {
        await m.query(
          `INSERT INTO desk_claims (question_id, user_id, assigned_by_id, claimed_at, last_activity_at)
           VALUES (?, ?, ?, ?, ?)
           ON DUPLICATE KEY UPDATE user_id = VALUES(user_id), assigned_by_id = VALUES(assigned_by_id),
             claimed_at = VALUES(claimed_at), last_activity_at = VALUES(last_activity_at)`,
          [questionId, ownerId, kind === DeskActionKind.ASSIGN ? actor.id : null, now, now],
        );
      }
      await recordDeskAction(m, {
        actorId: actor.id,
        action: kind,
        questionId,
        subjectUserId: kind === DeskActionKind.ASSIGN ? ownerId : null,
        detail: active && String(held.user_id) !== ownerId ? `from user ${held.user_id}` : null,
        at: now,
      });
      const notices =
        kind === DeskActionKind.ASSIGN ? [{ kind: 'DESK_ASSIGNED', recipients: [ownerId] }] : [];
      // The asker hears once that an official account took the thread up (官方处理中).
      if (!active) notices.push({ kind: 'DESK_CLAIMED', recipients: [q.authorId] });
      await writeOutbox(
        m,
        ...notices.map((n) => ({
          topic: DESK_NOTICE_EVENT,
          aggregateType: 'question',
          aggregateId: questionId,
          payload: { ...n, actorId: actor.id },
        })),
      );
    });
    return questionId;
  }

  /** Releases a thread: its holder, or a moderator. Releasing a thread nobody holds changes nothing. */
  async release(actor: Actor, questionIdRaw: string): Promise<string> {
    requireDesk(actor);
    const questionId = parseId(questionIdRaw, 'questionId');
    await inTransaction(this.db, async (m) => {
      const q = await lockQuestion(m, questionId);
      requireVisibleQuestion(actor, q);
      const now = this.clock.now();
      const [held]: ClaimRow[] = await m.query('SELECT * FROM desk_claims WHERE question_id = ? FOR UPDATE', [
        questionId,
      ]);
      if (!held) return;
      const active = claimActive(new Date(held.last_activity_at), now, this.idleMinutes);
      if (active && String(held.user_id) !== actor.id && !isModerator(actor)) {
        throw AppError.forbidden('Only the holder of a claim or a moderator can release it');
      }
      await m.query('DELETE FROM desk_claims WHERE question_id = ?', [questionId]);
      await recordDeskAction(m, {
        actorId: actor.id,
        action: DeskActionKind.RELEASE,
        questionId,
        subjectUserId: String(held.user_id),
        detail: active ? null : 'lapsed claim',
        at: now,
      });
    });
    return questionId;
  }

  private async lockOpenThread(m: EntityManager, actor: Actor, questionId: string): Promise<QuestionEntity> {
    const q = await lockQuestion(m, questionId);
    requireVisibleQuestion(actor, q);
    if (q.hiddenAt) throw AppError.conflict('This thread is hidden');
    if (q.duplicateOfId) throw AppError.conflict('This thread is closed as a duplicate');
    return q;
  }

  /** The holder's own desk actions on a thread keep the claim alive. */
  private async touch(m: EntityManager, actor: Actor, questionId: string, now: Date): Promise<void> {
    await m.query(
      'UPDATE desk_claims SET last_activity_at = ? WHERE question_id = ? AND user_id = ? AND last_activity_at > ?',
      [now, questionId, actor.id, this.idleCutoff()],
    );
  }

  // ---- targets ----

  async targets(actor: Actor): Promise<DeskTarget[]> {
    requireDesk(actor);
    const rows = await this.db.query(
      `SELECT c.key AS categoryKey, c.name AS categoryName,
              COALESCE(t.first_response_minutes, ?) AS minutes, COALESCE(t.remind_before_minutes, 60) AS remind
         FROM categories c LEFT JOIN desk_targets t ON t.category_key = c.key
        ORDER BY c.position, c.key`,
      [this.config.get('DESK_DEFAULT_TARGET_MINUTES')],
    );
    return rows.map((r: Record<string, unknown>) => ({
      categoryKey: String(r.categoryKey),
      categoryName: String(r.categoryName),
      firstResponseMinutes: Number(r.minutes),
      remindBeforeMinutes: Number(r.remind),
    }));
  }

  async setTarget(
    actor: Actor,
    categoryRaw: string,
    minutes: number,
    remindBefore: number,
  ): Promise<DeskTarget[]> {
    if (!isAdmin(actor)) throw AppError.forbidden('Only administrators can change first-response targets');
    const category = await this.requireCategory(categoryRaw, 'category');
    if (!Number.isInteger(minutes) || minutes < 5 || minutes > 43200) {
      throw AppError.badInput(
        'firstResponseMinutes must be between 5 and 43200 (30 days)',
        'firstResponseMinutes',
      );
    }
    if (!Number.isInteger(remindBefore) || remindBefore < 1 || remindBefore >= minutes) {
      throw AppError.badInput(
        'remindBeforeMinutes must be at least 1 and less than the target',
        'remindBeforeMinutes',
      );
    }
    await inTransaction(this.db, async (m) => {
      await m.query(
        `INSERT INTO desk_targets (category_key, first_response_minutes, remind_before_minutes, updated_by_id)
         VALUES (?, ?, ?, ?)
         ON DUPLICATE KEY UPDATE first_response_minutes = VALUES(first_response_minutes),
           remind_before_minutes = VALUES(remind_before_minutes), updated_by_id = VALUES(updated_by_id)`,
        [category, minutes, remindBefore, actor.id],
      );
      await recordDeskAction(m, {
        actorId: actor.id,
        action: DeskActionKind.SET_TARGET,
        detail: `${category}: ${minutes} min, reminder ${remindBefore} min before`,
        at: this.clock.now(),
      });
    });
    return this.targets(actor);
  }

  private async requireCategory(raw: string, field: string): Promise<string> {
    const key = cleanText(raw, { field, min: 1, max: 32, singleLine: true });
    const [row] = await this.db.query('SELECT `key` FROM categories WHERE `key` = ?', [key]);
    if (!row) throw AppError.badInput(`No category "${key}"`, field);
    return String(row.key);
  }

  // ---- canned replies ----

  async cannedReplies(actor: Actor, categoryRaw: string | null | undefined): Promise<CannedReply[]> {
    requireDesk(actor);
    const category = categoryRaw ? categoryRaw.trim() : null;
    const rows: CannedRow[] = category
      ? await this.db.query(
          'SELECT * FROM canned_replies WHERE category_key = ? OR category_key IS NULL ORDER BY usage_count DESC, id',
          [category],
        )
      : await this.db.query('SELECT * FROM canned_replies ORDER BY usage_count DESC, id');
    return rows.map(toCanned);
  }

  private cleanCanned(input: CannedReplyInput): { title: string; body: string } {
    return {
      title: cleanText(input.title, { field: 'title', min: 2, max: 80, singleLine: true }),
      body: cleanText(input.body, { field: 'body', min: 5, max: 5000 }),
    };
  }

  async createCanned(actor: Actor, input: CannedReplyInput): Promise<CannedReply> {
    requireOfficial(actor);
    const { title, body } = this.cleanCanned(input);
    const category = input.category ? await this.requireCategory(input.category, 'category') : null;
    const id = await inTransaction(this.db, async (m) => {
      const res = await m.query(
        'INSERT INTO canned_replies (category_key, title, body, created_by_id, updated_by_id) VALUES (?, ?, ?, ?, ?)',
        [category, title, body, actor.id, actor.id],
      );
      const newId = String(res.insertId);
      await recordDeskAction(m, {
        actorId: actor.id,
        action: DeskActionKind.CANNED_CREATE,
        detail: `#${newId} ${title}`,
        at: this.clock.now(),
      });
      return newId;
    });
    return this.cannedById(id);
  }

  async updateCanned(actor: Actor, idRaw: string, input: CannedReplyInput): Promise<CannedReply> {
    requireOfficial(actor);
    const id = parseId(idRaw, 'id');
    const { title, body } = this.cleanCanned(input);
    const category = input.category ? await this.requireCategory(input.category, 'category') : null;
    await this.cannedById(id);
    await inTransaction(this.db, async (m) => {
      await m.query(
        'UPDATE canned_replies SET category_key = ?, title = ?, body = ?, updated_by_id = ? WHERE id = ?',
        [category, title, body, actor.id, id],
      );
      await recordDeskAction(m, {
        actorId: actor.id,
        action: DeskActionKind.CANNED_UPDATE,
        detail: `#${id} ${title}`,
        at: this.clock.now(),
      });
    });
    return this.cannedById(id);
  }

  async deleteCanned(actor: Actor, idRaw: string): Promise<string> {
    requireOfficial(actor);
    const id = parseId(idRaw, 'id');
    const reply = await this.cannedById(id);
    await inTransaction(this.db, async (m) => {
      await m.query('DELETE FROM canned_replies WHERE id = ?', [id]);
      await recordDeskAction(m, {
        actorId: actor.id,
        action: DeskActionKind.CANNED_DELETE,
        detail: `#${id} ${reply.title}`,
        at: this.clock.now(),
      });
    });
    return id;
  }

  private async cannedById(id: string): Promise<CannedReply> {
    const [row]: CannedRow[] = await this.db.query('SELECT * FROM canned_replies WHERE id = ?', [id]);
    if (!row) throw AppError.notFound('CannedReply', id);
    return toCanned(row);
  }

  /**
   * A canned reply filled in for a thread. `count`: the official account inserts it into the answer
   * composer (usage counted, claim kept alive); without it, a preview. Nothing is ever posted here:
   * the text goes into the composer, where it is read and edited before posting.
   */
  async render(
    actor: Actor,
    idRaw: string,
    questionIdRaw: string,
    count: boolean,
  ): Promise<RenderedCannedReply> {
    requireDesk(actor);
    if (count) requireOfficial(actor);
    const id = parseId(idRaw, 'id');
    const questionId = parseId(questionIdRaw, 'questionId');
    const reply = await this.cannedById(id);
    const [q] = await this.db.query(
      `SELECT q.id, q.author_id AS authorId, q.hidden_at AS hiddenAt, u.display_name AS asker, c.name AS category
         FROM questions q JOIN users u ON u.id = q.author_id LEFT JOIN categories c ON c.key = q.category_key
        WHERE q.id = ?`,
      [questionId],
    );
    if (!q) throw AppError.notFound('Question', questionId);
    requireVisibleQuestion(actor, { id: questionId, authorId: String(q.authorId), hiddenAt: q.hiddenAt });
    const base = trimSlashes(this.config.get('PUBLIC_URL'));
    const text = renderTemplate(reply.body, {
      asker: String(q.asker),
      category: q.category ? String(q.category) : '未分类',
      thread_url: `${base}/q/${questionId}`,
    });
    let usageCount = reply.usageCount;
    if (count) {
      usageCount = await inTransaction(this.db, async (m) => {
        const now = this.clock.now();
        await m.query('UPDATE canned_replies SET usage_count = usage_count + 1 WHERE id = ?', [id]);
        await this.touch(m, actor, questionId, now);
        await recordDeskAction(m, {
          actorId: actor.id,
          action: DeskActionKind.CANNED_INSERT,
          questionId,
          detail: `#${id} ${reply.title}`,
          at: now,
        });
        const [row] = await m.query('SELECT usage_count AS n FROM canned_replies WHERE id = ?', [id]);
        return Number(row.n);
      });
    }
    return { cannedReplyId: id, questionId, text, usageCount };
  }

  // ---- hand-off to private support ----

  async handOff(
    actor: Actor,
    questionIdRaw: string,
    reasonRaw: string,
    channel: SupportChannelKind,
  ): Promise<string> {
    requireDesk(actor);
    const questionId = parseId(questionIdRaw, 'questionId');
    const reason = cleanText(reasonRaw, { field: 'reason', min: 2, max: 500 });
    if (!Object.values(SupportChannelKind).includes(channel))
      throw AppError.badInput('Unknown channel', 'channel');
    await inTransaction(this.db, async (m) => {
      const q = await this.lockOpenThread(m, actor, questionId);
      const [open] = await m.query('SELECT case_reference FROM desk_handoffs WHERE open_question_id = ?', [
        questionId,
      ]);
      if (open)
        throw AppError.conflict(`This thread is already with private support (${open.case_reference})`);
      const now = this.clock.now();
      const res = await m.query(
        `INSERT INTO desk_handoffs (question_id, case_reference, channel, reason, opened_by_id, opened_at, open_question_id)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [questionId, `tmp${randomUUID().slice(0, 18)}`, channel, reason, actor.id, now, questionId],
      );
      const id = String(res.insertId);
      const ref = caseReference(now, id);
      await m.query('UPDATE desk_handoffs SET case_reference = ? WHERE id = ?', [ref, id]);
      // The thread leaves the queue: nobody holds it on the public desk any more.
      await m.query('DELETE FROM desk_claims WHERE question_id = ?', [questionId]);
      await recordDeskAction(m, {
        actorId: actor.id,
        action: DeskActionKind.HANDOFF,
        questionId,
        detail: `${ref} ${channel}`,
        at: now,
      });
      await writeOutbox(m, {
        topic: DESK_NOTICE_EVENT,
        aggregateType: 'question',
        aggregateId: questionId,
        payload: { kind: 'PRIVATE_SUPPORT', recipients: [q.authorId], actorId: actor.id, caseReference: ref },
      });
    });
    return questionId;
  }

  async closeCase(actor: Actor, caseRaw: string, outcomeRaw: string): Promise<string> {
    requireDesk(actor);
    const ref = cleanText(caseRaw, { field: 'caseReference', min: 1, max: 24, singleLine: true });
    const outcome = cleanText(outcomeRaw, { field: 'outcome', min: 2, max: 300, singleLine: true });
    const [found] = await this.db.query('SELECT question_id FROM desk_handoffs WHERE case_reference = ?', [
      ref,
    ]);
    if (!found) throw AppError.notFound('Case', ref);
    const questionId = String(found.question_id);
    await inTransaction(this.db, async (m) => {
      const q = await lockQuestion(m, questionId);
      requireVisibleQuestion(actor, q);
      const [h] = await m.query(
        'SELECT id, closed_at FROM desk_handoffs WHERE case_reference = ? FOR UPDATE',
        [ref],
      );
      if (h.closed_at) throw AppError.conflict(`Case ${ref} is already closed`);
      const now = this.clock.now();
      await m.query(
        'UPDATE desk_handoffs SET closed_at = ?, closed_by_id = ?, outcome = ?, open_question_id = NULL WHERE id = ?',
        [now, actor.id, outcome, h.id],
      );
      await recordDeskAction(m, {
        actorId: actor.id,
        action: DeskActionKind.CLOSE_CASE,
        questionId,
        detail: `${ref}: ${outcome}`,
        at: now,
      });
      await writeOutbox(m, {
        topic: DESK_NOTICE_EVENT,
        aggregateType: 'question',
        aggregateId: questionId,
        payload: {
          kind: 'PRIVATE_SUPPORT_CLOSED',
          recipients: [q.authorId],
          actorId: actor.id,
          caseReference: ref,
        },
      });
    });
    return questionId;
  }

  /** The latest hand-off of each thread, if any (one query per request batch). */
  privateSupportLoader(ctx: RequestContext): DataLoader<string, HandoffRow | null> {
    return ctx.loader(
      'desk.handoffs',
      () =>
        new DataLoader(async (ids: readonly string[]) => {
          const rows: HandoffRow[] = await this.db.query(
            `SELECT h.*, q.author_id AS asker_id FROM desk_handoffs h JOIN questions q ON q.id = h.question_id
              WHERE h.id IN (SELECT MAX(id) FROM desk_handoffs WHERE question_id IN (?) GROUP BY question_id)`,
            [[...ids]],
          );
          const byId = new Map(rows.map((r) => [String(r.question_id), r]));
          return ids.map((id) => byId.get(id) ?? null);
        }),
    );
  }

  /** The public view of a hand-off; the case reference for the asker and the desk, the reason for the desk. */
  toPrivateSupport(h: HandoffRow, viewer: { id: string; desk: boolean } | null): PrivateSupport {
    const asker = viewer !== null && viewer.id === String(h.asker_id);
    const desk = viewer?.desk === true;
    return {
      questionId: String(h.question_id),
      isOpen: h.closed_at === null,
      channel: h.channel,
      note: privateSupportNote(h.channel),
      openedAt: new Date(h.opened_at),
      closedAt: h.closed_at ? new Date(h.closed_at) : null,
      outcome: h.outcome,
      caseReference: asker || desk ? h.case_reference : null,
      reason: desk ? h.reason : null,
    };
  }
}

function trimSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url[end - 1] === '/') end--;
  return url.slice(0, end);
}
