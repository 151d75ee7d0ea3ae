import { QuestionFollowsPort } from '@app/forum';
import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FollowEntity } from '../entities/follow.entity';
import { FollowsRepository } from './follows.repository';

/**
 * Follows as the forum's writes need them (`QuestionFollowsPort`), global so the forum's services
 * find the port without importing notifications. Every app that loads the forum imports it (the API
 * through NotificationsModule, the CLI, the search worker and the benchmarks directly); it has no
 * background work and no GraphQL (the follow mutations are NotificationsModule's).
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([FollowEntity])],
  providers: [FollowsRepository, { provide: QuestionFollowsPort, useExisting: FollowsRepository }],
  exports: [FollowsRepository, QuestionFollowsPort],
})
export class FollowsModule {}
