import { Actor, isModerator } from '@app/accounts';
import { AppError, Clock, inTransaction, parseId, writeOutbox } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AskQuestionInput, EditQuestionInput } from '../dto/forum.inputs';
import { PostRevisionEntity } from '../entities/post-revision.entity';
import { QuestionTagEntity } from '../entities/question-tag.entity';
import { QuestionEntity } from '../entities/question.entity';
import { TagEntity } from '../entities/tag.entity';
import { CommunityRepository } from '../community/community.repository';
import { QuestionFollowsPort } from '../community/question-follows.port';
import { lockQuestion } from '../forum.locks';
import { requireVisibleQuestion } from '../moderation/visibility.policy';
import { QuestionsRepository } from './questions.repository';
import { adjustQuestionTagCounts, adjustTagCounts, countsForTags } from './tag-counts';
import { cleanBody, cleanTags, cleanTitle, requireAuthorOrModerator, statusOf } from '../forum.rules';
import { PostType } from '../models/enums';
import { MaskedPersonalData, maskField } from '../privacy/masked-personal-data.model';
import { Question } from '../models/question.model';
import { CategoriesService } from '../categories/categories.service';
import { AskedDraftsPort } from './asked-drafts.port';
import { parseDraftId } from './draft-id';
import { IdempotentWrite } from '../entities/idempotency-key.entity';
import { idempotentRequest, inIdempotentTransaction } from '../idempotency/idempotency';
import { AttachmentsRepository } from '../attachments/attachments.repository';
import { AttachmentTarget } from '../attachments/attachment.entity';

export const QUESTION_EVENTS = {
  asked: 'question.asked',
  edited: 'question.edited',
  closed: 'question.closed_as_duplicate',
} as const;

