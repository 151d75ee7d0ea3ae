import { cleanPlain, markdownToPlainText, truncateText } from './plain-text';

describe('markdownToPlainText', () => {
  it('keeps the words of headings, emphasis, links, lists and code', () => {
    const md = [
      '## 花呗还款失败',
      '',
      '我试了 **三次**，_一直_ 提示 `ERR_42`。',
      '',
      '- 打开 [支付宝](https://example.test/a?b=1)',
      '1. 进入 ![图](x.png) 设置',
      '> 客服说等待',
      '```',
      'code block',
      '```',
    ].join('\n');
    expect(markdownToPlainText(md)).toBe(
      '花呗还款失败\n我试了 三次，一直 提示 ERR_42。\n打开 支付宝\n进入 图 设置\n客服说等待\ncode block',
    );
  });

  it('drops HTML tags and decodes entities without letting markup through', () => {
    expect(markdownToPlainText('a <script>alert(1)</script> &lt;b&gt; &amp; &#x4E2D;')).toBe(
      'a alert(1) <b> & 中',
    );
  });

  it('removes the private-use highlight markers and control characters from content', () => {
    expect(markdownToPlainText('x\uE000y\uE001z\u0007w &#xE000;')).toBe('x y z w');
  });

  it('keeps snake_case words and tables readable', () => {
    expect(markdownToPlainText('set auto_pay_flag\n\n| a | b |\n|---|---|\n| 1 | 2 |')).toBe(
      'set auto_pay_flag\na b\n1 2',
    );
  });
});

describe('cleanPlain and truncateText', () => {
  it('collapses spaces including ideographic ones', () => {
    expect(cleanPlain('  账户\u3000\u3000冻结  ')).toBe('账户 冻结');
  });

  it('never splits a surrogate pair', () => {
    expect(truncateText('ab😀cd', 3)).toBe('ab😀');
    expect(truncateText('短', 10)).toBe('短');
  });
});
