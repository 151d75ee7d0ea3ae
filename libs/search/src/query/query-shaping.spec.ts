import {
  MEILI_QUERY_WORDS,
  rotatedQueries,
  searchQueryVariants,
  searchQueryWords,
  segmentTerms,
  shapeDraftQuery,
} from './query-shaping';

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

describe('shapeDraftQuery', () => {
  it('puts title words first, then domain words from the body, then other body words (10 words)', () => {
    const terms = shapeDraftQuery({
      title: '支付宝账户被冻结了',
      body: '昨天换了手机，登录时提示**异常**，然后就被限制了',
    });
    expect(texts(terms)).toEqual(['支付宝', '账户', '冻结', '异常', '限制', '换了', '手机', '登录时']);
  });

  it('stays within the Meilisearch word limit and does not repeat words', () => {
    const body = Array.from({ length: 40 }, (_, i) => `word${i} 冻结`).join(' ');
    const terms = shapeDraftQuery({ title: '冻结 frozen account', body });
    expect(terms.reduce((n, t) => n + t.words, 0)).toBeLessThanOrEqual(MEILI_QUERY_WORDS);
    expect(new Set(texts(terms)).size).toBe(terms.length);
    expect(texts(terms).slice(0, 3)).toEqual(['冻结', 'frozen', 'account']);
  });

  it('gives nothing for a draft of function words only', () => {
    expect(shapeDraftQuery({ title: '请问怎么办呢？', body: '谢谢' })).toEqual([]);
  });
});

describe('rotatedQueries', () => {
  it('lets each of the first three terms lead once', () => {
    const terms = ['a', 'b', 'c', 'd'].map((text) => ({ text, words: 1 }));
    expect(rotatedQueries(terms)).toEqual(['a b c d', 'b c d a', 'c d a b']);
    expect(rotatedQueries(terms.slice(0, 1))).toEqual(['a']);
    expect(rotatedQueries([])).toEqual([]);
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