@Injectable()
export class QuestionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: QuestionsRepository,
    private readonly categories: CategoriesService,
    private readonly askedDrafts: AskedDraftsPort,
    private readonly community: CommunityRepository,
    private readonly follows: QuestionFollowsPort,
    private readonly attachments: AttachmentsRepository,
    private readonly clock: Clock,
  ) {}

  async ask(actor: Actor, input: AskQuestionInput): Promise<Question> {
    const masked: MaskedPersonalData[] = [];
    const title = maskField('title', cleanTitle(input.title), masked);
    const draftId = parseDraftId(input.draftId);
    const { categoryKey, section } = await this.categories.forQuestion(input.category, input.details);
    // The template details are rendered into the body before masking, so they are masked too.
    const body = maskField('body', cleanBody(cleanBody(input.body) + section), masked);
    const tags = cleanTags(input.tags ?? []);
    const once = idempotentRequest(actor.id, IdempotentWrite.ASK, input.idempotencyKey, [
      input.title,
      input.body,
      input.tags,
      input.category,
      input.details,
      input.attachmentIds,
    ]);
    const tagIds = await this.ensureTags(tags);
    const id = await inIdempotentTransaction(this.db, once, async (m) => {
      const { identifiers } = await m.insert(QuestionEntity, {
        authorId: actor.id,
        title,
        body,
        categoryKey,
      });
      const questionId = String(identifiers[0].id);
      // A new question is open and visible: it counts for each of its tags.
      await adjustTagCounts(m, new Map([...tagIds.values()].map((tagId) => [tagId, 1])));
      await this.setTags(m, questionId, tags, tagIds);
      await this.follows.follow(m, actor.id, questionId);
      await this.attachments.attachToPost(
        m,
        actor.id,
        AttachmentTarget.QUESTION,
        questionId,
        input.attachmentIds,
        this.clock.now(),
      );
      await writeOutbox(m, {
        topic: QUESTION_EVENTS.asked,
        aggregateType: 'question',
        aggregateId: questionId,
      });
      return questionId;
    });
    if (draftId) await this.askedDrafts.recordPosted(actor.id, draftId, id);
    return { ...(await this.reader.getOne(id)), maskedPersonalData: masked };
  }

  async edit(actor: Actor, input: EditQuestionInput): Promise<Question> {
    const id = parseId(input.id);
    const masked: MaskedPersonalData[] = [];
    const title =
      input.title === undefined || input.title === null
        ? undefined
        : maskField('title', cleanTitle(input.title), masked);
    const body =
      input.body === undefined || input.body === null
        ? undefined
        : maskField('body', cleanBody(input.body), masked);
    const tags = input.tags === undefined || input.tags === null ? undefined : cleanTags(input.tags);
    const attachmentIds = input.attachmentIds ?? undefined;
    if (title === undefined && body === undefined && tags === undefined && attachmentIds === undefined) {
      throw AppError.badInput('Nothing to change: give a title, body, tags or attachmentIds');
    }
    const tagIds = await this.ensureTags(tags ?? []);
    await inTransaction(this.db, async (m) => {
      const q = await lockQuestion(m, id);
      requireVisibleQuestion(actor, q);
      requireAuthorOrModerator(actor, q.authorId, 'edit this question');
      const links = await this.tagLinks(m, id);
      const oldTags = links.map((r) => r.tag?.name ?? '');
      await m.insert(PostRevisionEntity, {
        targetType: PostType.QUESTION,
        targetId: id,
        editorId: actor.id,
        title: q.title,
        body: q.body,
        tags: oldTags.join('\n'),
      });
      await m.update(QuestionEntity, { id }, { title: title ?? q.title, body: body ?? q.body });
      if (tags !== undefined) {
        if (countsForTags(q)) await adjustTagCounts(m, tagCountChanges(links, tagIds));
        await this.setTags(m, id, tags, tagIds, links);
      }
      await this.attachments.attachToPost(
        m,
        actor.id,
        AttachmentTarget.QUESTION,
        id,
        attachmentIds,
        this.clock.now(),
        true,
      );
      await writeOutbox(m, { topic: QUESTION_EVENTS.edited, aggregateType: 'question', aggregateId: id });
    });
    return { ...(await this.reader.getOne(id)), maskedPersonalData: masked };
  }

  async closeAsDuplicate(actor: Actor, questionIdRaw: string, duplicateOfIdRaw: string): Promise<Question> {
    const questionId = parseId(questionIdRaw, 'questionId');
    const targetId = parseId(duplicateOfIdRaw, 'duplicateOfId');
    if (questionId === targetId)
      throw AppError.badInput('A question cannot be a duplicate of itself', 'duplicateOfId');
    await inTransaction(this.db, async (m) => {
      // Lock both rows in id order so two crossing closes cannot deadlock each other.
      const rows = await m
        .createQueryBuilder(QuestionEntity, 'q')
        .setLock('pessimistic_write')
        .where('q.id IN (:...ids)', { ids: [questionId, targetId] })
        .orderBy('q.id', 'ASC')
        .getMany();
      const q = rows.find((r) => r.id === questionId);
      const target = rows.find((r) => r.id === targetId);
      if (!q) throw AppError.notFound('Question', questionId);
      if (!target) throw AppError.notFound('Question', targetId);
      requireVisibleQuestion(actor, q);
      requireVisibleQuestion(actor, target);
      if (target.hiddenAt) throw AppError.badInput('The target thread is hidden', 'duplicateOfId');
      if (q.authorId !== actor.id && !isModerator(actor)) {
        throw AppError.forbidden('Only the asker or a moderator can close a question as a duplicate');
      }
      if (target.duplicateOfId) {
        throw AppError.badInput(
          'The target is itself closed as a duplicate; point at its canonical thread',
          'duplicateOfId',
        );
      }
      if (q.duplicateOfId) throw AppError.conflict('This question is already closed as a duplicate');
      // Closed: no longer counted for its tags (a hidden one already was not).
      if (countsForTags(q)) await adjustQuestionTagCounts(m, questionId, -1);
      q.duplicateOfId = targetId;
      await this.community.mergeMeTooIntoCanonical(m, q, target);
      await this.follows.moveFollowers(m, q.id, target.id);
      await m.update(QuestionEntity, { id: questionId }, { duplicateOfId: targetId, status: statusOf(q) });
      // Threads that pointed at this one now point at the canonical thread (no chains).
      const pointing = await m.find(QuestionEntity, {
        where: { duplicateOfId: questionId },
        select: { id: true },
      });
      if (pointing.length > 0) {
        await m.update(QuestionEntity, { id: In(pointing.map((p) => p.id)) }, { duplicateOfId: targetId });
      }
      await writeOutbox(
        m,
        {
          topic: QUESTION_EVENTS.closed,
          aggregateType: 'question',
          aggregateId: questionId,
          payload: { duplicateOfId: targetId, closedBy: actor.id },
        },
        ...pointing.map((p) => ({
          topic: QUESTION_EVENTS.edited,
          aggregateType: 'question',
          aggregateId: p.id,
        })),
      );
    });
    return this.reader.getOne(questionId);
  }

  private async tagLinks(m: EntityManager, questionId: string): Promise<QuestionTagEntity[]> {
    return m.find(QuestionTagEntity, {
      where: { questionId },
      relations: { tag: true },
      order: { position: 'ASC' },
    });
  }

  /**
   * Tags are created in their own short transaction before the question's: racing asks with the same
   * new tag then never hold gap locks on the tags index inside the larger transaction (a source of
   * deadlocks). Names are inserted sorted, so two asks creating the same tags lock them in the same
   * order; a lock conflict is retried like any transaction. An unused tag is harmless: tag counts
   * only count questions.
   */
  private async ensureTags(tags: string[]): Promise<Map<string, string>> {
    if (tags.length === 0) return new Map();
    const sorted = [...tags].sort();
    return inTransaction(this.db, async (m) => {
      await m
        .createQueryBuilder()
        .insert()
        .into(TagEntity)
        .values(sorted.map((name) => ({ name })))
        .orIgnore()
        .execute();
      const rows = await m.getRepository(TagEntity).find({ where: { name: In(sorted) } });
      return new Map(rows.map((t) => [t.name.toLowerCase(), t.id]));
    });
  }

  /**
   * Brings the question's tag links to `tags` touching only the rows that change, each by its full
   * primary key, in tag id order. (A range DELETE of a new question's links took a gap lock at the end
   * of the index that every racing ask then needed for its INSERT: the deadlock of issue 18.)
   */
  private async setTags(
    m: EntityManager,
    questionId: string,
    tags: string[],
    idOf: Map<string, string>,
    current: QuestionTagEntity[] = [],
  ): Promise<void> {
    const wanted = tags
      .map((name, position) => ({ questionId, tagId: idOf.get(name.toLowerCase()) as string, position }))
      .sort((a, b) => compareIds(a.tagId, b.tagId));
    const keep = new Set(wanted.map((w) => w.tagId));
    const stale = current.filter((c) => !keep.has(c.tagId)).map((c) => c.tagId);
    if (stale.length > 0) await m.delete(QuestionTagEntity, { questionId, tagId: In(stale) });
    const had = new Map(current.map((c) => [c.tagId, c.position]));
    for (const w of wanted.filter((x) => had.has(x.tagId) && had.get(x.tagId) !== x.position)) {
      await m.update(QuestionTagEntity, { questionId, tagId: w.tagId }, { position: w.position });
    }
    const added = wanted.filter((w) => !had.has(w.tagId));
    if (added.length > 0) await m.insert(QuestionTagEntity, added);
  }
}

/** +1 for each tag the edit adds, -1 for each it removes (tag ids). */
function tagCountChanges(current: QuestionTagEntity[], wanted: Map<string, string>): Map<string, number> {
  const changes = new Map<string, number>();
  const next = new Set(wanted.values());
  for (const c of current) if (!next.has(c.tagId)) changes.set(c.tagId, -1);
  const had = new Set(current.map((c) => c.tagId));
  for (const id of next) if (!had.has(id)) changes.set(id, 1);
  return changes;
}

function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
