import { useMutation } from '@apollo/client/react';
import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../auth';
import { ErrorNote } from '../components/ErrorNote';
import { RegisterMutation } from '../graphql/operations';
import { describeError, errorField } from '../lib/describe-error';
import { safeNext } from '../lib/safe-next';
import { useTitle } from '../lib/use-title';

export default function RegisterPage() {
  const { t } = useTranslation();
  useTitle(t('auth.register'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { signIn } = useAuth();
  const [form, setForm] = useState({ handle: '', displayName: '', password: '' });
  const [register, { loading, error }] = useMutation(RegisterMutation);
  const bad = errorField(error);
  const at = (f: string) => (bad === f ? { validateStatus: 'error' as const, help: describeError(error, t) } : {});
  const submit = async () => {
    try {
      const res = await register({ variables: { input: { ...form, handle: form.handle.trim() } } });
      if (!res.data) return;
      await signIn(res.data.register.token);
      void navigate(safeNext(params.get('next')), { replace: true });
    } catch {
      // shown at the field
    }
  };
  return (
    <div className="card" style={{ maxWidth: 420, margin: '0 auto' }}>
      <h1 className="page-title">{t('auth.register')}</h1>
      <Form layout="vertical" onFinish={() => void submit()} requiredMark={false}>
        <Form.Item label={t('auth.handle')} htmlFor="reg-handle" {...at('handle')}>
          <Input id="reg-handle" autoComplete="username" value={form.handle} onChange={(e) => setForm({ ...form, handle: e.target.value })} />
        </Form.Item>
        <Form.Item label={t('auth.displayName')} htmlFor="reg-name" {...at('displayName')}>
          <Input id="reg-name" autoComplete="nickname" value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} />
        </Form.Item>
        <Form.Item label={t('auth.password')} htmlFor="reg-password" {...at('password')}>
          <Input.Password
            id="reg-password"
            autoComplete="new-password"
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
          />
        </Form.Item>
        {error && !['handle', 'displayName', 'password'].includes(bad ?? '') && <ErrorNote error={error} />}
        <Button type="primary" htmlType="submit" block loading={loading} style={{ marginTop: 12 }}>
          {t('auth.register')}
        </Button>
      </Form>
      <p style={{ marginTop: 16 }}>
        <Link to="/login">{t('auth.haveAccount')}</Link>
      </p>
    </div>
  );
}
