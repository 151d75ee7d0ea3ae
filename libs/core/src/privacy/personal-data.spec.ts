import {
  PersonalDataKind,
  findPersonalData,
  isResidentId,
  luhnValid,
  maskPersonalData,
} from './personal-data';
import { foldText } from './folded-text';

/** Appends the Luhn check digit (computed independently of the validator under test). */
function withLuhn(body: string): string {
  for (let d = 0; d <= 9; d++) {
    const candidate = body + d;
    const sum = [...candidate]
      .reverse()
      .map(Number)
      .reduce((acc, n, i) => acc + (i % 2 ? (n * 2 > 9 ? n * 2 - 9 : n * 2) : n), 0);
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}

function toFullWidth(text: string): string {
  return text.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

const UNIONPAY = withLuhn('622202123456789012'); // 19 digits
const VISA = withLuhn('411111111111111'); // 16 digits
const ID = '11010519491231002X';
const ID2 = '440524188001010014';

// Texts that contain personal data, with the kinds expected, in order.
const POSITIVES: [string, PersonalDataKind[]][] = [
  ['我的手机号是13812345678，一直收不到验证码', [PersonalDataKind.PHONE]],
  ['绑定手机 138 1234 5678 换了', [PersonalDataKind.PHONE]],
  ['电话138-1234-5678', [PersonalDataKind.PHONE]],
  ['+86 13912345678 是我的号码', [PersonalDataKind.PHONE]],
  ['手机:19900001111', [PersonalDataKind.PHONE]],
  [`身份证号${ID}，需要重新认证吗`, [PersonalDataKind.ID_CARD]],
  [`身份证 ${ID.toLowerCase()}`, [PersonalDataKind.ID_CARD]],
  [`ID: ${ID2}`, [PersonalDataKind.ID_CARD]],
  [`银行卡${UNIONPAY}绑定失败`, [PersonalDataKind.BANK_CARD]],
  [`卡号 ${UNIONPAY.replace(/(\d{4})(?=\d)/g, '$1 ')} 扣款两次`, [PersonalDataKind.BANK_CARD]],
  [`visa card ${VISA} was declined`, [PersonalDataKind.BANK_CARD]],
  ['联系我 zhang.san+alipay@example.com 谢谢', [PersonalDataKind.EMAIL]],
  ['My email is John_Doe@mail.example.co.uk.', [PersonalDataKind.EMAIL]],
  [
    `手机13812345678 身份证${ID} 卡${UNIONPAY}`,
    [PersonalDataKind.PHONE, PersonalDataKind.ID_CARD, PersonalDataKind.BANK_CARD],
  ],
  // Disguises (the review's variants and more): full-width and other Unicode digits.
  ['手机１３８１２３４５６７８', [PersonalDataKind.PHONE]],
  ['手机１３８－１２３４－５６７８', [PersonalDataKind.PHONE]],
  ['电话 ①③⑧①②③④⑤⑥⑦⑧', [PersonalDataKind.PHONE]],
  ['电话 𝟏𝟑𝟖𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖', [PersonalDataKind.PHONE]],
  ['号码 1️⃣3️⃣8️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣', [PersonalDataKind.PHONE]],
  ['加我 一三八一二三四五六七八', [PersonalDataKind.PHONE]],
  ['加我 壹叁捌壹贰叁肆伍陆柒捌', [PersonalDataKind.PHONE]],
  ['加我 一三八 一二三四 五六七八', [PersonalDataKind.PHONE]],
  // Invisible characters.
  ['手机138\u200b1234\u200b5678', [PersonalDataKind.PHONE]],
  ['手机1\u200c3\u200d8\u20601\ufeff2345678', [PersonalDataKind.PHONE]],
  ['手机138\u00ad1234\u00ad5678', [PersonalDataKind.PHONE]],
  ['手机138\u202e1234\u202c5678', [PersonalDataKind.PHONE]],
  // Separators and spacing.
  ['手机 138.1234.5678', [PersonalDataKind.PHONE]],
  ['手机 138/1234/5678', [PersonalDataKind.PHONE]],
  ['手机 (138)1234-5678', [PersonalDataKind.PHONE]],
  ['手机（138）1234 5678', [PersonalDataKind.PHONE]],
  ['手机 138  1234  5678', [PersonalDataKind.PHONE]],
  ['手机 138 - 1234 - 5678', [PersonalDataKind.PHONE]],
  ['手机 138_1234_5678', [PersonalDataKind.PHONE]],
  ['手机 1 3 8 1 2 3 4 5 6 7 8', [PersonalDataKind.PHONE]],
  ['手机 138\u00a01234\u30005678', [PersonalDataKind.PHONE]],
  ['手机 138\t1234\t5678', [PersonalDataKind.PHONE]],
  ['| 手机 | 138 | 1234 | 5678 |', [PersonalDataKind.PHONE]],
  ['+86-138-1234-5678', [PersonalDataKind.PHONE]],
  ['0086 13812345678', [PersonalDataKind.PHONE]],
  ['(+86)13812345678', [PersonalDataKind.PHONE]],
  // Glued to letters or to other numbers.
  ['wx13812345678', [PersonalDataKind.PHONE]],
  ['vx:13812345678', [PersonalDataKind.PHONE]],
  ['微信号tel13812345678abc', [PersonalDataKind.PHONE]],
  ['电话13812345678 2024年注册的', [PersonalDataKind.PHONE]],
  ['2 13812345678', [PersonalDataKind.PHONE]],
  // Character references and Markdown.
  ['&#49;3812345678', [PersonalDataKind.PHONE]],
  ['&#x31;&#x33;&#x38;12345678', [PersonalDataKind.PHONE]],
  ['138&#32;1234&#x2d;5678', [PersonalDataKind.PHONE]],
  ['138&#8203;1234&zwsp;5678', [PersonalDataKind.PHONE]],
  ['138**1234**5678', [PersonalDataKind.PHONE]],
  ['**138**12345678', [PersonalDataKind.PHONE]],
  ['`13812345678`', [PersonalDataKind.PHONE]],
  ['~~138~~12345678', [PersonalDataKind.PHONE]],
  ['_138_1234_5678_', [PersonalDataKind.PHONE]],
  ['138\\-1234\\-5678', [PersonalDataKind.PHONE]],
  ['1&ast;38 1234 5678', [PersonalDataKind.PHONE]],
  // ID and card numbers, disguised.
  ['身份证 110105 19491231 002X', [PersonalDataKind.ID_CARD]],
  [`身份证 ${toFullWidth(ID)}`, [PersonalDataKind.ID_CARD]],
  [`身份证 ${ID.slice(0, 9)}\u200b${ID.slice(9)}`, [PersonalDataKind.ID_CARD]],
  [`身份证${ID.slice(0, 6)}**${ID.slice(6)}**`, [PersonalDataKind.ID_CARD]],
  [`卡号 ${UNIONPAY.replace(/(\d{4})(?=\d)/g, '$1-')}`, [PersonalDataKind.BANK_CARD]],
  [`卡号 ${toFullWidth(UNIONPAY)}`, [PersonalDataKind.BANK_CARD]],
  [`卡号${UNIONPAY.replace(/(\d{4})(?=\d)/g, '$1.')}`, [PersonalDataKind.BANK_CARD]],
  [`card#id ${VISA.replace(/(\d{4})(?=\d)/g, '$1  ')}`, [PersonalDataKind.BANK_CARD]],
  // E-mail addresses, disguised.
  ['邮箱 zhangsan＠example.com', [PersonalDataKind.EMAIL]],
  ['邮箱 zhangsan@example．com', [PersonalDataKind.EMAIL]],
  ['邮箱 zhangsan@example。com', [PersonalDataKind.EMAIL]],
  ['邮箱 ｚｈａｎｇｓａｎ＠ｅｘａｍｐｌｅ．ｃｏｍ', [PersonalDataKind.EMAIL]],
  ['邮箱 zhangsan[at]example.com', [PersonalDataKind.EMAIL]],
  ['邮箱 zhangsan(at)example(dot)com', [PersonalDataKind.EMAIL]],
  ['邮箱 zhangsan&#64;example.com', [PersonalDataKind.EMAIL]],
  ['邮箱 zhangsan&commat;example&period;com', [PersonalDataKind.EMAIL]],
  ['邮箱 zhang\u200bsan@exam\u200bple.com', [PersonalDataKind.EMAIL]],
  ['邮箱 **zhangsan**@example.com', [PersonalDataKind.EMAIL]],
  ['QQ邮箱 12345678@qq.com', [PersonalDataKind.EMAIL]],
  [
    '微信 wx13812345678，邮箱 a.b@example.cn，卡 6222 0212 3456 7890 128',
    [PersonalDataKind.PHONE, PersonalDataKind.EMAIL, PersonalDataKind.BANK_CARD],
  ],
];

// Texts that must stay untouched: order and trade numbers, amounts, dates, short codes.
const NEGATIVES: string[] = [
  '订单号：2093847561029384756 一直没发货',
  '交易号 2024113022001412341234567890 退款中',
  `订单号 ${UNIONPAY} 商家不退款`,
  '花呗账单 1380.00元，怎么分期',
  '转了13800000000元？不可能',
  '¥13812345678 的金额显示错误',
  '验证码 123456 发不过来',
  '2024-11-30 12:30 登录异常',
  '客服电话95188 打不通',
  '快递单号 SF1234567890123 没有物流',
  '金额 4111111111111111.50 是测试数据',
  '身份证号填错了 110105194912310021',
  '18 位数字 123456789012345678 不是身份证',
  '12345678901 不是手机号',
  '版本 10.5.38 更新后闪退',
  '淘宝订单 4000000000000002 退款没到账',
  'user@localhost 不是邮箱',
  '我的 QQ 号 12345678',
  '账号 alipay_user_2024 被冻结',
  // More order, trade and tracking numbers (also grouped, also with phone-shaped parts).
  '订单号 2024 1381 2345 678 没发货',
  '交易号：2024 1130 2200 1412 3412 3456',
  `订单号：${UNIONPAY.replace(/(\d{4})(?=\d)/g, '$1 ')}`,
  `交易号#${VISA}`,
  `order no. ${VISA}`,
  `流水号 ${toFullWidth(UNIONPAY)}`,
  '商户号 1380012345678901',
  // Amounts.
  '￥13812345678 到账了吗',
  '¥ 13812345678',
  '转账 13812345678 元',
  '金额：13812345678.00',
  '余额 13,812,345,678 元',
  'RMB 13812345678',
  '１３８１２３４５６７８元',
  '借了 13812345678 万',
  '花呗 1380.50 和 1234.56 两笔',
  // Dates, times, versions, addresses, codes.
  '2024/11/30 13:45:00 扣款',
  '2024.11.30 13.45 扣款',
  '2024年11月30日 13时45分',
  '20241130 134500 的交易',
  '版本 10.5.38.1234 闪退',
  'v13.8.12345678 beta',
  '服务器 192.168.100.138 超时',
  'ISBN 978-7-111-54742-6',
  'uuid 550e8400-e29b-41d4-a716-446655440000',
  'commit 1381234567a8b9c',
  '客服热线 400-880-9588',
  '座机 021-12345678',
  '第 1381234567 号',
  '验证码 138123 和 456789',
  // Not e-mail addresses.
  'support@alipay 不是完整地址',
  '写信给 a@b.c',
  '@alipay.com 官方',
  '@支付宝客服 你好',
  'npm i pkg@1.2.3',
  // Chinese numerals in ordinary text, and text already masked.
  '一二三四五六七八九十',
  '三五成群，一五一十地说',
  '手机 138****5678 2024 年注册',
  '身份证 110***********002X 已认证',
  'z*******@example.com 是我的邮箱',
  // Markdown and references without personal data.
  '**重要**：订单 2093847561029384756',
  '&#49;&#50;&#51; 和 &amp; &lt;b&gt;',
  '价格 | 138 | 1234 |\n| 5678 | 元 |',
];

describe('personal data', () => {
  it('validates resident ID checksums and birth dates', () => {
    expect(isResidentId(ID)).toBe(true);
    expect(isResidentId(ID2)).toBe(true);
    expect(isResidentId('110105194912310021')).toBe(false); // wrong check digit
    expect(isResidentId('110105194902300027')).toBe(false); // 30 February
  });

  it('validates Luhn', () => {
    expect(luhnValid(UNIONPAY)).toBe(true);
    expect(luhnValid(UNIONPAY.slice(0, -1) + ((Number(UNIONPAY.at(-1)) + 1) % 10))).toBe(false);
  });

  it.each(POSITIVES)('finds personal data in %s', (text, kinds) => {
    expect(findPersonalData(text).map((m) => m.kind)).toEqual(kinds);
  });

  it.each(NEGATIVES)('leaves %s untouched', (text) => {
    const result = maskPersonalData(text);
    expect(result.matches).toEqual([]);
    expect(result.text).toBe(text);
  });

  it('masks so that nothing of the middle survives, keeping separators', () => {
    expect(maskPersonalData('手机13812345678').text).toBe('手机138****5678');
    expect(maskPersonalData('电话 138-1234-5678').text).toBe('电话 138-****-5678');
    expect(maskPersonalData(`身份证${ID}`).text).toBe('身份证110***********002X');
    const card = maskPersonalData(`卡号${UNIONPAY}`).text;
    expect(card).toBe(`卡号${UNIONPAY.slice(0, 4)}${'*'.repeat(11)}${UNIONPAY.slice(-4)}`);
    expect(maskPersonalData('mail zhangsan@example.com').text).toBe('mail z*******@example.com');
  });

  it('masks the original text, never leaving the digits of the folded copy', () => {
    const cases: [string, string][] = [
      ['手机１３８１２３４５６７８', '手机１３８****５６７８'],
      ['138**1234**5678', '138********5678'],
      ['&#49;3812345678', '&#49;38****5678'],
      ['手机138\u200b1234\u200b5678', '手机138\u200b****\u200b5678'],
      ['手机 138.1234.5678', '手机 138.****.5678'],
      ['wx13812345678', 'wx138****5678'],
      ['+86-138-1234-5678', '+86-138-****-5678'],
      ['加我 一三八一二三四五六七八', '加我 一三八****五六七八'],
      ['邮箱 zhangsan＠example．com', '邮箱 z*******＠example．com'],
      ['邮箱 zhangsan[at]example.com', '邮箱 z*******[at]example.com'],
      ['电话 ⑬⑧1234 5678', '电话 ⑬⑧**** 5678'],
    ];
    for (const [input, expected] of cases) expect(maskPersonalData(input).text).toBe(expected);
  });

  it.each(POSITIVES)('masks %s so that the detector finds nothing left', (text) => {
    const once = maskPersonalData(text).text;
    expect(findPersonalData(once)).toEqual([]);
    expect(maskPersonalData(once).text).toBe(once);
    // No run of 11 or more digits of the original survives, whatever the disguise.
    const digitsLeft = foldText(once).text.replace(/\D/g, '');
    expect(digitsLeft).not.toContain('3812345678'.slice(0, 8));
  });

  it('reports the detector figures on this corpus', () => {
    const expected = POSITIVES.reduce((n, [, kinds]) => n + kinds.length, 0);
    const found = POSITIVES.reduce(
      (n, [text, kinds]) => n + findPersonalData(text).filter((m, i) => m.kind === kinds[i]).length,
      0,
    );
    const falsePositives = NEGATIVES.reduce((n, text) => n + findPersonalData(text).length, 0);
    console.log(
      `personal data: ${POSITIVES.length} texts with personal data, ${NEGATIVES.length} clean texts; ${found}/${expected} found (misses ${expected - found}), false positives ${falsePositives} in ${NEGATIVES.length} clean texts`,
    );
    expect(found).toBe(expected);
    expect(falsePositives).toBe(0);
  });
});
