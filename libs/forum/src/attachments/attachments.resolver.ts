import { Actor, CurrentActor, SignedIn, UsersService, toActor } from '@app/accounts';
import { AppError, Ctx, RequestContext, cleanText, parseId, tryParseId } from '@app/core';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { Answer } from '../models/answer.model';
import { PostType } from '../models/enums';
import { Question } from '../models/question.model';
import { Report } from '../moderation/moderation.models';
import { ModerationService } from '../moderation/moderation.service';
import { AttachmentEntity, AttachmentTarget } from './attachment.entity';
import { Attachment, PublishAttachmentPayload, ReportAttachmentInput } from './attachment.models';
import { AttachmentsService, isStaffFor } from './attachments.service';

async function viewerOf(users: UsersService, ctx: RequestContext): Promise<Actor | null> {
  if (!ctx.viewer) return null;
  const user = await users.loader(ctx).load(ctx.viewer.userId);
  return user ? toActor(user) : null;
}

function postLoader(
  service: AttachmentsService,
  ctx: RequestContext,
  type: AttachmentTarget,
): DataLoader<string, AttachmentEntity[]> {
  return ctx.loader(`attachments:${type}`, () => {
    return new DataLoader<string, AttachmentEntity[]>(async (ids) => {
      const rows = await service.ofPosts(type, ids);
      return ids.map((id) => rows.filter((r) => r.targetId === id));
    });
  });
}

/** `attachments` of a post: the viewer already sees the post; a hidden post's are staff-only. */
async function attachmentsOf(
  service: AttachmentsService,
  users: UsersService,
  ctx: RequestContext,
  type: AttachmentTarget,
  postId: string,
  hidden: boolean,
): Promise<Attachment[]> {
  const rows = await postLoader(service, ctx, type).load(postId);
  if (rows.length === 0) return [];
  const viewer = await viewerOf(users, ctx);
  return rows.map((a) => service.view(viewer, a, hidden)).filter((v): v is Attachment => v !== null);
}

@Resolver(() => Question)
export class QuestionAttachmentsResolver {
  constructor(
    private readonly service: AttachmentsService,
    private readonly users: UsersService,
  ) {}

  @ResolveField(() => [Attachment], {
    description:
      'Images: published ones for everyone, staff-only ones for the uploader, official accounts and moderators',
  })
  attachments(@Ctx() ctx: RequestContext, @Parent() q: Question): Promise<Attachment[]> {
    return attachmentsOf(this.service, this.users, ctx, AttachmentTarget.QUESTION, q.id, q.isHidden);
  }
}

@Resolver(() => Answer)
export class AnswerAttachmentsResolver {
  constructor(
    private readonly service: AttachmentsService,
    private readonly users: UsersService,
  ) {}

  @ResolveField(() => [Attachment], {
    description:
      'Images: published ones for everyone, staff-only ones for the uploader, official accounts and moderators',
  })
  async attachments(@Ctx() ctx: RequestContext, @Parent() a: Answer): Promise<Attachment[]> {
    const rows = await postLoader(this.service, ctx, AttachmentTarget.ANSWER).load(a.id);
    if (rows.length === 0) return [];
    // The question's hidden state counts too: postHidden reads both.
    const hidden = a.isHidden || (await this.service.postHidden(rows[0]));
    return attachmentsOf(this.service, this.users, ctx, AttachmentTarget.ANSWER, a.id, hidden);
  }
}

@Resolver(() => Attachment)
export class AttachmentsResolver {
  constructor(
    private readonly service: AttachmentsService,
    private readonly users: UsersService,
    private readonly moderation: ModerationService,
  ) {}

  @Query(() => Attachment, {
    nullable: true,
    description: 'One image, with a fresh signed URL (e.g. to preview an upload); null when not visible',
  })
  async attachment(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<Attachment | null> {
    const key = tryParseId(id);
    const a = key ? await this.service.byId(key) : null;
    if (!a) return null;
    return this.service.view(await viewerOf(this.users, ctx), a, await this.service.postHidden(a));
  }

  @Mutation(() => PublishAttachmentPayload, {
    description:
      'The uploader makes an image public after previewing it. With OCR installed, personal data found in it is blurred in the public copy (see `blurred`); without OCR, only with confirmWithoutCheck: true (no automatic check ran). Only the redacted copy is ever public',
  })
  @SignedIn('edit')
  publishAttachment(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('confirmWithoutCheck', { type: () => Boolean, nullable: true, defaultValue: false })
    confirmWithoutCheck: boolean,
  ): Promise<PublishAttachmentPayload> {
    return this.service.publish(actor, id, confirmWithoutCheck);
  }

  @Mutation(() => Boolean, { description: 'The uploader or a moderator deletes an image and its file' })
  @SignedIn('edit')
  deleteAttachment(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    return this.service.delete(actor, id);
  }

  @Mutation(() => Report, {
    description: "Reports an image; it lands in the moderators' queue as a report on its post",
  })
  @SignedIn('report')
  async reportAttachment(
    @CurrentActor() actor: Actor,
    @Args('input') input: ReportAttachmentInput,
  ): Promise<Report> {
    const id = parseId(input.attachmentId, 'attachmentId');
    const reason = cleanText(input.reason, { field: 'reason', min: 2, max: 400 });
    const a = await this.service.byId(id);
    const visible = a ? this.service.view(actor, a, await this.service.postHidden(a)) : null;
    if (!a || !visible || !a.targetId || !a.targetType) throw AppError.notFound('Attachment', id);
    if (isStaffFor(actor, a) && a.uploaderId === actor.id) {
      throw AppError.forbidden('You cannot report your own image');
    }
    return this.moderation.report(actor, {
      targetType: a.targetType === AttachmentTarget.QUESTION ? PostType.QUESTION : PostType.ANSWER,
      targetId: a.targetId,
      reason: `[图片 #${a.id}] ${reason}`,
    });
  }
}
