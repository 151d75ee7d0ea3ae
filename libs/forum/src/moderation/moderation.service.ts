import { Actor, isModerator } from '@app/accounts';
import {
  AppError,
  Clock,
  MAX_PAGE_SIZE,
  Page,
  cleanText,
  maskPersonalText,
  decodeIdCursor,
  encodeCursor,
  inTransaction,
  isDuplicateKeyError,
  pageSize,
  rateLimitCheckpoint,
  parseId,
  writeOutbox,
} from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ReportEntity } from '../entities/report.entity';
import { lockAnswer, lockQuestion } from '../forum.locks';
import { PostType, ReportStatus } from '../models/enums';
import { ModeratePostInput, ModerationResult, Report, ReportPostInput } from './moderation.models';
import { AnswerEntity } from '../entities/answer.entity';
import { QuestionEntity } from '../entities/question.entity';
import { refreshThreadState } from '../official/thread-state';
import { adjustQuestionTagCounts, countsForTags } from '../questions/tag-counts';
import { accessOf, canSeeAnswer, canSeeQuestion } from './visibility.policy';

interface PostAndThread {
  authorId: string;
  questionId: string;
  hiddenAt: Date | null;
  thread: { authorId: string; hiddenAt: Date | null };
}

export const MODERATION_EVENTS = { hidden: 'post.hidden', restored: 'post.restored' } as const;

const REASON_RULE = { field: 'reason', min: 2, max: 500 };

function toReport(e: ReportEntity): Report {
  return {
    id: e.id,
    targetType: e.targetType,
    targetId: e.targetId,
    reason: e.reason,
    status: e.status,
    createdAt: e.createdAt,
    resolvedAt: e.resolvedAt,
    reporterId: e.reporterId,
  };
}

function requireModerator(actor: Actor): void {
  if (!isModerator(actor)) throw AppError.forbidden('Only moderators can do this');
}

