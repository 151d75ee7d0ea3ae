import {
  PersonalDataKind,
  findPersonalData,
  isResidentId,
  luhnValid,
  maskPersonalData,
} from './personal-data';

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

  it('reports the detector figures on this corpus', () => {
    const expected = POSITIVES.reduce((n, [, kinds]) => n + kinds.length, 0);
    const found = POSITIVES.reduce(
      (n, [text, kinds]) => n + findPersonalData(text).filter((m, i) => m.kind === kinds[i]).length,
      0,
    );
    const falsePositives = NEGATIVES.reduce((n, text) => n + findPersonalData(text).length, 0);
    console.log(
      `personal data: ${found}/${expected} found (misses ${expected - found}), false positives ${falsePositives} in ${NEGATIVES.length} clean texts`,
    );
    expect(found).toBe(expected);
    expect(falsePositives).toBe(0);
  });
});
