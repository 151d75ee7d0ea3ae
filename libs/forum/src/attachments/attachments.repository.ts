import { AppError, parseId } from '@app/core';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AttachmentEntity, AttachmentTarget } from './attachment.entity';

export const MAX_ATTACHMENTS_PER_POST = 6;

/** The attachment rows a post's write changes, inside that write's transaction. */
@Injectable()
export class AttachmentsRepository {
  /**
   * Inside a post's write transaction: attaches the given uploads to the post. Each must be the actor's
   * own and unattached, or already on this post; `replace` (edits) detaches the post's others, which
   * become orphans and are purged. `ids` undefined/null leaves the post's attachments as they are.
   */
  async attachToPost(
    m: EntityManager,
    actorId: string,
    targetType: AttachmentTarget,
    targetId: string,
    ids: readonly string[] | null | undefined,
    now: Date,
    replace = false,
  ): Promise<void> {
    if (ids === undefined || ids === null) return;
    const wanted = [...new Set(ids.map((raw) => parseId(raw, 'attachmentIds')))];
    if (wanted.length > MAX_ATTACHMENTS_PER_POST) {
      throw AppError.badInput(`At most ${MAX_ATTACHMENTS_PER_POST} images per post`, 'attachmentIds');
    }
    const rows =
      wanted.length === 0
        ? []
        : await m
            .createQueryBuilder(AttachmentEntity, 'a')
            .setLock('pessimistic_write')
            .where('a.id IN (:...ids)', { ids: wanted })
            .orderBy('a.id', 'ASC')
            .getMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of wanted) {
      const a = byId.get(id);
      const onThisPost = a?.targetType === targetType && a?.targetId === targetId;
      // Someone else's upload answers like a missing one: ids are not a way to probe other uploads.
      if (!a || (!onThisPost && a.uploaderId !== actorId)) {
        throw AppError.badInput(`attachmentIds: no upload of yours has id ${id}`, 'attachmentIds');
      }
      if (!onThisPost && a.targetId !== null) {
        throw AppError.badInput(
          `attachmentIds: image ${id} is already attached to another post`,
          'attachmentIds',
        );
      }
    }
    if (replace) {
      const current = await m.find(AttachmentEntity, {
        where: { targetType, targetId },
        select: { id: true },
      });
      const drop = current.map((c) => c.id).filter((id) => !wanted.includes(id));
      if (drop.length > 0) {
        await m.update(
          AttachmentEntity,
          { id: In(drop) },
          { targetType: null, targetId: null, attachedAt: null },
        );
      }
    }
    const fresh = wanted.filter((id) => byId.get(id)?.targetId === null);
    if (fresh.length > 0) {
      await m.update(AttachmentEntity, { id: In(fresh) }, { targetType, targetId, attachedAt: now });
    }
  }
}
