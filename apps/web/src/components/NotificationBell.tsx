import { useQuery, useSubscription } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NotificationAddedSubscription, UnreadCountQuery } from '../graphql/operations';
import { notificationText } from '../lib/notification-text';
import { useToast } from '../lib/toast';

/** The bell: unread count, bumped live by notificationAdded over graphql-ws. */
export function NotificationBell() {
  const { t } = useTranslation();
  const toast = useToast();
  const { data, client } = useQuery(UnreadCountQuery, { fetchPolicy: 'cache-and-network' });
  useSubscription(NotificationAddedSubscription, {
    onData: ({ data: result }) => {
      const n = result.data?.notificationAdded;
      if (!n) return;
      client.cache.updateQuery({ query: UnreadCountQuery }, (prev) =>
        prev ? { notifications: { ...prev.notifications, unreadCount: prev.notifications.unreadCount + 1 } } : prev,
      );
      // The list page refetches when opened; drop its cached copy.
      client.cache.evict({ fieldName: 'notifications' });
      client.cache.gc();
      toast.info(t('notifications.live', { text: notificationText(n, t) }));
    },
  });
  const count = data?.notifications.unreadCount ?? 0;
  return (
    <Link
      to="/notifications"
      className="nav-link"
      aria-label={t('nav.notificationsUnread', { count })}
      data-testid="notification-bell"
    >
      <span aria-hidden="true">🔔</span>
      {count > 0 && (
        <span className="bell-count" aria-hidden="true" data-testid="unread-count">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </Link>
  );
}
