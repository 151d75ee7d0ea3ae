import { Actor, isModerator } from '@app/accounts';
import {
  AppConfig,
  AppError,
  Clock,
  KeysetKey,
  KeysetQuery,
  Page,
  decodeIdCursor,
  encodeCursor,
  keysetPage,
  pageSize,
  parseId,
} from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { In } from 'typeorm';
import { AnswerEntity } from '../entities/answer.entity';
import { toAnswer, toQuestion } from '../forum.mappers';
import { QuestionsRepository } from '../questions/questions.repository';
import {
  DeskAction,
  DeskClaimFilter,
  DeskQueueFilter,
  DeskQueueItem,
  DeskQueueSort,
  DeskStaleItem,
  DeskStatsDay,
} from './desk.models';
import { daysBetween, percentile } from './desk.rules';
import { DeskService, requireDesk } from './desk.service';
import { DeskSweep } from './desk.sweep';

const DAY_MS = 86400000;
export const MAX_STATS_DAYS = 92;

/** The open, public threads still waiting for an official answer and not with private support. */
export const WAITING_FOR_OFFICIAL = `q.status = 'OPEN' AND q.official_answer_count = 0 AND q.hidden_at IS NULL
  AND q.duplicate_of_id IS NULL
  AND NOT EXISTS (SELECT 1 FROM desk_handoffs h WHERE h.open_question_id = q.id)`;

interface QueueRow {
  id: string;
  created_at: Date;
  me_too_count: number;
  target: number;
  due_at: Date;
  first_at: Date | null;
  c_user: string | null;
  c_assigned: string | null;
  c_claimed: Date | null;
  c_last: Date | null;
}

