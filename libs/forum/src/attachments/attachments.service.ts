import { Actor, isModerator } from '@app/accounts';
import { AppConfig, AppError, Clock, ErrorCode, inTransaction, parseId, errorMessage } from '@app/core';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, LessThan } from 'typeorm';
import { AnswerEntity } from '../entities/answer.entity';
import { QuestionEntity } from '../entities/question.entity';
import {
  AttachmentEntity,
  AttachmentTarget,
  AttachmentVisibility,
  RedactedRegion,
} from './attachment.entity';
import { Attachment, PublishAttachmentPayload } from './attachment.models';
import { AttachmentStore } from './attachment-store';
import { cleanImage } from './image-pipeline';
import { Ocr, blurRegions, regionsToBlur } from './ocr-redaction';
import { UrlSigner, UrlVariant } from './url-signer';

export const ATTACHMENT_STORE = Symbol('AttachmentStore');

/**
 * Who sees staff-only files: the uploader, official accounts, moderators and admins. Official accounts
 * only on a post they can see: not an upload on no post (a private preview, or removed from its post),
 * nor one on a hidden post (official accounts cannot see hidden posts).
 */
export function isStaffFor(actor: Actor | null, a: AttachmentEntity, postHidden = false): boolean {
  if (!actor) return false;
  const officialSees = actor.isOfficial && !!a.targetId && !postHidden;
  return actor.id === a.uploaderId || officialSees || isModerator(actor);
}

