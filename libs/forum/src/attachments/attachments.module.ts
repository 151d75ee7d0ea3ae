import { AccountsModule } from '@app/accounts';
import { AppConfig } from '@app/core';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ForumModule } from '../forum.module';
import { AttachmentEntity } from './attachment.entity';
import { createAttachmentStore } from './attachment-store';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsMaintenance } from './attachments.maintenance';
import {
  AnswerAttachmentsResolver,
  AttachmentsResolver,
  QuestionAttachmentsResolver,
} from './attachments.resolver';
import { ATTACHMENT_STORE, AttachmentsService } from './attachments.service';
import { Ocr } from './ocr-redaction';
import { UrlSigner } from './url-signer';

/** Evidence screenshots: upload, clean, store, sign, publish with redaction (see README, Attachments). */
@Module({
  imports: [AccountsModule, ForumModule, TypeOrmModule.forFeature([AttachmentEntity])],
  controllers: [AttachmentsController],
  providers: [
    {
      provide: ATTACHMENT_STORE,
      inject: [AppConfig],
      useFactory: createAttachmentStore,
    },
    {
      provide: UrlSigner,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new UrlSigner(config.get('ATTACHMENTS_URL_SECRET') ?? config.get('JWT_SECRET')),
    },
    {
      provide: Ocr,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new Ocr(config.get('TESSERACT_BINARY'), config.get('ATTACHMENTS_OCR') === 'auto'),
    },
    AttachmentsService,
    AttachmentsMaintenance,
    AttachmentsResolver,
    QuestionAttachmentsResolver,
    AnswerAttachmentsResolver,
  ],
  exports: [AttachmentsService, AttachmentsMaintenance],
})
export class AttachmentsModule {}
