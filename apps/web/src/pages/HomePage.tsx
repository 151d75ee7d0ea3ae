import { useQuery } from '@apollo/client/react';
import { Button } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorNote } from '../components/ErrorNote';
import { Loading } from '../components/Loading';
import { QuestionList } from '../components/QuestionList';
import { SearchBox } from '../components/SearchBox';
import { HomeQuery } from '../graphql/operations';
import { useTitle } from '../lib/use-title';

export default function HomePage() {
  const { t } = useTranslation();
  useTitle(t('nav.home'));
  const { data, loading, error } = useQuery(HomeQuery);
  return (
    <div className="stack">
      <section className="card" aria-labelledby="home-search">
        <h1 id="home-search" className="page-title">
          {t('app.tagline')}
        </h1>
        <SearchBox placeholder={t('home.searchPlaceholder')} />
        <div className="actions">
          <Link to="/ask">
            <Button>{t('home.askCta')}</Button>
          </Link>
        </div>
      </section>
      {error && <ErrorNote error={error} />}
      {loading && !data && <Loading />}
      {data && (
        <div className="two-col">
          <div className="stack">
            <section className="card" aria-labelledby="home-solved">
              <h2 id="home-solved">{t('home.newestSolved')}</h2>
              <QuestionList items={data.solved.edges.map((e) => e.node)} />
            </section>
            <section className="card" aria-labelledby="home-official">
              <h2 id="home-official">{t('home.freshOfficial')}</h2>
              <ul className="q-list">
                {[...data.official.edges]
                  .map((e) => e.node)
                  .sort((a, b) => latest(b) - latest(a))
                  .map((q) => (
                    <li key={q.id} className="q-item">
                      <Link to={`/q/${q.id}`} className="q-title">
                        {q.title}
                      </Link>
                      <div className="q-meta">
                        <span className="badge badge-official">
                          ✔ {q.officialAnswers[0]?.author.officialLabel ?? t('common.official')}
                        </span>
                        {latest(q) > 0 && <span>{t('thread.verifiedAt', { date: dayjs(latest(q)).format('YYYY-MM-DD') })}</span>}
                      </div>
                    </li>
                  ))}
              </ul>
            </section>
          </div>
          <aside className="stack">
            <section className="card" aria-labelledby="home-cats">
              <h2 id="home-cats">{t('home.categories')}</h2>
              <ul className="q-list">
                {data.categories.map((c) => {
                  const solved = data.solved.categoryFacets.find((f) => f.key === c.key)?.count ?? 0;
                  return (
                    <li key={c.key} className="q-item">
                      <Link to={`/search?q=&category=${encodeURIComponent(c.key)}`}>{c.name}</Link>
                      <span className="q-meta"> · {t('home.solvedCount', { count: solved })}</span>
                    </li>
                  );
                })}
              </ul>
            </section>
            <section className="card" aria-labelledby="home-tags">
              <h2 id="home-tags">{t('home.tags')}</h2>
              <div className="facets">
                {data.tags.map((tag) => (
                  <Link key={tag.name} className="tag-link" to={`/search?q=&tag=${encodeURIComponent(tag.name)}`}>
                    #{tag.name} · {tag.count}
                  </Link>
                ))}
              </div>
            </section>
          </aside>
        </div>
      )}
    </div>
  );
}

function latest(q: { officialAnswers: readonly { verifiedAt?: string | null }[] }): number {
  return Math.max(0, ...q.officialAnswers.map((a) => (a.verifiedAt ? Date.parse(a.verifiedAt) : 0)));
}
