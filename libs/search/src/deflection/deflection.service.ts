import { Actor, isModerator } from '@app/accounts';
import { AppError, Clock, errorMessage, inTransaction } from '@app/core';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AskedDraftsPort } from '@app/forum';
import { SuggestionDraftEntity } from './suggestion-draft.entity';
import { DeflectionDay, DeflectionStats } from './deflection.models';
import { ABANDON_AFTER_MS, MAX_STATS_DAYS, mergeShownIds } from './deflection.rules';

type DraftChange = Partial<Omit<SuggestionDraftEntity, 'draftId' | 'userId'>>;

const DAY_MS = 86400000;

/**
 * Measures deflection: which drafts were shown suggestions, clicked one, and were posted anyway.
 * Writes here are a measurement, never part of the user's action: they log and carry on on failure.
 * The forum's ask reaches `recordPosted` through its `AskedDraftsPort`.
 */
@Injectable()
export class DeflectionService extends AskedDraftsPort {
  private readonly logger = new Logger(DeflectionService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {
    super();
  }

  recordShown(userId: string | null, draftId: string, questionIds: readonly string[]): Promise<void> {
    if (questionIds.length === 0) return Promise.resolve();
    const now = this.clock.now();
    return this.change(draftId, userId, (row) => ({
      firstShownAt: row?.firstShownAt ?? now,
      shownCount: (row?.shownCount ?? 0) + 1,
      shownQuestionIds: mergeShownIds(row?.shownQuestionIds ?? null, questionIds),
      lastEventAt: now,
    }));
  }

  /** The first click is the one kept (later clicks only keep the draft alive). */
  recordClick(userId: string | null, draftId: string, questionId: string): Promise<void> {
    const now = this.clock.now();
    return this.change(draftId, userId, (row) =>
      row?.clickedAt
        ? { lastEventAt: now }
        : { clickedAt: now, clickedQuestionId: questionId, lastEventAt: now },
    );
  }

  recordPosted(userId: string, draftId: string, questionId: string): Promise<void> {
    const now = this.clock.now();
    return this.change(draftId, userId, (row) =>
      row?.postedAt ? null : { postedAt: now, postedQuestionId: questionId, lastEventAt: now },
    );
  }

  /**
   * Reads and changes one draft under a row lock. A draft belongs to the first signed-in user who
   * touched it: events from anyone else are ignored, so nobody can skew another's draft.
   */
  private async change(
    draftId: string,
    userId: string | null,
    next: (row: SuggestionDraftEntity | null) => DraftChange | null,
  ): Promise<void> {
    try {
      await inTransaction(this.db, async (m) => {
        const row = await m
          .createQueryBuilder(SuggestionDraftEntity, 'd')
          .setLock('pessimistic_write')
          .where('d.draft_id = :draftId', { draftId })
          .getOne();
        if (row?.userId && row.userId !== userId) return;
        const changes = next(row);
        if (!changes) return;
        if (row) {
          await m.update(SuggestionDraftEntity, { draftId }, { ...changes, userId: row.userId ?? userId });
        } else {
          await m.insert(SuggestionDraftEntity, {
            draftId,
            userId,
            shownCount: 0,
            lastEventAt: this.clock.now(),
            ...changes,
          });
        }
      });
    } catch (err) {
      // Lock conflicts are retried; two first events of one draft racing to insert it lose only a measurement.
      this.logger.warn(`deflection event for a draft not recorded: ${errorMessage(err)}`);
    }
  }

  /**
   * Drafts deflected per UTC day (YYYY-MM-DD, by the day suggestions were first shown), for the
   * desk's daily figures: clicked a suggestion, not posted, and idle for ABANDON_AFTER_MS.
   */
  async deflectedOn(days: readonly string[]): Promise<number[]> {
    if (days.length === 0) return [];
    const sorted = [...days].sort();
    const start = new Date(`${sorted[0]}T00:00:00Z`);
    const end = new Date(new Date(`${sorted[sorted.length - 1]}T00:00:00Z`).getTime() + DAY_MS);
    const idleBefore = new Date(this.clock.now().getTime() - ABANDON_AFTER_MS);
    const rows: { day: string; n: string }[] = await this.db.query(
      `SELECT DATE_FORMAT(first_shown_at, '%Y-%m-%d') AS day, COUNT(*) AS n
         FROM suggestion_drafts
        WHERE first_shown_at >= ? AND first_shown_at < ? AND shown_count > 0
          AND clicked_at IS NOT NULL AND posted_at IS NULL AND last_event_at < ?
        GROUP BY day`,
      [start, end, idleBefore],
    );
    const byDay = new Map(rows.map((r) => [r.day, Number(r.n)]));
    return days.map((d) => byDay.get(d) ?? 0);
  }

  async stats(actor: Actor, from: Date, to: Date): Promise<DeflectionStats> {
    if (!isModerator(actor)) throw AppError.forbidden('Only moderators can see deflection statistics');
    if (!(from < to)) throw AppError.badInput('to must be after from', 'to');
    if (to.getTime() - from.getTime() > MAX_STATS_DAYS * DAY_MS) {
      throw AppError.badInput(`at most ${MAX_STATS_DAYS} days at a time`, 'to');
    }
    const idleBefore = new Date(this.clock.now().getTime() - ABANDON_AFTER_MS);
    const rows: { day: string; shown: string; clicked: string; deflected: string; posted: string }[] =
      await this.db.query(
        `SELECT DATE_FORMAT(first_shown_at, '%Y-%m-%d') AS day,
                COUNT(*) AS shown,
                SUM(clicked_at IS NOT NULL) AS clicked,
                SUM(clicked_at IS NOT NULL AND posted_at IS NULL AND last_event_at < ?) AS deflected,
                SUM(posted_at IS NOT NULL) AS posted
           FROM suggestion_drafts
          WHERE first_shown_at >= ? AND first_shown_at < ? AND shown_count > 0
          GROUP BY day
          ORDER BY day`,
        [idleBefore, from, to],
      );
    const days: DeflectionDay[] = rows.map((r) => ({
      day: r.day,
      draftsShown: Number(r.shown),
      draftsClicked: Number(r.clicked),
      deflected: Number(r.deflected),
      postedAnyway: Number(r.posted),
    }));
    const totals = days.reduce(
      (t, d) => ({
        ...t,
        draftsShown: t.draftsShown + d.draftsShown,
        draftsClicked: t.draftsClicked + d.draftsClicked,
        deflected: t.deflected + d.deflected,
        postedAnyway: t.postedAnyway + d.postedAnyway,
      }),
      { day: 'total', draftsShown: 0, draftsClicked: 0, deflected: 0, postedAnyway: 0 },
    );
    return { from, to, abandonAfterMinutes: ABANDON_AFTER_MS / 60000, days, totals };
  }
}
