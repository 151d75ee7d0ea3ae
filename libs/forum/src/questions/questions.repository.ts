import {
  AppError,
  MAX_PAGE_SIZE,
  Page,
  RequestContext,
  decodeIdCursor,
  encodeCursor,
  groupedLoader,
  keyedLoader,
  pageSize,
} from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { PostRevisionEntity } from '../entities/post-revision.entity';
import { QuestionTagEntity } from '../entities/question-tag.entity';
import { QuestionEntity } from '../entities/question.entity';
import { toQuestion, toRevision } from '../forum.mappers';
import { PostType } from '../models/enums';
import { Question, Revision, TagCount } from '../models/question.model';
import { QuestionFilter } from '../dto/forum.inputs';
import { ViewerAccess } from '../moderation/visibility.policy';

/** Read side of questions: loaders, lists and counts. Every method is one SQL statement. */
@Injectable()
export class QuestionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Questions by id with their tags, joined in the same statement. */
  findByIds(ids: readonly string[]): Promise<QuestionEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .getRepository(QuestionEntity)
      .createQueryBuilder('q')
      .leftJoinAndSelect('q.questionTags', 'qt')
      .leftJoinAndSelect('qt.tag', 't')
      .where('q.id IN (:...ids)', { ids: [...ids] })
      .getMany();
  }

  loader(ctx: RequestContext): DataLoader<string, Question | null> {
    return ctx.loader('questions.byId', () =>
      keyedLoader<string, Question>(
        async (ids) => (await this.findByIds(ids)).map(toQuestion),
        (q) => q.id,
      ),
    );
  }

  tagsLoader(ctx: RequestContext): DataLoader<string, string[]> {
    const grouped = ctx.loader('questions.tags', () =>
      groupedLoader<string, QuestionTagEntity>(
        (ids) =>
          this.db
            .getRepository(QuestionTagEntity)
            .createQueryBuilder('qt')
            .innerJoinAndSelect('qt.tag', 't')
            .where('qt.question_id IN (:...ids)', { ids: [...ids] })
            .orderBy('qt.position', 'ASC')
            .getMany(),
        (qt) => qt.questionId,
      ),
    );
    return ctx.loader(
      'questions.tagNames',
      () =>
        new DataLoader(async (ids: readonly string[]) => {
          const groups = await grouped.loadMany(ids);
          return groups.map((g) => (g instanceof Error ? g : g.map((qt) => qt.tag?.name ?? '')));
        }),
    );
  }

  async list(
    filter: QuestionFilter | undefined,
    first: number | undefined,
    after: string | undefined,
    access: ViewerAccess,
  ): Promise<Page<Question>> {
    const size = pageSize(first, 20, MAX_PAGE_SIZE);
    const afterId = decodeIdCursor('q', after);
    const qb = this.db
      .getRepository(QuestionEntity)
      .createQueryBuilder('q')
      .orderBy('q.id', 'DESC')
      .limit(size + 1);
    if (afterId) qb.andWhere('q.id < :afterId', { afterId });
    this.onlyVisible(qb, access);
    if (filter?.status) qb.andWhere('q.status = :status', { status: filter.status });
    if (filter?.tag !== undefined) {
      const tag = filter.tag.normalize('NFKC').trim().toLowerCase();
      qb.andWhere(
        'EXISTS (SELECT 1 FROM question_tags fqt INNER JOIN tags ft ON ft.id = fqt.tag_id WHERE fqt.question_id = q.id AND ft.name = :tag)',
        { tag },
      );
    }
    if (filter?.author !== undefined) {
      qb.andWhere(`q.author_id = (SELECT u.id FROM users u WHERE u.handle = :handle)`, {
        handle: filter.author.trim(),
      });
    }
    return this.page(await qb.getMany(), size);
  }

  async listByAuthor(
    authorId: string,
    first: number | undefined,
    after: string | undefined,
    access: ViewerAccess,
  ): Promise<Page<Question>> {
    const size = pageSize(first, 20, MAX_PAGE_SIZE);
    const afterId = decodeIdCursor('q', after);
    const qb = this.db
      .getRepository(QuestionEntity)
      .createQueryBuilder('q')
      .where('q.author_id = :authorId', { authorId })
      .orderBy('q.id', 'DESC')
      .limit(size + 1);
    if (afterId) qb.andWhere('q.id < :afterId', { afterId });
    this.onlyVisible(qb, access);
    return this.page(await qb.getMany(), size);
  }

  /** Hidden questions stay listed only for moderators and their author. */
  private onlyVisible(qb: SelectQueryBuilder<QuestionEntity>, access: ViewerAccess): void {
    if (access.isModerator) return;
    if (access.userId)
      qb.andWhere('(q.hidden_at IS NULL OR q.author_id = :viewerId)', { viewerId: access.userId });
    else qb.andWhere('q.hidden_at IS NULL');
  }

  private page(rows: QuestionEntity[], size: number): Page<Question> {
    const items = rows.slice(0, size).map(toQuestion);
    return { items, cursors: items.map((q) => encodeCursor('q', q.id)), hasNextPage: rows.length > size };
  }

  /** The count kept on the tag row by the writes (tag-counts.ts): no aggregate over question_tags. */
  async tagCounts(first: number | undefined): Promise<TagCount[]> {
    const size = pageSize(first, 50, 200);
    const rows: { name: string; count: string }[] = await this.db.query(
      `SELECT name, question_count AS count FROM tags
        WHERE question_count > 0
        ORDER BY question_count DESC, name ASC
        LIMIT ?`,
      [size],
    );
    return rows.map((r) => ({ name: r.name, count: Number(r.count) }));
  }

  async revisions(type: PostType, id: string): Promise<Revision[]> {
    const rows = await this.db
      .getRepository(PostRevisionEntity)
      .find({ where: { targetType: type, targetId: id }, order: { id: 'DESC' }, take: 50 });
    return rows.map(toRevision);
  }

  async getOne(id: string): Promise<Question> {
    const [q] = await this.findByIds([id]);
    if (!q) throw AppError.notFound('Question', id);
    return toQuestion(q);
  }

  /** Ids and titles of the questions these users asked (plain rows: the demo seeder's idempotence). */
  async titlesByAuthors(
    authorIds: readonly string[],
  ): Promise<{ id: string; authorId: string; title: string }[]> {
    if (authorIds.length === 0) return [];
    const rows = await this.db.getRepository(QuestionEntity).find({
      where: { authorId: In([...authorIds]) },
      select: { id: true, authorId: true, title: true },
    });
    return rows.map((q) => ({ id: q.id, authorId: q.authorId, title: q.title }));
  }

  /**
   * Questions still waiting for their asker to accept an answer: visible, not closed as a duplicate,
   * none accepted, and a visible answer by someone other than the asker posted at or before
   * `answeredBefore` (libs/notifications' accept reminder). Plain objects, by id after `afterId`.
   */
  async awaitingAcceptance(
    answeredBefore: Date,
    afterId: string,
    limit: number,
  ): Promise<{ id: string; authorId: string }[]> {
    const rows: { id: string; authorId: string }[] = await this.db.query(
      `SELECT q.id AS id, q.author_id AS authorId
         FROM questions q
         INNER JOIN answers a ON a.question_id = q.id AND a.hidden_at IS NULL AND a.author_id <> q.author_id
        WHERE q.accepted_answer_id IS NULL AND q.duplicate_of_id IS NULL AND q.hidden_at IS NULL AND q.id > ?
        GROUP BY q.id, q.author_id
       HAVING MIN(a.created_at) <= ?
        ORDER BY q.id
        LIMIT ?`,
      [afterId, answeredBefore, limit],
    );
    return rows.map((r) => ({ id: String(r.id), authorId: String(r.authorId) }));
  }

  /**
   * Who asked each question and whether it is hidden (plain objects; absent ids do not exist): what
   * libs/notifications needs to tell only those who may still see a thread. `m` reads inside the
   * caller's transaction.
   */
  async audienceFacts(
    ids: readonly string[],
    m: EntityManager = this.db.manager,
  ): Promise<Map<string, QuestionAudienceFacts>> {
    if (ids.length === 0) return new Map();
    const rows = await m.find(QuestionEntity, {
      where: { id: In([...ids]) },
      select: { id: true, authorId: true, hiddenAt: true },
    });
    return new Map(
      rows.map((q) => [String(q.id), { authorId: String(q.authorId), hidden: q.hiddenAt !== null }]),
    );
  }
}

/** A question as its notifications' audience sees it. */
export interface QuestionAudienceFacts {
  authorId: string;
  hidden: boolean;
}
