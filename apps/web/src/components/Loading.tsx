import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';

export function Loading() {
  const { t } = useTranslation();
  return (
    <div role="status" style={{ padding: 32, textAlign: 'center' }}>
      <Spin />
      <span className="visually-hidden">{t('common.loading')}</span>
    </div>
  );
}
