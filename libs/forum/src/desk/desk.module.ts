import { AccountsModule } from '@app/accounts';
import { Module } from '@nestjs/common';
import { ForumModule } from '../forum.module';
import { DeskRepository } from './desk.repository';
import { DeskActionResolver, DeskClaimResolver, DeskQuestionResolver, DeskResolver } from './desk.resolver';
import { DeskService } from './desk.service';
import { DeskSweep } from './desk.sweep';

/**
 * The official desk: a work queue for official accounts (claims, first-response targets, canned
 * replies, hand-off to private support, figures). Imported by the API.
 */
@Module({
  imports: [ForumModule, AccountsModule],
  providers: [
    DeskService,
    DeskRepository,
    DeskSweep,
    DeskResolver,
    DeskQuestionResolver,
    DeskClaimResolver,
    DeskActionResolver,
  ],
  exports: [DeskService, DeskSweep],
})
export class DeskModule {}
