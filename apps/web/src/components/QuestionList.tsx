import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { QuestionCardFragment } from '../gql/graphql';
import { StatusBadges } from './Badges';

export function QuestionItem({
  q,
  titleHtml,
  snippet,
}: {
  q: QuestionCardFragment;
  titleHtml?: string;
  snippet?: string;
}) {
  const { t } = useTranslation();
  return (
    <li className="q-item">
      <Link to={`/q/${q.id}`} className="q-title">
        {/* highlightedTitle is HTML-escaped by the server; <mark> is its only markup */}
        {titleHtml ? <span dangerouslySetInnerHTML={{ __html: titleHtml }} /> : q.title}
      </Link>
      {snippet && <p className="snippet" dangerouslySetInnerHTML={{ __html: snippet }} />}
      <div className="q-meta">
        <StatusBadges solved={q.isSolved} official={q.officialAnswers.length > 0} />
        {q.category && <span>{q.category.name}</span>}
        <span>{t('common.answers', { count: q.answerCount })}</span>
        {q.meTooCount > 0 && <span>{t('common.meToo', { count: q.meTooCount })}</span>}
        <span>{dayjs(q.createdAt).fromNow()}</span>
        {q.tags.map((tag) => (
          <Link key={tag} className="tag-link" to={`/search?q=&tag=${encodeURIComponent(tag)}`}>
            #{tag}
          </Link>
        ))}
      </div>
    </li>
  );
}

export function QuestionList({ items }: { items: readonly QuestionCardFragment[] }) {
  return (
    <ul className="q-list">
      {items.map((q) => (
        <QuestionItem key={q.id} q={q} />
      ))}
    </ul>
  );
}
