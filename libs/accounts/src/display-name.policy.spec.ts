import {
  DEFAULT_RESERVED_DISPLAY_NAMES,
  imitatedWord,
  nameSkeleton,
  parseReservedList,
} from './display-name.policy';

const reserved = [...DEFAULT_RESERVED_DISPLAY_NAMES, '支付宝安全中心'];

describe('display names that imitate official accounts', () => {
  it.each([
    ['官方客服', '官方'],
    ['支付宝小助手', '支付宝'],
    ['官 方 客 服', '官方'],
    ['官\u200b方', '官方'], // zero-width space
    ['客\u2060服', '客服'], // word joiner
    ['官·方', '官方'],
    ['Alipay Help', 'alipay'],
    ['ＡＬＩＰＡＹ', 'alipay'], // full width
    ['A L I P A Y', 'alipay'],
    ['a.l.i.p.a.y', 'alipay'],
    ['OFFICIAL', 'official'],
    ['0ffic1al', 'official'],
    ['оfficial', 'official'], // Cyrillic о
    ['Óffícial', 'official'],
    ['Customer Service', 'customer service'],
    ['Tech Support 24h', 'support'],
    ['支付寶', '支付寶'],
    ['支付宝安全中心', '支付宝'],
    ['安全中心·支付宝', '支付宝'],
  ])('%s imitates %s', (name, word) => {
    expect(imitatedWord(name, reserved)).toBe(word);
  });

  it('includes badge labels in use', () => {
    expect(imitatedWord('蚂蚁 安全中心', ['蚂蚁安全中心'])).toBe('蚂蚁安全中心');
  });

  it.each([
    '小王',
    '热心网友阿华',
    'Mia (Shanghai)',
    'Tom in Beijing',
    '版主·小林',
    '花呗用户🙂',
    '杭州陈姐',
    '测试用户',
  ])('allows %s', (name) => {
    expect(imitatedWord(name, reserved)).toBeNull();
  });

  it('folds width, case, marks and separators', () => {
    expect(nameSkeleton('Ｏ f\u200bF-i.C i A l')).toBe(nameSkeleton('official'));
  });

  it('takes a configured list instead of the default', () => {
    expect(parseReservedList(undefined)).toBe(DEFAULT_RESERVED_DISPLAY_NAMES);
    expect(parseReservedList(' 官方 , ,staff ')).toEqual(['官方', 'staff']);
  });
});
