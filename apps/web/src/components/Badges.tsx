import { useTranslation } from 'react-i18next';

interface BadgeLike {
  kind: string;
  label: string;
}

/** Author badges: official accounts show their label (e.g. 支付宝官方客服), staff their role. */
export function AuthorBadges({ badges }: { badges: readonly BadgeLike[] }) {
  return (
    <>
      {badges.map((b) => (
        <span key={b.kind + b.label} className={b.kind === 'OFFICIAL' ? 'badge badge-official' : 'badge badge-mod'}>
          {b.kind === 'OFFICIAL' ? '✔ ' : ''}
          {b.label}
        </span>
      ))}
    </>
  );
}

export function StatusBadges({ solved, official }: { solved: boolean; official: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {solved && <span className="badge badge-solved">✓ {t('common.solved')}</span>}
      {official && <span className="badge badge-official">✔ {t('common.official')}</span>}
    </>
  );
}
