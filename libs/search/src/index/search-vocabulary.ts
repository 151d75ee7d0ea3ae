// Domain vocabulary for Chinese-first search: stop words, custom dictionary words, synonyms.

/**
 * Function words that carry no topic. Meilisearch drops them from documents and queries (they do not
 * count towards its 10-word query limit), and the similar-question query shaper skips them too.
 */
// prettier-ignore
export const STOP_WORDS: readonly string[] = [
  // Chinese particles, pronouns and question words
  '的', '了', '吗', '呢', '吧', '啊', '呀', '哦', '嘛', '么', '着', '过',
  '怎么', '怎么办', '怎样', '怎么样', '为什么', '为啥', '什么', '请问', '如何', '是否', '一下',
  '有没有', '能不能', '可不可以', '是不是', '我', '我的', '你', '你们', '他', '她', '它', '我们', '大家',
  '这个', '那个', '这', '那', '就', '都', '也', '被', '把', '在', '是', '和', '与', '及', '或',
  '但是', '而且', '然后', '因为', '所以', '如果', '已经', '一直', '现在', '今天', '昨天', '突然',
  '总是', '又', '很', '非常', '太', '求助', '急', '谢谢', '感谢', '麻烦', '各位', '大神',
  // English
  'a', 'an', 'the', 'is', 'are', 'am', 'was', 'were', 'be', 'to', 'of', 'in', 'on', 'at', 'for',
  'and', 'or', 'my', 'i', 'me', 'it', 'this', 'that', 'with', 'how', 'what', 'why', 'do', 'does',
  'did', 'can', 'could', 'please', 'should', 'would', 'will', 'when', 'where', 'which', 'who', 'have',
  'has', 'had', 'there', 'any', 'some', 'from', 'by', 'as', 'if', 'so', 'but', 'you', 'your', 'we',
];

/**
 * Product names the Chinese segmenter splits into meaningless pieces (花呗 -> 花 + 呗). Kept short on
 * purpose: a dictionary word is only found whole, so long phrases here would hurt recall.
 */
// prettier-ignore
export const DICTIONARY: readonly string[] = [
  '花呗', '借呗', '支付宝', '余额宝', '网商银行', '相互宝', '亲情卡', '风控', '刷脸', '盗刷', '免密支付',
];

/**
 * Groups of interchangeable words: a query for any of them finds the others. Only true equivalents
 * (spelling variants, abbreviations, a word and its everyday form) belong here; the ranking puts a
 * hit on the word that was typed above a hit through a synonym (question-index.settings.ts), but a
 * wrong group still pulls unrelated threads into the results. Reviewed against the demo questions:
 * 风控 (a risk-control flag) is not 异常 (anything unusual, including scam texts), and 冻结 (frozen
 * funds or account) is not 限制 (any limit, e.g. on a transfer amount).
 */
export const BUILT_IN_SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['账户', '账号', '帐户', '帐号'],
  ['封号', '封禁'],
  ['风控', '风险控制'],
  ['解封', '解除限制'],
  ['花呗', 'huabei'],
  ['借呗', 'jiebei'],
  ['余额宝', 'yuebao'],
  ['支付宝', 'alipay'],
  ['退款', '退钱'],
  ['银行卡', '储蓄卡'],
  ['转账', '汇款'],
  ['提现', '取现'],
  ['刷脸', '人脸识别', '人脸验证'],
  ['实名认证', '实名'],
  ['手机号', '手机号码'],
  ['客服', '人工客服'],
  ['验证码', '校验码'],
  ['扣款', '扣费', '扣钱'],
];

/**
 * One-way synonyms (word -> words a query for it also finds, not the reverse): common misspellings
 * and homophone typos point at the right word (a query for 登录 has no reason to look for 登陆), and
 * a broad word finds its narrower forms (a query for 密码 finds 支付密码 threads, while a query for
 * 支付密码 must not turn up every 登录密码 one).
 */
export const BUILT_IN_ONE_WAY_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  登陆: ['登录'],
  转帐: ['转账'],
  帐单: ['账单'],
  花贝: ['花呗'],
  借贝: ['借呗'],
  支付包: ['支付宝'],
  余额包: ['余额宝'],
  封号: ['冻结'],
  封禁: ['冻结'],
  解冻: ['解封'],
  密码: ['支付密码'],
};
