import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../lib/describe-error';

export function ErrorNote({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return <Alert type="error" showIcon title={describeError(error, t)} role="alert" />;
}
