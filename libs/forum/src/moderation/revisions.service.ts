import { Actor, isModerator } from '@app/accounts';
import { AppError, Clock, cleanText, inTransaction, maskPersonalText, parseId } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PostRevisionEntity } from '../entities/post-revision.entity';
import { toRevision } from '../forum.mappers';
import { Revision } from '../models/question.model';

const REASON_RULE = { field: 'reason', min: 2, max: 500 };

/** Moderators remove what an old version said (a phishing text, personal data); the record of it stays. */
@Injectable()
export class RevisionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async redact(actor: Actor, revisionIdRaw: string, reasonRaw: string): Promise<Revision> {
    if (!isModerator(actor)) throw AppError.forbidden('Only moderators can redact a revision');
    const id = parseId(revisionIdRaw, 'revisionId');
    const reason = maskPersonalText(cleanText(reasonRaw, REASON_RULE));
    return inTransaction(this.db, async (m) => {
      const row = await m
        .createQueryBuilder(PostRevisionEntity, 'r')
        .setLock('pessimistic_write')
        .where('r.id = :id', { id })
        .getOne();
      if (!row) throw AppError.notFound('Revision', id);
      // The first redaction stands; repeating it changes nothing.
      if (row.redactedAt) return toRevision(row);
      const changes = {
        title: null,
        body: '',
        tags: null,
        redactedAt: this.clock.now(),
        redactedById: actor.id,
        redactionReason: reason,
      };
      await m.update(PostRevisionEntity, { id }, changes);
      return toRevision({ ...row, ...changes });
    });
  }
}
