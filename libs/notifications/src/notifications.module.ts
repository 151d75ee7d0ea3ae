import { AccountsModule } from '@app/accounts';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AcceptReminderEntity } from './entities/accept-reminder.entity';
import { NotificationEntity } from './entities/notification.entity';
import { ForumModule } from '@app/forum';
import { AcceptReminders } from './accept-reminders';
import { FollowsModule } from './follows/follows.module';
import { FollowsResolver } from './follows/follows.resolver';
import { NotificationBus } from './notification-bus';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsRelay } from './notifications.relay';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsRunner } from './notifications.runner';

/**
 * In-app notifications, built from the outbox. Imported by the API only (not by the CLI or the search
 * worker, which also load the forum), since its relay runs in the background.
 */
@Module({
  imports: [
    ForumModule,
    AccountsModule,
    FollowsModule,
    TypeOrmModule.forFeature([NotificationEntity, AcceptReminderEntity]),
  ],
  providers: [
    NotificationBus,
    NotificationsRepository,
    NotificationsRelay,
    AcceptReminders,
    NotificationsRunner,
    NotificationsResolver,
    FollowsResolver,
  ],
  exports: [NotificationsRelay, NotificationsRunner, AcceptReminders],
})
export class NotificationsModule {}
