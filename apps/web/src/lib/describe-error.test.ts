import { CombinedGraphQLErrors } from '@apollo/client';
import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import zhCN from '../locales/zh-CN';
import { notificationText } from './notification-text';
import { describeError, errorField } from './describe-error';

function gqlError(code: string, message: string, extra: Record<string, unknown> = {}) {
  return new CombinedGraphQLErrors({ errors: [{ message, extensions: { code, ...extra } }] });
}

beforeAll(async () => {
  await i18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: zhCN } }, interpolation: { escapeValue: false } });
});

describe('errors in Chinese at their field', () => {
  it('names the field of a validation error', () => {
    const e = gqlError('BAD_USER_INPUT', 'title must be 4–150 characters', { field: 'title' });
    expect(errorField(e)).toBe('title');
    expect(describeError(e, i18n.t)).toBe('标题需要 4–150 个字');
  });

  it('labels a template field with its Chinese label', () => {
    const e = gqlError('BAD_USER_INPUT', 'details.message is required', { field: 'details.message' });
    expect(errorField(e)).toBe('details.message');
    expect(describeError(e, i18n.t, { message: '提示的原文' })).toBe('请填写“提示的原文”（最多 500 字）');
  });

  it('puts rate limits at the submit button with the wait', () => {
    const e = gqlError('RATE_LIMITED', 'Too many requests; try again in 42 s', { retryAfterSeconds: 42 });
    expect(errorField(e)).toBe('submit');
    expect(describeError(e, i18n.t)).toBe('操作太频繁了，请 42 秒后再试');
  });

  it('translates the other codes and network failures', () => {
    expect(describeError(gqlError('FORBIDDEN', 'no'), i18n.t)).toBe('你没有权限执行此操作');
    expect(describeError(new TypeError('Failed to fetch'), i18n.t)).toBe('网络错误，请检查连接后重试');
    expect(describeError(null, i18n.t)).toBe('');
  });
});

describe('notification text', () => {
  it('uses the official label of the actor', () => {
    const text = notificationText(
      { kind: 'OFFICIAL_ANSWER', actor: { displayName: '客服小蚂', officialLabel: '支付宝官方客服' }, question: { title: '退款' } },
      i18n.t,
    );
    expect(text).toBe('支付宝官方客服 给出了官方回答：「退款」');
    expect(notificationText({ kind: 'ACCEPT_REMINDER', actor: null, question: { title: 'x' } }, i18n.t)).toBe(
      '你的问题 「x」 已有回答，记得采纳',
    );
  });
});