@Injectable()
export class ModerationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /** One open report per user and post (a unique index over an "open" marker column). */
  async report(actor: Actor, input: ReportPostInput): Promise<Report> {
    const targetId = parseId(input.targetId, 'targetId');
    const reason = maskPersonalText(cleanText(input.reason, REASON_RULE));
    const post = await this.findPost(this.db.manager, input.targetType, targetId);
    this.requireVisible(actor, input.targetType, targetId, post);
    if (post.authorId === actor.id) throw AppError.forbidden('You cannot report your own post');
    await rateLimitCheckpoint();
    try {
      const { identifiers } = await this.db
        .getRepository(ReportEntity)
        .insert({ reporterId: actor.id, targetType: input.targetType, targetId, reason });
      return toReport(
        await this.db.getRepository(ReportEntity).findOneByOrFail({ id: String(identifiers[0].id) }),
      );
    } catch (err) {
      if (isDuplicateKeyError(err)) throw AppError.conflict('You already have an open report on this post');
      throw err;
    }
  }

  async list(actor: Actor, status: ReportStatus, first?: number, after?: string): Promise<Page<Report>> {
    requireModerator(actor);
    const size = pageSize(first, 20, MAX_PAGE_SIZE);
    const afterId = decodeIdCursor('r', after);
    const qb = this.db
      .getRepository(ReportEntity)
      .createQueryBuilder('r')
      .where('r.status = :status', { status })
      .orderBy('r.id', status === ReportStatus.OPEN ? 'ASC' : 'DESC')
      .limit(size + 1);
    if (afterId)
      qb.andWhere(status === ReportStatus.OPEN ? 'r.id > :afterId' : 'r.id < :afterId', { afterId });
    const rows = await qb.getMany();
    const items = rows.slice(0, size).map(toReport);
    return { items, cursors: items.map((r) => encodeCursor('r', r.id)), hasNextPage: rows.length > size };
  }

  async dismiss(actor: Actor, reportIdRaw: string): Promise<Report> {
    requireModerator(actor);
    const id = parseId(reportIdRaw, 'reportId');
    const repo = this.db.getRepository(ReportEntity);
    const report = await repo.findOneBy({ id });
    if (!report) throw AppError.notFound('Report', id);
    if (report.status === ReportStatus.OPEN) {
      await rateLimitCheckpoint();
      await repo.update(
        { id },
        {
          status: ReportStatus.DISMISSED,
          openKey: null,
          resolvedById: actor.id,
          resolvedAt: this.clock.now(),
        },
      );
    }
    return toReport(await repo.findOneByOrFail({ id }));
  }

  hide(actor: Actor, input: ModeratePostInput): Promise<ModerationResult> {
    return this.setHidden(actor, input, true);
  }

  restore(actor: Actor, input: ModeratePostInput): Promise<ModerationResult> {
    return this.setHidden(actor, input, false);
  }

  private async setHidden(
    actor: Actor,
    input: ModeratePostInput,
    hidden: boolean,
  ): Promise<ModerationResult> {
    requireModerator(actor);
    const targetId = parseId(input.targetId, 'targetId');
    const reason = maskPersonalText(cleanText(input.reason, REASON_RULE));
    return inTransaction(this.db, async (m) => {
      const isQuestion = input.targetType === PostType.QUESTION;
      // Lock the thread first, as every other write does.
      const questionId = isQuestion
        ? targetId
        : (await this.findPost(m, PostType.ANSWER, targetId)).questionId;
      const thread = await lockQuestion(m, questionId);
      if (!isQuestion) await lockAnswer(m, targetId);
      const changes = hidden
        ? { hiddenAt: this.clock.now(), hiddenById: actor.id, hiddenReason: reason }
        : { hiddenAt: null, hiddenById: null, hiddenReason: null };
      await m.update(isQuestion ? QuestionEntity : AnswerEntity, { id: targetId }, changes);
      if (isQuestion) {
        // A hidden question no longer counts for its tags; a restored one counts again.
        const delta =
          Number(countsForTags({ status: thread.status, hiddenAt: changes.hiddenAt })) -
          Number(countsForTags(thread));
        if (delta !== 0) await adjustQuestionTagCounts(m, questionId, delta);
      }
      // A hidden official or accepted answer no longer solves the thread (and counts again when restored).
      if (!isQuestion) await refreshThreadState(m, thread);
      let reportsResolved = 0;
      if (hidden) {
        const res = await m.update(
          ReportEntity,
          { targetType: input.targetType, targetId, status: ReportStatus.OPEN },
          {
            status: ReportStatus.RESOLVED,
            openKey: null,
            resolvedById: actor.id,
            resolvedAt: this.clock.now(),
          },
        );
        reportsResolved = res.affected ?? 0;
      }
      await writeOutbox(m, {
        topic: hidden ? MODERATION_EVENTS.hidden : MODERATION_EVENTS.restored,
        aggregateType: 'question',
        aggregateId: questionId,
        payload: { targetType: input.targetType, targetId, by: actor.id },
      });
      return {
        targetType: input.targetType,
        targetId,
        isHidden: hidden,
        hiddenReason: hidden ? reason : null,
        reportsResolved,
      };
    });
  }

  private async findPost(m: EntityManager, type: PostType, id: string): Promise<PostAndThread> {
    const thread = (questionId: string) =>
      m.findOne(QuestionEntity, {
        where: { id: questionId },
        select: { id: true, authorId: true, hiddenAt: true },
      });
    if (type === PostType.QUESTION) {
      const q = await thread(id);
      if (!q) throw AppError.notFound('Question', id);
      return { authorId: q.authorId, questionId: q.id, hiddenAt: q.hiddenAt, thread: q };
    }
    const a = await m.findOne(AnswerEntity, {
      where: { id },
      select: { id: true, authorId: true, questionId: true, hiddenAt: true },
    });
    const q = a ? await thread(a.questionId) : null;
    if (!a || !q) throw AppError.notFound('Answer', id);
    return { authorId: a.authorId, questionId: a.questionId, hiddenAt: a.hiddenAt, thread: q };
  }

  /** The visibility policy: a post the actor cannot see cannot be reported either (NOT_FOUND). */
  private requireVisible(actor: Actor, type: PostType, id: string, post: PostAndThread): void {
    const access = accessOf(actor);
    const visible =
      type === PostType.QUESTION ? canSeeQuestion(access, post) : canSeeAnswer(access, post, post.thread);
    if (!visible) throw AppError.notFound(type === PostType.QUESTION ? 'Question' : 'Answer', id);
  }
}