/** Read side of the desk: the queue, stale official answers, breaches, the audit trail and figures. */
@Injectable()
export class DeskRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly desk: DeskService,
    private readonly sweep: DeskSweep,
    private readonly questions: QuestionsRepository,
  ) {}

  private get defaultTarget(): number {
    return this.config.get('DESK_DEFAULT_TARGET_MINUTES');
  }

  async queue(
    actor: Actor,
    filter: DeskQueueFilter | null | undefined,
    sort: DeskQueueSort,
    first: number | undefined,
    after: string | undefined,
  ): Promise<Page<DeskQueueItem> & { totalCount: number }> {
    requireDesk(actor);
    const now = this.clock.now();
    const where: string[] = [WAITING_FOR_OFFICIAL];
    const params: unknown[] = [];
    if (filter?.category) {
      where.push('q.category_key = ?');
      params.push(filter.category.trim());
    }
    if (filter?.tag) {
      where.push(
        'EXISTS (SELECT 1 FROM question_tags qt JOIN tags tg ON tg.id = qt.tag_id WHERE qt.question_id = q.id AND tg.name = ?)',
      );
      params.push(filter.tag.trim().toLowerCase());
    }
    const claim = filter?.claim ?? DeskClaimFilter.ANY;
    if (claim === DeskClaimFilter.UNCLAIMED) where.push('c.user_id IS NULL');
    if (claim === DeskClaimFilter.CLAIMED) where.push('c.user_id IS NOT NULL');
    if (claim === DeskClaimFilter.MINE) {
      where.push('c.user_id = ?');
      params.push(actor.id);
    }
    if (filter?.breachedOnly) {
      where.push('DATE_ADD(q.created_at, INTERVAL COALESCE(t.first_response_minutes, ?) MINUTE) <= ?');
      params.push(this.defaultTarget, now);
    }
    const dueAt: KeysetKey = {
      sql: 'DATE_ADD(q.created_at, INTERVAL COALESCE(t.first_response_minutes, ?) MINUTE)',
      params: [this.defaultTarget],
      type: 'date',
    };
    const createdAt: KeysetKey = { sql: 'q.created_at', type: 'date' };
    const id: KeysetKey = { sql: 'q.id', type: 'id' };
    const keys: KeysetKey[] = {
      [DeskQueueSort.WAITING]: [createdAt, id],
      [DeskQueueSort.ME_TOO]: [
        { sql: 'q.me_too_count', desc: true, type: 'number' } as KeysetKey,
        createdAt,
        id,
      ],
      [DeskQueueSort.TIME_LEFT]: [dueAt, id],
    }[sort];
    const keyOf = {
      [DeskQueueSort.WAITING]: (r: QueueRow) => [r.created_at, r.id],
      [DeskQueueSort.ME_TOO]: (r: QueueRow) => [Number(r.me_too_count), r.created_at, r.id],
      [DeskQueueSort.TIME_LEFT]: (r: QueueRow) => [r.due_at, r.id],
    }[sort];
    // One cursor kind per order: a cursor of another order (same shape for two of them) is refused.
    return this.page(`desk-${sort}`, {
      select: `q.id, q.created_at, q.me_too_count, COALESCE(t.first_response_minutes, ?) AS target,
              DATE_ADD(q.created_at, INTERVAL COALESCE(t.first_response_minutes, ?) MINUTE) AS due_at,
              NULL AS first_at,
              c.user_id AS c_user, c.assigned_by_id AS c_assigned, c.claimed_at AS c_claimed,
              c.last_activity_at AS c_last`,
      selectParams: [this.defaultTarget, this.defaultTarget],
      from: `FROM questions q
      LEFT JOIN desk_targets t ON t.category_key = q.category_key
      LEFT JOIN desk_claims c ON c.question_id = q.id AND c.last_activity_at > ?
      WHERE ${where.join(' AND ')}`,
      fromParams: [this.desk.idleCutoff(), ...params],
      keys,
      keyOf,
      first,
      after,
      now,
    });
  }

  /** One page of queue rows (keyset), as desk items with their cursors and the total count. */
  private async page(
    kind: string,
    q: Omit<KeysetQuery<QueueRow>, 'kind'> & { now: Date },
  ): Promise<Page<DeskQueueItem> & { totalCount: number }> {
    const { entries, hasNextPage, totalCount } = await keysetPage(this.db, { ...q, kind });
    const items = await this.toItems(
      entries.map((e) => e.row),
      q.now,
    );
    const cursorOf = new Map(entries.map((e) => [String(e.row.id), e.cursor]));
    return {
      items,
      cursors: items.map((item) => cursorOf.get(item.question.id) as string),
      hasNextPage,
      totalCount,
    };
  }

  /**
   * Threads asked within the last `days` whose first official response missed the target, or which
   * are past it still without one: the breach list, latest breach first.
   */
  async breaches(
    actor: Actor,
    days: number,
    first: number | undefined,
    after: string | undefined,
  ): Promise<Page<DeskQueueItem> & { totalCount: number }> {
    requireDesk(actor);
    if (!Number.isInteger(days) || days < 1 || days > MAX_STATS_DAYS) {
      throw AppError.badInput(`days must be between 1 and ${MAX_STATS_DAYS}`, 'days');
    }
    await this.sweep.recordFirstResponses();
    const now = this.clock.now();
    return this.page('breach', {
      select: `q.id, q.created_at, q.me_too_count,
              COALESCE(f.target_minutes, t.first_response_minutes, ?) AS target,
              DATE_ADD(q.created_at, INTERVAL COALESCE(f.target_minutes, t.first_response_minutes, ?) MINUTE) AS due_at,
              f.responded_at AS first_at,
              c.user_id AS c_user, c.assigned_by_id AS c_assigned, c.claimed_at AS c_claimed,
              c.last_activity_at AS c_last`,
      selectParams: [this.defaultTarget, this.defaultTarget],
      from: `FROM questions q
      LEFT JOIN desk_targets t ON t.category_key = q.category_key
      LEFT JOIN desk_first_responses f ON f.question_id = q.id
      LEFT JOIN desk_claims c ON c.question_id = q.id AND c.last_activity_at > ?
      WHERE q.created_at >= ? AND q.hidden_at IS NULL AND q.duplicate_of_id IS NULL
        AND ((f.question_id IS NOT NULL AND f.seconds > f.target_minutes * 60)
          OR (f.question_id IS NULL AND ${WAITING_FOR_OFFICIAL}
              AND DATE_ADD(q.created_at, INTERVAL COALESCE(t.first_response_minutes, ?) MINUTE) <= ?))`,
      fromParams: [this.desk.idleCutoff(), new Date(now.getTime() - days * DAY_MS), this.defaultTarget, now],
      // Latest breach first.
      keys: [
        {
          sql: 'DATE_ADD(q.created_at, INTERVAL COALESCE(f.target_minutes, t.first_response_minutes, ?) MINUTE)',
          params: [this.defaultTarget],
          desc: true,
          type: 'date',
        },
        { sql: 'q.id', desc: true, type: 'id' },
      ],
      keyOf: (r) => [r.due_at, r.id],
      first,
      after,
      now,
    });
  }

  private async toItems(rows: QueueRow[], now: Date): Promise<DeskQueueItem[]> {
    const questions = new Map(
      (await this.questions.findByIds(rows.map((r) => String(r.id)))).map((q) => [q.id, toQuestion(q)]),
    );
    return rows.flatMap((r) => {
      const question = questions.get(String(r.id));
      if (!question) return [];
      const due = new Date(r.due_at);
      const end = r.first_at ? new Date(r.first_at) : now;
      return [
        {
          question,
          waitingSeconds: Math.max(0, Math.floor((end.getTime() - new Date(r.created_at).getTime()) / 1000)),
          meTooCount: Number(r.me_too_count),
          targetMinutes: Number(r.target),
          dueAt: due,
          timeLeftSeconds: Math.floor((due.getTime() - end.getTime()) / 1000),
          isBreached: end.getTime() >= due.getTime(),
          firstResponseAt: r.first_at ? new Date(r.first_at) : null,
          claim:
            r.c_user === null
              ? null
              : this.desk.toClaim({
                  question_id: String(r.id),
                  user_id: String(r.c_user),
                  assigned_by_id: r.c_assigned,
                  claimed_at: r.c_claimed as Date,
                  last_activity_at: r.c_last as Date,
                }),
        },
      ];
    });
  }

  /** Official answers not verified within OFFICIAL_ANSWER_STALE_DAYS, oldest verification first. */
  async stale(
    actor: Actor,
    category: string | null | undefined,
    first: number | undefined,
    after: string | undefined,
  ): Promise<Page<DeskStaleItem> & { totalCount: number }> {
    requireDesk(actor);
    const now = this.clock.now();
    const before = new Date(now.getTime() - this.config.get('OFFICIAL_ANSWER_STALE_DAYS') * DAY_MS);
    const where = `a.is_official = 1 AND a.hidden_at IS NULL AND q.hidden_at IS NULL
      AND COALESCE(a.verified_at, a.created_at) < ?${category ? ' AND q.category_key = ?' : ''}`;
    const { entries, hasNextPage, totalCount } = await keysetPage<{ id: string; verified: Date }>(this.db, {
      kind: 'stale',
      select: 'a.id, COALESCE(a.verified_at, a.created_at) AS verified',
      from: `FROM answers a JOIN questions q ON q.id = a.question_id WHERE ${where}`,
      fromParams: category ? [before, category.trim()] : [before],
      keys: [
        { sql: 'COALESCE(a.verified_at, a.created_at)', type: 'date' },
        { sql: 'a.id', type: 'id' },
      ],
      keyOf: (r) => [r.verified, r.id],
      first,
      after,
    });
    const ids = entries.map((e) => String(e.row.id));
    const answers = ids.length
      ? (await this.db.getRepository(AnswerEntity).findBy({ id: In(ids) })).map(toAnswer)
      : [];
    const byId = new Map(answers.map((a) => [a.id, a]));
    const items: DeskStaleItem[] = [];
    const cursors: string[] = [];
    for (const { row, cursor } of entries) {
      const answer = byId.get(String(row.id));
      if (!answer) continue;
      const verifiedAt = new Date(row.verified);
      items.push({
        answer,
        verifiedAt,
        daysSinceVerified: Math.floor((now.getTime() - verifiedAt.getTime()) / DAY_MS),
      });
      cursors.push(cursor);
    }
    return { items, cursors, hasNextPage, totalCount };
  }

  /** The audit trail, newest first: moderators only. */
  async actions(
    actor: Actor,
    questionIdRaw: string | null | undefined,
    first: number | undefined,
    after: string | undefined,
  ): Promise<Page<DeskAction>> {
    if (!isModerator(actor)) throw AppError.forbidden('Only moderators can see the desk audit trail');
    const size = pageSize(first);
    const before = decodeIdCursor('deskAction', after);
    const questionId = questionIdRaw ? parseId(questionIdRaw, 'questionId') : null;
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT * FROM desk_actions WHERE 1 = 1 ${questionId ? 'AND question_id = ?' : ''} ${before ? 'AND id < ?' : ''}
        ORDER BY id DESC LIMIT ?`,
      [...(questionId ? [questionId] : []), ...(before ? [before] : []), size + 1],
    );
    const items: DeskAction[] = rows.slice(0, size).map((r) => ({
      id: String(r.id),
      action: String(r.action),
      detail: r.detail === null ? null : String(r.detail),
      createdAt: new Date(r.created_at as Date),
      questionId: r.question_id === null ? null : String(r.question_id),
      actorId: String(r.actor_id),
      subjectUserId: r.subject_user_id === null ? null : String(r.subject_user_id),
    }));
    return {
      items,
      cursors: items.map((a) => encodeCursor('deskAction', a.id)),
      hasNextPage: rows.length > size,
    };
  }

  /**
   * Desk figures per UTC day (from inclusive, to exclusive, YYYY-MM-DD): one row per day for all
   * categories (categoryKey null), then, without a category filter, one per day and category that
   * had any activity. Questions are counted on the day they were asked.
   */
  async stats(
    actor: Actor,
    fromRaw: string,
    toRaw: string,
    categoryRaw?: string | null,
  ): Promise<DeskStatsDay[]> {
    requireDesk(actor);
    const from = parseDay(fromRaw, 'from');
    const to = parseDay(toRaw, 'to');
    const days = daysBetween(from, to);
    if (days.length === 0) throw AppError.badInput('to must be after from', 'to');
    if (days.length > MAX_STATS_DAYS)
      throw AppError.badInput(`at most ${MAX_STATS_DAYS} days at a time`, 'to');
    const category = categoryRaw?.trim() || null;
    await this.sweep.recordFirstResponses();
    const start = new Date(`${from}T00:00:00Z`);
    const end = new Date(`${to}T00:00:00Z`);
    const now = this.clock.now();
    const catWhere = category ? ' AND q.category_key = ?' : '';
    const catParam = category ? [category] : [];
    const asked: { day: string; cat: string | null; seconds: number | null; late: number }[] =
      await this.db.query(
        `SELECT DATE_FORMAT(q.created_at, '%Y-%m-%d') AS day, q.category_key AS cat, f.seconds,
              CASE WHEN f.question_id IS NOT NULL THEN f.seconds > f.target_minutes * 60
                   ELSE DATE_ADD(q.created_at, INTERVAL COALESCE(t.first_response_minutes, ?) MINUTE) <= ? END AS late
         FROM questions q
         LEFT JOIN desk_first_responses f ON f.question_id = q.id
         LEFT JOIN desk_targets t ON t.category_key = q.category_key
        WHERE q.created_at >= ? AND q.created_at < ? AND q.duplicate_of_id IS NULL${catWhere}`,
        [this.defaultTarget, now, start, end, ...catParam],
      );
    const handoffs: { day: string; cat: string | null }[] = await this.db.query(
      `SELECT DATE_FORMAT(h.opened_at, '%Y-%m-%d') AS day, q.category_key AS cat
         FROM desk_handoffs h JOIN questions q ON q.id = h.question_id
        WHERE h.opened_at >= ? AND h.opened_at < ?${catWhere}`,
      [start, end, ...catParam],
    );
    // Re-verification moves verified_at past the moment the answer became official.
    const reverified: { day: string; cat: string | null }[] = await this.db.query(
      `SELECT DATE_FORMAT(a.verified_at, '%Y-%m-%d') AS day, q.category_key AS cat
         FROM answers a JOIN questions q ON q.id = a.question_id
        WHERE a.is_official = 1 AND a.verified_at >= ? AND a.verified_at < ?
          AND a.verified_at > COALESCE(a.endorsed_at, a.created_at) + INTERVAL 1 SECOND${catWhere}`,
      [start, end, ...catParam],
    );

    const cats = category
      ? []
      : [
          ...new Set(
            [...asked, ...handoffs, ...reverified].map((r) => r.cat).filter((c): c is string => !!c),
          ),
        ].sort();
    const out: DeskStatsDay[] = [];
    const build = (day: string, cat: string | null, all: boolean): DeskStatsDay => {
      const match = (r: { day: string; cat: string | null }) => r.day === day && (all || r.cat === cat);
      const qs = asked.filter(match);
      const seconds = qs.filter((r) => r.seconds !== null).map((r) => Number(r.seconds));
      return {
        day,
        categoryKey: all ? category : cat,
        asked: qs.length,
        answeredOfficially: seconds.length,
        firstResponseP50Seconds: percentile(seconds, 50),
        firstResponseP90Seconds: percentile(seconds, 90),
        breaches: qs.filter((r) => Number(r.late) === 1).length,
        handoffs: handoffs.filter(match).length,
        reverified: reverified.filter(match).length,
      };
    };
    for (const day of days) out.push(build(day, null, true));
    for (const cat of cats) {
      for (const day of days) {
        const row = build(day, cat, false);
        if (row.asked + row.handoffs + row.reverified > 0) out.push(row);
      }
    }
    return out;
  }
}

function parseDay(value: string, field: string): string {
  const v = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) {
    throw AppError.badInput(`${field} must be a day, YYYY-MM-DD`, field);
  }
  return new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v
    ? v
    : (() => {
        throw AppError.badInput(`${field} is not a calendar day`, field);
      })();
}
