import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AttachmentVisibility } from './attachment.entity';

registerEnumType(AttachmentVisibility, {
  name: 'AttachmentVisibility',
  description:
    'STAFF_ONLY: the uploader, official accounts and moderators; PUBLIC: everyone (the redacted copy)',
});

@ObjectType()
export class RedactedRegionModel {
  @Field({ description: 'What was found there: PHONE, ID_CARD, BANK_CARD or EMAIL' })
  kind: string;

  @Field(() => Int)
  x: number;

  @Field(() => Int)
  y: number;

  @Field(() => Int)
  width: number;

  @Field(() => Int)
  height: number;
}

@ObjectType({ description: 'An image attached to a question or an answer (re-encoded, without metadata)' })
export class Attachment {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  width: number;

  @Field(() => Int)
  height: number;

  @Field({ description: 'image/png or image/jpeg' })
  mimeType: string;

  @Field(() => AttachmentVisibility, {
    description: 'PUBLIC only once published and while its post is not hidden',
  })
  visibility: AttachmentVisibility;

  @Field({
    description:
      'Short-lived signed URL of the file (relative to the API). Staff-only files: only for the viewer it was made for, with their bearer token',
  })
  url: string;

  @Field({ description: 'When `url` stops working' })
  urlExpiresAt: Date;

  @Field(() => [RedactedRegionModel], {
    description: 'What publishing blurred (the uploader and staff only; empty for others)',
  })
  redactions: RedactedRegionModel[];

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Published copies: whether the automatic personal-data check (OCR) ran; null before publishing',
  })
  automaticCheck: boolean | null;
}

@ObjectType()
export class PublishAttachmentPayload {
  @Field(() => Attachment)
  attachment: Attachment;

  @Field({ description: 'Whether OCR looked for personal data before publishing' })
  automaticCheck: boolean;

  @Field(() => [RedactedRegionModel], { description: 'The regions blurred in the public copy' })
  blurred: RedactedRegionModel[];

  @Field({ description: 'What happened, for the uploader' })
  notice: string;
}

@InputType()
export class ReportAttachmentInput {
  @Field(() => ID)
  attachmentId: string;

  @Field({ description: '2–400 characters' })
  reason: string;
}
