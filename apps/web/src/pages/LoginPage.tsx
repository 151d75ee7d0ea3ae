import { useMutation } from '@apollo/client/react';
import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../auth';
import { ErrorNote } from '../components/ErrorNote';
import { LoginMutation } from '../graphql/operations';
import { safeNext } from '../lib/safe-next';
import { useTitle } from '../lib/use-title';

export default function LoginPage() {
  const { t } = useTranslation();
  useTitle(t('auth.login'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { signIn } = useAuth();
  const [handle, setHandle] = useState('');
  const [password, setPassword] = useState('');
  const [login, { loading, error }] = useMutation(LoginMutation);
  const submit = async () => {
    try {
      const res = await login({ variables: { input: { handle: handle.trim(), password } } });
      if (!res.data) return;
      await signIn(res.data.login.token);
      void navigate(safeNext(params.get('next')), { replace: true });
    } catch {
      // shown below
    }
  };
  return (
    <div className="card" style={{ maxWidth: 420, margin: '0 auto' }}>
      <h1 className="page-title">{t('auth.login')}</h1>
      <Form layout="vertical" onFinish={() => void submit()} requiredMark={false}>
        <Form.Item label={t('auth.handle')} htmlFor="login-handle">
          <Input id="login-handle" autoComplete="username" value={handle} onChange={(e) => setHandle(e.target.value)} />
        </Form.Item>
        <Form.Item label={t('auth.password')} htmlFor="login-password">
          <Input.Password
            id="login-password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Form.Item>
        {error && <ErrorNote error={error} />}
        <Button type="primary" htmlType="submit" block loading={loading} style={{ marginTop: 12 }}>
          {t('auth.login')}
        </Button>
      </Form>
      <p style={{ marginTop: 16 }}>
        <Link to={`/register${params.get('next') ? `?next=${encodeURIComponent(params.get('next') ?? '')}` : ''}`}>
          {t('auth.noAccount')}
        </Link>
      </p>
    </div>
  );
}
