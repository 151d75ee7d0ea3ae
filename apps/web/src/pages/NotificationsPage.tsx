import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Empty } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../auth';
import { ErrorNote } from '../components/ErrorNote';
import { Loading } from '../components/Loading';
import { MarkReadMutation, NotificationsQuery, UnreadCountQuery } from '../graphql/operations';
import { notificationText } from '../lib/notification-text';
import { useTitle } from '../lib/use-title';

export default function NotificationsPage() {
  const { t } = useTranslation();
  useTitle(t('notifications.heading'));
  const { me, loading: authLoading } = useAuth();
  const { data, loading, error, refetch } = useQuery(NotificationsQuery, { skip: !me, fetchPolicy: 'network-only' });
  const [markRead] = useMutation(MarkReadMutation, {
    refetchQueries: [UnreadCountQuery],
    onCompleted: () => void refetch(),
  });
  if (!me && !authLoading)
    return (
      <p>
        <Link to="/login?next=/notifications">{t('auth.login')}</Link>
      </p>
    );
  if (loading && !data) return <Loading />;
  const conn = data?.notifications;
  return (
    <div className="card">
      <h1 className="page-title">{t('notifications.heading')}</h1>
      {error && <ErrorNote error={error} />}
      {conn && conn.unreadCount > 0 && (
        <Button onClick={() => void markRead({ variables: {} })}>{t('notifications.markAll')}</Button>
      )}
      {conn && conn.edges.length === 0 && <Empty description={t('notifications.empty')} />}
      <ul className="q-list" data-testid="notification-list">
        {conn?.edges.map(({ node: n }) => (
          <li key={n.id} className="q-item" style={{ fontWeight: n.isRead ? 400 : 600 }}>
            {n.question ? (
              <Link
                to={`/q/${n.question.id}`}
                onClick={() => !n.isRead && void markRead({ variables: { ids: [n.id] } })}
              >
                {notificationText(n, t)}
              </Link>
            ) : (
              notificationText(n, t)
            )}
            <div className="q-meta">{dayjs(n.createdAt).fromNow()}</div>
          </li>
        ))}
      </ul>
    </div>
  );
}
