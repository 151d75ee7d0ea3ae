import { Button, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

export function SearchBox({ initial = '', placeholder, onSearch }: { initial?: string; placeholder?: string; onSearch?: (q: string) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [value, setValue] = useState(initial);
  return (
    <form
      role="search"
      style={{ display: 'flex', gap: 8 }}
      onSubmit={(e) => {
        e.preventDefault();
        const q = value.trim();
        if (onSearch) onSearch(q);
        else void navigate(`/search?q=${encodeURIComponent(q)}`);
      }}
    >
      <Input
        type="search"
        size="large"
        aria-label={t('search.label')}
        placeholder={placeholder ?? t('search.placeholder')}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        allowClear
      />
      <Button type="primary" size="large" htmlType="submit">
        {t('search.submit')}
      </Button>
    </form>
  );
}
