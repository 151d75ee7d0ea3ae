import { Role } from '@app/accounts';
import { DemoHandle, DemoThread, DemoUser } from './demo-types';
import { ACCOUNT_THREADS } from './threads-account';
import { SECURITY_THREADS } from './threads-security';
import { TRADE_THREADS } from './threads-trade';

// Demo content of a fresh development database. Written for this project; every person in it is
// made up. Demo accounts share one password on purpose: they exist only for local demos and tests,
// and the seeder refuses to run in production.

export const DEMO_PASSWORD = 'demo-password-2024';

export const DEMO_USERS: readonly DemoUser[] = [
  {
    handle: 'alipay_support',
    displayName: '支付宝官方客服',
    role: Role.MEMBER,
    officialLabel: '支付宝官方客服',
  },
  {
    handle: 'security_center',
    displayName: '账户安全中心',
    role: Role.MEMBER,
    officialLabel: '支付宝安全中心',
  },
  { handle: 'mod_lin', displayName: '版主·小林', role: Role.MODERATOR },
  { handle: 'demo_admin', displayName: '社区管理员', role: Role.ADMIN },
  { handle: 'xiaowang', displayName: '小王', role: Role.MEMBER },
  { handle: 'chenjie_hz', displayName: '杭州陈姐', role: Role.MEMBER },
  { handle: 'laozhou', displayName: '老周', role: Role.MEMBER },
  { handle: 'ahua_helper', displayName: '热心网友阿华', role: Role.MEMBER },
  { handle: 'lina_gz', displayName: '广州丽娜', role: Role.MEMBER },
  { handle: 'mia_sh', displayName: 'Mia (Shanghai)', role: Role.MEMBER },
  { handle: 'tom_bj', displayName: 'Tom in Beijing', role: Role.MEMBER },
];

/** Logins printed after seeding: one of each kind of account. */
export const DEMO_LOGINS: readonly { what: string; handle: DemoHandle }[] = [
  { what: 'member', handle: 'xiaowang' },
  { what: 'official account', handle: 'alipay_support' },
  { what: 'moderator', handle: 'mod_lin' },
  { what: 'admin', handle: 'demo_admin' },
];

/** Round-robin over the three kinds of trouble, so the newest page shows a mix, not one category. */
function interleave<T>(...lists: readonly (readonly T[])[]): T[] {
  const out: T[] = [];
  const longest = Math.max(...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++) for (const list of lists) if (i < list.length) out.push(list[i]);
  return out;
}

const inCategory = (category: string, threads: readonly DemoThread[]): DemoThread[] =>
  threads.map((t) => ({ ...t, category }));

export const DEMO_THREADS: readonly DemoThread[] = interleave(
  inCategory('account', ACCOUNT_THREADS),
  inCategory('transaction', TRADE_THREADS),
  inCategory('security', SECURITY_THREADS),
);
