import { draftHasContent, searchQueryVariants, searchQueryWords, segmentTerms } from './query-shaping';

const texts = (terms: { text: string }[]): string[] => terms.map((t) => t.text);

describe('segmentTerms', () => {
  it('drops Chinese function words and question words', () => {
    expect(texts(segmentTerms('请问为什么我的花呗还款失败了呢？'))).toEqual(['花呗还款', '失败']);
    expect(texts(segmentTerms('支付宝账户被冻结了怎么办'))).toEqual(['支付宝', '账户', '冻结']);
  });

  it('keeps single characters glued to the word they belong to, and drops lone ones', () => {
    expect(texts(segmentTerms('银行卡绑不上怎么办'))).toEqual(['银行卡绑', '不上']);
  });

  it('handles English: lower case, no stop words, no long numbers', () => {
    expect(texts(segmentTerms('How do I fix Huabei repayment? Order 2024031512345'))).toEqual([
      'fix',
      'huabei',
      'repayment',
      'order',
    ]);
  });

  it('handles mixed scripts', () => {
    expect(texts(segmentTerms('转账被风控拦截 unfreeze my account'))).toEqual([
      '转账',
      '风控',
      '拦截',
      'unfreeze',
      'account',
    ]);
  });
});

describe('draftHasContent', () => {
  it('finds a content word in the title or, failing that, in the body', () => {
    expect(draftHasContent({ title: '支付宝账户被冻结了' })).toBe(true);
    expect(draftHasContent({ title: '请问怎么办呢？', body: '昨天登录时提示**异常**' })).toBe(true);
  });

  it('is false for a draft of function words only', () => {
    expect(draftHasContent({ title: '请问怎么办呢？', body: '谢谢' })).toBe(false);
    expect(draftHasContent({ title: '请问怎么办呢？', body: null })).toBe(false);
  });
});

describe('searchQueryVariants', () => {
  it('searches the query as typed, then its words rotated (lone characters kept)', () => {
    expect(searchQueryWords('扣了两次')).toEqual(['扣了', '两次']);
    expect(searchQueryWords('花呗还款失败了')).toEqual(['花呗还款', '失败']);
    expect(searchQueryVariants('扣了两次')).toEqual([
      { q: '扣了两次', weight: 1 },
      { q: '两次 扣了', weight: 0.9 },
    ]);
    expect(searchQueryVariants('花呗 还款 失败').map((v) => v.q)).toEqual([
      '花呗 还款 失败',
      '还款 失败 花呗',
      '失败 花呗 还款',
    ]);
  });

  it('keeps one-word and phrase queries as they are', () => {
    expect(searchQueryVariants('花呗')).toEqual([{ q: '花呗', weight: 1 }]);
    expect(searchQueryVariants('"扣了两次" 钱')).toEqual([{ q: '"扣了两次" 钱', weight: 1 }]);
  });
});
