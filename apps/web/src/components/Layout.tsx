import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../auth';
import { setLang } from '../i18n';
import { useToast } from '../lib/toast';
import { NotificationBell } from './NotificationBell';

export function Layout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { me, signOut, isStaff } = useAuth();
  const navigate = useNavigate();
  const toast = useToast();
  const zh = i18n.language !== 'en';
  return (
    <>
      <a className="skip-link" href="#main">
        {zh ? '跳到正文' : 'Skip to content'}
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <Link to="/" className="app-logo">
            {t('app.name')}
          </Link>
          <nav className="header-nav" aria-label={t('nav.main')}>
            <Link to="/search" className="nav-link">
              {t('nav.search')}
            </Link>
            <Link to="/ask" className="nav-link">
              {t('nav.ask')}
            </Link>
            {me && <NotificationBell />}
            {me && (isStaff || me.isOfficial) && (
              <Link to="/staff" className="nav-link">
                {t('nav.staff')}
              </Link>
            )}
            {me && isStaff && (
              <Link to="/mod" className="nav-link">
                {t('nav.moderation')}
              </Link>
            )}
            {me ? (
              <>
                <Link to={`/u/${me.handle}`} className="nav-link" aria-label={`${me.displayName} · ${t('nav.profile')}`}>
                  {me.displayName}
                </Link>
                <button
                  type="button"
                  className="link-button"
                  onClick={() =>
                    void signOut().then(() => {
                      toast.success(t('auth.loggedOut'));
                      void navigate('/');
                    })
                  }
                >
                  {t('nav.logout')}
                </button>
              </>
            ) : (
              <Link to="/login" className="nav-link">
                {t('nav.login')}
              </Link>
            )}
            <Button
              type="text"
              size="small"
              aria-label={t('nav.languageLabel')}
              lang={zh ? 'en' : 'zh-CN'}
              onClick={() => setLang(zh ? 'en' : 'zh-CN')}
            >
              {t('nav.language')}
            </Button>
          </nav>
        </div>
      </header>
      <main id="main" className="app-main">
        {children}
      </main>
      <footer className="app-footer">{t('app.tagline')}</footer>
    </>
  );
}
