import { useQuery } from '@apollo/client/react';
import { Button, Checkbox, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorNote } from '../components/ErrorNote';
import { Loading } from '../components/Loading';
import { QuestionItem } from '../components/QuestionList';
import { SearchBox } from '../components/SearchBox';
import { SearchQuery } from '../graphql/operations';
import { searchFilterFromParams, toggleParam, toggleSingleParam } from '../lib/search-params';
import { useMedia } from '../lib/use-media';
import { useTitle } from '../lib/use-title';

export default function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const filter = searchFilterFromParams(params);
  useTitle(q ? `${q} · ${t('nav.search')}` : t('nav.search'));
  const { data, loading, error, fetchMore } = useQuery(SearchQuery, {
    variables: { query: q, filter },
    notifyOnNetworkStatusChange: true,
  });
  const conn = data?.searchQuestions;
  // The chosen category stays on screen (to clear it) even when nothing matches it.
  const categoryFacets = [...(conn?.categoryFacets ?? [])];
  if (filter.category && conn && !categoryFacets.some((f) => f.key === filter.category)) {
    categoryFacets.push({ key: filter.category, name: filter.category, count: 0 });
  }
  const set = (next: URLSearchParams) => setParams(next, { replace: false });
  // On a phone the two filters sit above the results; the tag facets stay below them.
  const wide = useMedia('(min-width: 900px)');
  const filters = (
    <div className={wide ? 'stack' : 'actions'} role="group" aria-label={t('search.filters')}>
      <Checkbox checked={Boolean(filter.solvedOnly)} onChange={() => set(toggleParam(params, 'solved', '1'))}>
        {t('search.solvedOnly')}
      </Checkbox>
      <Checkbox checked={Boolean(filter.hasOfficialAnswer)} onChange={() => set(toggleParam(params, 'official', '1'))}>
        {t('search.hasOfficial')}
      </Checkbox>
    </div>
  );
  return (
    <div className="stack">
      <h1 className="page-title">{t('nav.search')}</h1>
      <SearchBox
        key={q}
        initial={q}
        onSearch={(value) => {
          const next = new URLSearchParams(params);
          next.set('q', value);
          set(next);
        }}
      />
      {!wide && filters}
      <div className="two-col">
        <section className="card" aria-label={t('nav.search')} aria-busy={loading}>
          {error && <ErrorNote error={error} />}
          {conn && <p className="q-meta">{t('search.results', { count: conn.estimatedTotalCount })}</p>}
          {loading && !conn && <Loading />}
          {conn && conn.edges.length === 0 && (
            <Empty description={t('search.empty')}>
              <Link to={`/ask?title=${encodeURIComponent(q)}`}>
                <Button type="primary">{t('search.emptyAsk')}</Button>
              </Link>
            </Empty>
          )}
          {conn && conn.edges.length > 0 && (
            <ul className="q-list" data-testid="search-results">
              {conn.edges.map((e) => (
                <QuestionItem key={e.node.id} q={e.node} titleHtml={e.highlightedTitle} snippet={e.snippet} />
              ))}
            </ul>
          )}
          {conn?.pageInfo.hasNextPage && (
            <Button
              block
              loading={loading}
              onClick={() =>
                void fetchMore({
                  variables: { after: conn.pageInfo.endCursor },
                  updateQuery: (prev, { fetchMoreResult }) => ({
                    searchQuestions: {
                      ...fetchMoreResult.searchQuestions,
                      edges: [...prev.searchQuestions.edges, ...fetchMoreResult.searchQuestions.edges],
                    },
                  }),
                })
              }
            >
              {t('search.more')}
            </Button>
          )}
        </section>
        <aside className="card" aria-labelledby="search-filters">
          {wide && (
            <>
              <h2 id="search-filters">{t('search.filters')}</h2>
              {filters}
            </>
          )}
          <h3 id={wide ? undefined : 'search-filters'} style={{ marginTop: wide ? 16 : 0 }}>
            {t('search.categories')}
          </h3>
          <div className="facets" role="group" aria-label={t('search.categories')} data-testid="category-facets">
            {categoryFacets.map((f) => {
              const active = filter.category === f.key;
              return (
                <Button
                  key={f.key}
                  size="small"
                  type={active ? 'primary' : 'default'}
                  aria-pressed={active}
                  onClick={() => set(toggleSingleParam(params, 'category', f.key))}
                >
                  {f.name} ({f.count})
                </Button>
              );
            })}
          </div>
          <h3 style={{ marginTop: 16 }}>{t('search.tags')}</h3>
          <div className="facets" role="group" aria-label={t('search.tags')}>
            {(conn?.facets ?? []).map((f) => {
              const active = (filter.tags ?? []).includes(f.name);
              return (
                <Button
                  key={f.name}
                  size="small"
                  type={active ? 'primary' : 'default'}
                  aria-pressed={active}
                  onClick={() => set(toggleParam(params, 'tag', f.name))}
                >
                  #{f.name} ({f.count})
                </Button>
              );
            })}
          </div>
        </aside>
      </div>
    </div>
  );
}
