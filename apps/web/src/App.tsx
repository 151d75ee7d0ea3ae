import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import relativeTime from 'dayjs/plugin/relativeTime';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { Loading } from './components/Loading';
import { preloadable } from './lib/preloadable';
import { ToastProvider } from './lib/toast';
import { theme } from './theme';

dayjs.extend(relativeTime);

const Home = lazy(() => import('./pages/HomePage'));
const Search = lazy(() => import('./pages/SearchPage'));
const Ask = lazy(() => import('./pages/AskPage'));
// Preloadable: a thread opened from the server's HTML is prepared before the first render (main.tsx).
export const Thread = preloadable(() => import('./pages/ThreadPage'));
const Login = lazy(() => import('./pages/LoginPage'));
const Register = lazy(() => import('./pages/RegisterPage'));
const Notifications = lazy(() => import('./pages/NotificationsPage'));
const Moderation = lazy(() => import('./pages/ModerationPage'));
const Staff = lazy(() => import('./pages/StaffPage'));
const Profile = lazy(() => import('./pages/ProfilePage'));
const NotFound = lazy(() => import('./pages/NotFoundPage'));

export function App() {
  const { i18n } = useTranslation();
  const zh = i18n.language !== 'en';
  useEffect(() => {
    dayjs.locale(zh ? 'zh-cn' : 'en');
    document.documentElement.lang = zh ? 'zh-CN' : 'en';
  }, [zh]);
  return (
    <ConfigProvider locale={zh ? zhCN : enUS} theme={theme} button={{ autoInsertSpace: false }}>
      <ToastProvider>
        <Layout>
          <Suspense fallback={<Loading />}>
            <Routes>
              <Route path="/" element={<Home />} />
              <Route path="/search" element={<Search />} />
              <Route path="/ask" element={<Ask />} />
              <Route path="/q/:id" element={<Thread />} />
              <Route path="/login" element={<Login />} />
              <Route path="/register" element={<Register />} />
              <Route path="/notifications" element={<Notifications />} />
              <Route path="/mod" element={<Moderation />} />
              <Route path="/staff" element={<Staff />} />
              <Route path="/u/:handle" element={<Profile />} />
              <Route path="*" element={<NotFound />} />
            </Routes>
          </Suspense>
        </Layout>
      </ToastProvider>
    </ConfigProvider>
  );
}
