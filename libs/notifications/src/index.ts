export * from './notifications.module';
export { FollowsModule } from './follows/follows.module';
export { NotificationsRelay } from './notifications.relay';
export { NotificationsRunner } from './notifications.runner';
export { AcceptReminders } from './accept-reminders';
