import { useQuery } from '@apollo/client/react';
import { Result } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AuthorBadges } from '../components/Badges';
import { ErrorNote } from '../components/ErrorNote';
import { Loading } from '../components/Loading';
import { QuestionList } from '../components/QuestionList';
import { ProfileQuery } from '../graphql/operations';
import { useTitle } from '../lib/use-title';

export default function ProfilePage() {
  const { handle = '' } = useParams();
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(ProfileQuery, { variables: { handle } });
  const u = data?.user;
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
