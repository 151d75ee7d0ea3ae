import { useMutation, useQuery } from '@apollo/client/react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { RecordClickMutation, SimilarQuery } from '../graphql/operations';
import { clearDraft, excerpt, shouldSuggest, similarInput } from '../lib/draft';
import { useDebounced } from '../lib/use-debounced';
import { StatusBadges } from './Badges';

/** Threads that may already answer the draft, refreshed ~400 ms after typing stops. */
export function SimilarPanel({ title, body, draftId }: { title: string; body: string; draftId: string }) {
  const { t } = useTranslation();
  const input = useDebounced(similarInput(title, body), 400);
  const active = shouldSuggest(input.title, input.body ?? '');
  const { data, loading, previousData } = useQuery(SimilarQuery, {
    variables: { ...input, draftId },
    skip: !active,
    fetchPolicy: 'cache-first',
  });
  const [record] = useMutation(RecordClickMutation);
  const navigate = useNavigate();
  const items = active ? (data ?? previousData)?.similarQuestions ?? [] : [];

  const click = (questionId: string) => {
    void record({ variables: { draftId, questionId } }).catch(() => undefined);
  };

  return (
    <section className="card" aria-labelledby="similar-heading" aria-live="polite" aria-busy={loading}>
      <h2 id="similar-heading" style={{ fontSize: 17 }}>
        {t('ask.similar')}
      </h2>
      {!active ? (
        <p className="q-meta">{t('ask.similarHint')}</p>
      ) : items.length === 0 ? (
        <p className="q-meta">{loading ? t('ask.similarLoading') : t('ask.similarNone')}</p>
      ) : (
        <ul className="q-list">
          {items.slice(0, 5).map(({ question: q }) => {
            const official = q.officialAnswers[0];
            const source = q.acceptedAnswer?.body ?? official?.body;
            return (
              <li key={q.id} className="similar-item">
                <a
                  className="q-title"
                  href={`/q/${q.id}`}
                  target="_blank"
                  rel="noopener"
                  onClick={() => click(q.id)}
                  title={t('ask.openNew')}
                >
                  {q.title}
                </a>
                <div className="q-meta">
                  <StatusBadges solved={q.isSolved} official={q.officialAnswers.length > 0} />
                </div>
                {source && <p className="similar-excerpt">{excerpt(source)}</p>}
                <div className="actions">
                  <Button
                    size="small"
                    onClick={() => {
                      click(q.id);
                      clearDraft();
                      void navigate(`/q/${q.id}`, { state: { deflected: true } });
                    }}
                  >
                    {t('ask.solvedMine')}
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
