import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Empty, Radio } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth';
import { ErrorNote } from '../components/ErrorNote';
import { Loading } from '../components/Loading';
import ReasonDialog from '../components/ReasonDialog';
import type { PostType, ReportStatus } from '../gql/graphql';
import { DismissReportMutation, HideMutation, ReportsQuery, RestoreMutation } from '../graphql/operations';
import { describeError } from '../lib/describe-error';
import { useToast } from '../lib/toast';
import { useTitle } from '../lib/use-title';

export default function ModerationPage() {
  const { t } = useTranslation();
  useTitle(t('mod.heading'));
  const message = useToast();
  const { isStaff, loading: authLoading } = useAuth();
  const [status, setStatus] = useState<ReportStatus>('OPEN');
  const { data, loading, error, refetch } = useQuery(ReportsQuery, { variables: { status }, skip: !isStaff, fetchPolicy: 'network-only' });
  const done = { onCompleted: () => void refetch(), onError: (e: unknown) => message.error(describeError(e, t)) };
  const [dismiss] = useMutation(DismissReportMutation, done);
  const [hide, hideState] = useMutation(HideMutation);
  const [restore, restoreState] = useMutation(RestoreMutation);
  const [action, setAction] = useState<{ kind: 'hide' | 'restore'; targetId: string; targetType: PostType } | null>(null);

  if (authLoading) return <Loading />;
  if (!isStaff) return <ErrorNote error={new Error(t('mod.forbidden'))} />;
  const edges = data?.reports.edges ?? [];
  return (
    <div className="card">
      <h1 className="page-title">{t('mod.heading')}</h1>
      <Radio.Group
        aria-label={t('mod.heading')}
        value={status}
        onChange={(e) => setStatus(e.target.value as ReportStatus)}
        optionType="button"
        options={[
          { value: 'OPEN', label: t('mod.open') },
          { value: 'RESOLVED', label: t('mod.resolved') },
          { value: 'DISMISSED', label: t('mod.dismissed') },
        ]}
      />
      {error && <ErrorNote error={error} />}
      {loading && !data && <Loading />}
      {data && edges.length === 0 && <Empty description={t('mod.empty')} />}
      <ul className="q-list" data-testid="report-list">
        {edges.map(({ node: r }) => (
          <li key={r.id} className="q-item">
            <strong>{t('mod.target', { type: t(`mod.${r.targetType}`), id: r.targetId })}</strong>
            <p style={{ margin: '4px 0' }}>{t('mod.reason', { reason: r.reason })}</p>
            <div className="q-meta">{dayjs(r.createdAt).format('YYYY-MM-DD HH:mm')}</div>
            {r.status === 'OPEN' && (
              <div className="actions">
                <Button size="small" onClick={() => void dismiss({ variables: { reportId: r.id } })}>
                  {t('mod.dismiss')}
                </Button>
                <Button size="small" danger onClick={() => setAction({ kind: 'hide', targetId: r.targetId, targetType: r.targetType })}>
                  {t('mod.hide')}
                </Button>
              </div>
            )}
            {r.status === 'RESOLVED' && (
              <div className="actions">
                <Button size="small" onClick={() => setAction({ kind: 'restore', targetId: r.targetId, targetType: r.targetType })}>
                  {t('mod.restore')}
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <ReasonDialog
        open={action !== null}
        title={action ? t(`mod.${action.kind}`) : ''}
        label={t('thread.hideReason')}
        busy={hideState.loading || restoreState.loading}
        error={hideState.error || restoreState.error ? describeError(hideState.error ?? restoreState.error, t) : undefined}
        onCancel={() => setAction(null)}
        onSubmit={(reason) => {
          if (!action) return;
          const input = { targetId: action.targetId, targetType: action.targetType, reason };
          void (action.kind === 'hide' ? hide : restore)({ variables: { input } })
            .then(() => {
              setAction(null);
              void refetch();
            })
            .catch(() => undefined);
        }}
      />
    </div>
  );
}