@Injectable()
export class AttachmentsService {
  private readonly logger = new Logger('Attachments');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(ATTACHMENT_STORE) readonly store: AttachmentStore,
    private readonly ocr: Ocr,
    private readonly signer: UrlSigner,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Checks, cleans and stores an upload (staff-only, unattached). */
  async upload(actor: Actor, bytes: Buffer): Promise<AttachmentEntity> {
    const clean = await cleanImage(bytes);
    // The row first, then the file: a concurrent delete of the same content sees this row.
    const { identifiers } = await this.db.getRepository(AttachmentEntity).insert({
      uploaderId: actor.id,
      storageKey: clean.sha256,
      mimeType: clean.mimeType,
      byteSize: clean.bytes.length,
      width: clean.width,
      height: clean.height,
      visibility: AttachmentVisibility.STAFF_ONLY,
    });
    const id = String(identifiers[0].id);
    try {
      await this.store.put(clean.sha256, clean.bytes, clean.mimeType);
    } catch (err) {
      await this.db.getRepository(AttachmentEntity).delete({ id });
      this.logger.error(`storing attachment failed: ${errorMessage(err)}`);
      throw new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'The image could not be stored; try again later');
    }
    return this.db.getRepository(AttachmentEntity).findOneByOrFail({ id });
  }

  async byId(id: string): Promise<AttachmentEntity | null> {
    return this.db.getRepository(AttachmentEntity).findOneBy({ id });
  }

  async ofPosts(targetType: AttachmentTarget, ids: readonly string[]): Promise<AttachmentEntity[]> {
    if (ids.length === 0) return [];
    return this.db.getRepository(AttachmentEntity).find({
      where: { targetType, targetId: In([...ids]) },
      order: { id: 'ASC' },
    });
  }

  /** Whether the post an attachment is on is hidden (an answer also when its question is). */
  async postHidden(a: AttachmentEntity): Promise<boolean> {
    if (!a.targetId) return false;
    if (a.targetType === AttachmentTarget.QUESTION) {
      const q = await this.db
        .getRepository(QuestionEntity)
        .findOne({ where: { id: a.targetId }, select: { id: true, hiddenAt: true } });
      return !q || q.hiddenAt !== null;
    }
    const ans = await this.db
      .getRepository(AnswerEntity)
      .findOne({ where: { id: a.targetId }, select: { id: true, hiddenAt: true, questionId: true } });
    if (!ans || ans.hiddenAt !== null) return true;
    const q = await this.db
      .getRepository(QuestionEntity)
      .findOne({ where: { id: ans.questionId }, select: { id: true, hiddenAt: true } });
    return !q || q.hiddenAt !== null;
  }

  /**
   * Whether the actor may know the attachment exists: an image they cannot see answers like a missing
   * one (NOT_FOUND, not FORBIDDEN), so ids are no way to probe other members' private uploads.
   */
  private async sees(actor: Actor, a: AttachmentEntity): Promise<boolean> {
    if (a.uploaderId === actor.id || isModerator(actor)) return true;
    return this.view(actor, a, await this.postHidden(a)) !== null;
  }

  /** Public right now: published (a redacted copy exists), attached, and its post not hidden. */
  isPublic(a: AttachmentEntity, postHidden: boolean): boolean {
    return a.visibility === AttachmentVisibility.PUBLIC && !!a.publicKey && !!a.targetId && !postHidden;
  }

  /** The attachment as `viewer` may see it, or null when they may not. */
  view(viewer: Actor | null, a: AttachmentEntity, postHidden: boolean): Attachment | null {
    const staff = isStaffFor(viewer, a, postHidden);
    const isPublic = this.isPublic(a, postHidden);
    if (!isPublic && !staff) return null;
    const exp =
      Math.floor(this.clock.now().getTime() / 1000) + this.config.get('ATTACHMENTS_URL_TTL_SECONDS');
    const variant: UrlVariant = isPublic ? 'p' : 'o';
    const url = this.signer.path({ id: a.id, variant, exp, for: isPublic ? 'public' : (viewer as Actor).id });
    return {
      id: a.id,
      width: a.width,
      height: a.height,
      mimeType: a.mimeType,
      visibility: isPublic ? AttachmentVisibility.PUBLIC : AttachmentVisibility.STAFF_ONLY,
      url,
      urlExpiresAt: new Date(exp * 1000),
      redactions: staff ? (a.redactions ?? []) : [],
      automaticCheck: a.publicKey ? a.ocrChecked : null,
    };
  }

  /**
   * Makes the public copy: with OCR installed, every region where the personal-data detector finds
   * something is blurred; without it, only after the uploader confirms (and says that no check ran).
   */
  async publish(
    actor: Actor,
    idRaw: string,
    confirmWithoutCheck: boolean,
  ): Promise<PublishAttachmentPayload> {
    const id = parseId(idRaw);
    const a = await this.byId(id);
    if (!a || !(await this.sees(actor, a))) throw AppError.notFound('Attachment', id);
    if (a.uploaderId !== actor.id) throw AppError.forbidden('Only the uploader can publish an image');
    if (a.publicKey && a.visibility === AttachmentVisibility.PUBLIC) {
      return this.published(actor, a, 'The image was already published');
    }
    let regions: RedactedRegion[] = [];
    let checked = false;
    let publicKey = a.storageKey;
    if (await this.ocr.available()) {
      const original = await this.store.get(a.storageKey);
      if (!original) throw AppError.notFound('Attachment file', id);
      try {
        regions = regionsToBlur(await this.ocr.words(original), a.width, a.height);
      } catch (err) {
        this.logger.error(`OCR failed: ${errorMessage(err)}`);
        throw new AppError(
          ErrorCode.SERVICE_UNAVAILABLE,
          'The automatic personal-data check failed; the image stays private. Try again later',
        );
      }
      checked = true;
      if (regions.length > 0) {
        const redacted = await blurRegions(original, a.mimeType, regions);
        publicKey = createHash('sha256').update(redacted).digest('hex');
        await this.store.put(publicKey, redacted, a.mimeType);
      }
    } else if (!confirmWithoutCheck) {
      throw new AppError(
        ErrorCode.BAD_USER_INPUT,
        'No automatic check for personal data ran (OCR is not installed on this server). Look at the image yourself, blur phone numbers, ID and card numbers, names and e-mail addresses, then publish again with confirmWithoutCheck: true',
        { field: 'confirmWithoutCheck', reason: 'CONFIRMATION_REQUIRED', automaticCheck: false },
      );
    }
    await inTransaction(this.db, async (m) => {
      await m.update(
        AttachmentEntity,
        { id },
        { publicKey, redactions: regions, ocrChecked: checked, visibility: AttachmentVisibility.PUBLIC },
      );
    });
    const fresh = await this.db.getRepository(AttachmentEntity).findOneByOrFail({ id });
    const notice = !checked
      ? 'Published without an automatic check: OCR is not installed on this server, you confirmed the image shows no personal data'
      : regions.length === 0
        ? 'The automatic check found no personal data; published as it is'
        : `Blurred ${regions.length} region(s) with personal data (${[...new Set(regions.map((r) => r.kind))].join(', ')}) in the public copy`;
    return this.published(actor, fresh, notice);
  }

  private async published(
    actor: Actor,
    a: AttachmentEntity,
    notice: string,
  ): Promise<PublishAttachmentPayload> {
    const view = this.view(actor, a, await this.postHidden(a)) as Attachment;
    return { attachment: view, automaticCheck: a.ocrChecked, blurred: a.redactions ?? [], notice };
  }

  /** The uploader or a moderator deletes an attachment; its files go when nothing else names them. */
  async delete(actor: Actor, idRaw: string): Promise<boolean> {
    const id = parseId(idRaw);
    const a = await this.byId(id);
    if (!a || !(await this.sees(actor, a))) throw AppError.notFound('Attachment', id);
    if (a.uploaderId !== actor.id && !isModerator(actor)) {
      throw AppError.forbidden('Only the uploader or a moderator can delete an image');
    }
    await inTransaction(this.db, (m) => m.delete(AttachmentEntity, { id }));
    await this.removeUnusedFiles([a]);
    return true;
  }

  /** Deletes uploads never attached to a post within ATTACHMENTS_ORPHAN_HOURS; returns how many. */
  async purgeOrphans(): Promise<number> {
    const cutoff = new Date(
      this.clock.now().getTime() - this.config.get('ATTACHMENTS_ORPHAN_HOURS') * 3600_000,
    );
    const rows = await this.db.getRepository(AttachmentEntity).find({
      where: { attachedAt: IsNull(), targetId: IsNull(), createdAt: LessThan(cutoff) },
      take: 500,
    });
    if (rows.length === 0) return 0;
    await this.db.getRepository(AttachmentEntity).delete({
      id: In(rows.map((r) => r.id)),
      attachedAt: IsNull(),
      targetId: IsNull(),
    });
    await this.removeUnusedFiles(rows);
    return rows.length;
  }

  private async removeUnusedFiles(rows: AttachmentEntity[]): Promise<void> {
    const keys = new Set(rows.flatMap((r) => [r.storageKey, r.publicKey].filter((k): k is string => !!k)));
    for (const key of keys) {
      const used = await this.db
        .getRepository(AttachmentEntity)
        .count({ where: [{ storageKey: key }, { publicKey: key }] });
      if (used === 0) await this.store.delete(key);
    }
  }
}
