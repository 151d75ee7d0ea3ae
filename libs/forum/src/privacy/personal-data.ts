// Finds and masks personal data that people paste into posts: mainland mobile numbers, 18-digit
// resident ID numbers (checksum verified), bank card numbers (Luhn verified) and e-mail addresses.
// Pure functions; the forum masks titles and bodies before anything is stored, indexed or logged.

export enum PersonalDataKind {
  PHONE = 'PHONE',
  ID_CARD = 'ID_CARD',
  BANK_CARD = 'BANK_CARD',
  EMAIL = 'EMAIL',
}

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  start: number;
  end: number;
  masked: string;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643 checksum (ISO 7064 MOD 11-2) plus a plausible region and birth date. */
export function isResidentId(id: string): boolean {
  if (!/^[1-9]\d{16}[\dXx]$/.test(id)) return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  if (ID_CHECK[sum % 11] !== id[17].toUpperCase()) return false;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1800 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getTime() <= Date.now()
  );
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

// Card numbers start with a known network prefix: UnionPay 62/81, Visa 4, Mastercard 51–55 and
// 2221–2720, American Express 34/37, JCB 35. Luhn alone passes one random digit string in ten.
const CARD_PREFIX = /^(62|81|4|5[1-5]|2[2-7]|3[457])/;

// Words that say a long digit string is an order, trade or tracking number, not a card.
const NOT_A_CARD_CONTEXT =
  /(订单|单号|交易号|流水号|编号|快递|运单|物流|order|trade|tracking|no\.?|#)\s*[:：]?\s*$/i;
const AMOUNT_BEFORE = /[¥￥$]\s*$/;
const AMOUNT_AFTER = /^\s*(元|块|圆|rmb|cny|yuan|\.\d)/i;

function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  const chars = [...value];
  return chars
    .map((c, i) => (i < keepStart || i >= chars.length - keepEnd || !/[\dXx]/.test(c) ? c : '*'))
    .join('');
}

function maskEmail(email: string): string {
  const at = email.indexOf('@');
  const local = email.slice(0, at);
  return `${local[0]}${'*'.repeat(Math.max(3, local.length - 1))}${email.slice(at)}`;
}

// Digit runs, optionally grouped by single spaces or dashes (138 1234 5678, 6222-0212-…),
// with an optional +86 prefix; never part of a longer run of letters or digits.
const DIGIT_RUN = /(?<![\w.])(?:\+?86[\s-]?)?\d(?:[\s-]?\d){10,22}[\dXx]?(?![\w])/g;
const EMAIL = /(?<![\w.+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}(?![\w])/g;

function classify(raw: string, before: string, after: string): PersonalDataMatch['kind'] | null {
  const digits = raw.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
  if (AMOUNT_BEFORE.test(before) || AMOUNT_AFTER.test(after)) return null;
  if (/^1[3-9]\d{9}$/.test(digits)) return PersonalDataKind.PHONE;
  if (digits.length === 18 && isResidentId(digits)) return PersonalDataKind.ID_CARD;
  if (
    /^\d{15,19}$/.test(digits) &&
    CARD_PREFIX.test(digits) &&
    luhnValid(digits) &&
    !NOT_A_CARD_CONTEXT.test(before)
  ) {
    return PersonalDataKind.BANK_CARD;
  }
  return null;
}

function maskDigits(kind: PersonalDataKind, raw: string): string {
  const digitCount = raw.replace(/[^\dXx]/g, '').length;
  // Count positions in digits so that separators stay where they were.
  const keep = (start: number, end: number): string => {
    let seen = 0;
    return [...raw]
      .map((c) => {
        if (!/[\dXx]/.test(c)) return c;
        seen += 1;
        return seen <= start || seen > digitCount - end ? c : '*';
      })
      .join('');
  };
  if (kind === PersonalDataKind.PHONE) {
    const prefix = raw.match(/^\+?86[\s-]?/)?.[0] ?? '';
    return prefix + maskMiddle(raw.slice(prefix.length), 3, 4);
  }
  if (kind === PersonalDataKind.ID_CARD) return keep(3, 4);
  return keep(4, 4);
}

/** All personal data in a text, left to right, without overlaps. */
export function findPersonalData(text: string): PersonalDataMatch[] {
  const found: PersonalDataMatch[] = [];
  for (const m of text.matchAll(EMAIL)) {
    found.push({
      kind: PersonalDataKind.EMAIL,
      start: m.index,
      end: m.index + m[0].length,
      masked: maskEmail(m[0]),
    });
  }
  for (const m of text.matchAll(DIGIT_RUN)) {
    const start = m.index;
    const end = start + m[0].length;
    if (found.some((f) => start < f.end && end > f.start)) continue;
    const kind = classify(m[0], text.slice(Math.max(0, start - 12), start), text.slice(end, end + 6));
    if (kind) found.push({ kind, start, end, masked: maskDigits(kind, m[0]) });
  }
  return found.sort((a, b) => a.start - b.start);
}

export interface MaskResult {
  text: string;
  matches: PersonalDataMatch[];
}

export function maskPersonalData(text: string): MaskResult {
  const matches = findPersonalData(text);
  let out = '';
  let at = 0;
  for (const m of matches) {
    out += text.slice(at, m.start) + m.masked;
    at = m.end;
  }
  return { text: out + text.slice(at), matches };
}
