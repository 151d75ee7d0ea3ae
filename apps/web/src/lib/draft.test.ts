import { describe, expect, it } from 'vitest';
import { excerpt, linkTexts, parseTags, shouldSuggest, similarInput } from './draft';
import { personalDataIn } from './personal-data-notice';

describe('draft helpers', () => {
  it('starts suggesting from 4 meaningful characters', () => {
    expect(shouldSuggest('冻结', '')).toBe(false);
    expect(shouldSuggest('账户冻', '')).toBe(false);
    expect(shouldSuggest('账户冻结', '')).toBe(true);
    expect(shouldSuggest('，。！？ ', '   ')).toBe(false);
    expect(shouldSuggest('', '被限制了')).toBe(true);
  });

  it('sends the title, or the body start when there is no title', () => {
    expect(similarInput('  换手机登录被限制 ', '')).toEqual({ title: '换手机登录被限制', body: null });
    expect(similarInput('', '新手机登录后提示存在风险')).toEqual({ title: '新手机登录后提示存在风险', body: null });
    const long = '很'.repeat(300);
    expect(similarInput('', long).title).toHaveLength(150);
    expect(similarInput('', long).body).toHaveLength(300);
  });

  it('splits tags on spaces and Chinese or Latin commas, without duplicates', () => {
    expect(parseTags('风控 登录，换手机、风控 #退款')).toEqual(['风控', '登录', '换手机', '退款']);
    expect(parseTags('  ')).toEqual([]);
  });

  it('turns the first lines of a Markdown answer into plain text', () => {
    expect(excerpt('1. 打开【我的 → 设置】\n2. **人脸验证**\n\n```\ncode\n```')).toBe('打开【我的 → 设置】 人脸验证');
    expect(excerpt('[客服](https://example.invalid) 会回复')).toBe('客服 会回复');
    expect([...excerpt('长'.repeat(500), 10)]).toHaveLength(11);
  });

  it('finds the personal data the server will mask, with its masked form', () => {
    expect(personalDataIn('我的手机号 13812345678，邮箱 wang@example.com')).toEqual([
      { kind: 'PHONE', masked: '138****5678' },
      { kind: 'EMAIL', masked: expect.stringMatching(/^w\*+@example\.com$/) as unknown as string },
    ]);
    expect(personalDataIn('订单金额 ¥13812345678')).toEqual([]);
  });
});

describe('linkTexts', () => {
  it('keeps link texts, drops images, leaves unmatched brackets alone', () => {
    expect(linkTexts('看[这里](https://a.example)和![图](https://b.example/x.png)。')).toBe('看这里和。');
    expect(linkTexts('[未闭合 (x) ] [a](b')).toBe('[未闭合 (x) ] [a](b');
  });

  it('is linear on a flood of opening brackets', () => {
    const flood = '['.repeat(20000) + ']';
    expect(linkTexts(flood)).toBe(flood);
    const pairs = '[a]'.repeat(7000);
    expect(linkTexts(pairs)).toBe(pairs);
  });
});
