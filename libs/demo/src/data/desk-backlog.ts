import { DemoHandle } from './demo-types';

// The official desk's backlog in the demo: open threads placed in categories (so their first-response
// targets apply), a few 我也遇到了 marks, one thread held by an official account, one handed off to
// private support, and canned replies to insert.

export const DESK_CATEGORIES: Record<string, string> = {
  'minor-realname': 'account',
  'business-account': 'account',
  'login-vs-pay-password': 'security',
  'friend-loan': 'security',
  'installment-fee': 'transaction',
  'credit-card-pending': 'transaction',
};

export const DESK_ME_TOOS: Record<string, DemoHandle[]> = {
  'credit-card-pending': ['chenjie_hz', 'laozhou', 'lina_gz'],
  'installment-fee': ['mia_sh', 'tom_bj'],
  'friend-loan': ['ahua_helper'],
};

export const DESK_CLAIM: { thread: string; by: DemoHandle } = {
  thread: 'friend-loan',
  by: 'security_center',
};

export const DESK_HANDOFF: { thread: string; by: DemoHandle; reason: string } = {
  thread: 'credit-card-pending',
  by: 'alipay_support',
  reason: '需要核对具体的还款流水，涉及银行卡信息，不能在帖子里公开',
};

export const DESK_CANNED_REPLIES: { category: string | null; title: string; body: string }[] = [
  {
    category: 'account',
    title: '账户冻结：自助解冻步骤',
    body:
      '{asker} 您好，关于{category}的问题：请打开支付宝 → 我的 → 设置 → 安全中心 → 账户解冻，按提示完成人脸验证。' +
      '处理进度我们会在 {thread_url} 更新。请勿在帖子里发布身份证号或银行卡号。',
  },
  {
    category: 'transaction',
    title: '交易纠纷：先联系商家再申请介入',
    body:
      '{asker} 您好，{category}一般先在订单详情里联系商家协商；48 小时内未处理，可以在订单页点击「申请平台介入」。' +
      '需要核对具体订单时，我们会转人工处理，请留意通知。',
  },
  {
    category: null,
    title: '通用：已收到，正在核实',
    body: '{asker} 您好，已收到您的问题，官方客服正在核实，有结果会第一时间在 {thread_url} 回复。',
  },
];
