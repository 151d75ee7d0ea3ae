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
      <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" style={{ verticalAlign: '-3px' }}>
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {count > 0 && (
        <span className="bell-count" aria-hidden="true" data-testid="unread-count">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </Link>
  );
}
