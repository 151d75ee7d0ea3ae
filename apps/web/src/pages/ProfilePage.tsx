import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Form, Input, Result } from 'antd';
import { useState } from 'react';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AuthorBadges } from '../components/Badges';
import { ErrorNote } from '../components/ErrorNote';
import { Loading } from '../components/Loading';
import { QuestionList } from '../components/QuestionList';
import { useAuth } from '../auth';
import { ChangePasswordMutation, ProfileQuery } from '../graphql/operations';
import { useToast } from '../lib/toast';
import { useTitle } from '../lib/use-title';

export default function ProfilePage() {
  const { handle = '' } = useParams();
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(ProfileQuery, { variables: { handle } });
  const u = data?.user;
  const { me } = useAuth();
  useTitle(u?.displayName);
  if (loading && !data) return <Loading />;
  if (error) return <ErrorNote error={error} />;
  if (!u) return <Result status="404" title={t('profile.notFound')} />;
  return (
    <div className="stack">
      <section className="card">
        <h1 className="page-title">{u.displayName}</h1>
        <div className="q-meta">
          <span>@{u.handle}</span>
          <AuthorBadges badges={u.badges} />
          <span>{t('profile.joined', { date: dayjs(u.createdAt).format('YYYY-MM-DD') })}</span>
        </div>
      </section>
      {me?.id === u.id && <ChangePassword />}
      <section className="card" aria-labelledby="p-questions">
        <h2 id="p-questions">{t('profile.questions')}</h2>
        <QuestionList items={u.questions.edges.map((e) => e.node)} />
      </section>
      <section className="card" aria-labelledby="p-answers">
        <h2 id="p-answers">{t('profile.answers')}</h2>
        <ul className="q-list">
          {u.answers.edges.map(({ node: a }) => (
            <li key={a.id} className="q-item">
              <Link to={`/q/${a.question.id}`}>{a.question.title}</Link>
              <div className="q-meta">
                {a.isOfficial && <span className="badge badge-official">✔ {t('common.official')}</span>}
                {a.isAccepted && <span className="badge badge-accepted">✓ {t('common.accepted')}</span>}
                <span>{t('thread.score', { score: a.score })}</span>
                <span>{dayjs(a.createdAt).format('YYYY-MM-DD')}</span>
              </div>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

/** The viewer's own profile: a new password revokes every earlier token; this page signs in again with the new one. */
function ChangePassword() {
  const { t } = useTranslation();
  const toast = useToast();
  const { signIn } = useAuth();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [change, { loading, error }] = useMutation(ChangePasswordMutation);
  const submit = async () => {
    try {
      const res = await change({ variables: { currentPassword: current, newPassword: next } });
      if (!res.data) return;
      setCurrent('');
      setNext('');
      toast.success(t('profile.passwordChanged'));
      // Every earlier token is revoked: carry on with the new one (the page reloads its data).
      await signIn(res.data.changePassword.token);
    } catch {
      // shown below
    }
  };
  return (
    <section className="card" aria-labelledby="p-password">
      <h2 id="p-password">{t('profile.changePassword')}</h2>
      <Form layout="vertical" onFinish={() => void submit()} requiredMark={false} style={{ maxWidth: 420 }}>
        <Form.Item label={t('profile.currentPassword')} htmlFor="p-current">
          <Input.Password id="p-current" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
        </Form.Item>
        <Form.Item label={t('profile.newPassword')} htmlFor="p-new" extra={t('profile.passwordHint')}>
          <Input.Password id="p-new" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
        </Form.Item>
        {error && <ErrorNote error={error} />}
        <Button type="primary" htmlType="submit" loading={loading} disabled={!current || !next}>
          {t('profile.changePassword')}
        </Button>
      </Form>
    </section>
  );
}
