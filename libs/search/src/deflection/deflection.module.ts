import { AskedDraftsPort } from '@app/forum';
import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeflectionService } from './deflection.service';
import { SuggestionDraftEntity } from './suggestion-draft.entity';

/**
 * Deflection measurement (the suggestion_drafts table), global so the forum's ask finds its
 * `AskedDraftsPort` without importing search. Imported by SearchIndexModule, so every app that loads
 * the search index has it; the GraphQL side (DeflectionResolver, DeskDeflectionResolver) is SearchModule's.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([SuggestionDraftEntity])],
  providers: [DeflectionService, { provide: AskedDraftsPort, useExisting: DeflectionService }],
  exports: [DeflectionService, AskedDraftsPort],
})
export class DeflectionModule {}
