import { FoldedText, foldText } from './folded-text';

// Finds and masks personal data that people paste into posts: mainland mobile numbers, 18-digit
// resident ID numbers (checksum verified), bank card numbers (Luhn verified) and e-mail addresses.
// Detection runs on a folded copy (see folded-text.ts: NFKC, character references, Markdown marks,
// invisible characters, Chinese numerals) and what is found is masked in the original text, so
// disguises such as １３８…, 138**1234**5678, &#49;38…, 138.1234.5678 or wx13812345678 are caught.
// Every step is a single left-to-right scan (no backtracking regular expressions): the texts are up
// to 20,000 characters and come from anyone. Pure functions.

export enum PersonalDataKind {
  PHONE = 'PHONE',
  ID_CARD = 'ID_CARD',
  BANK_CARD = 'BANK_CARD',
  EMAIL = 'EMAIL',
}

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  /** Range in the original text. */
  start: number;
  end: number;
  /** What replaces the range when masking. */
  masked: string;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643 checksum (ISO 7064 MOD 11-2) plus a plausible birth date. */
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
const CARD_PREFIX = /^(?:62|81|4|5[1-5]|2[2-7]|3[457])/;

// Words that say a long digit string is an order, trade or tracking number, not a card.
const NUMBER_WORDS = [
  '订单',
  '单号',
  '交易号',
  '流水号',
  '编号',
  '快递',
  '运单',
  '物流',
  '商户号',
  '批次号',
  'order',
  'trade',
  'tracking',
  'no.',
  'no',
  '#',
];
const CURRENCY_BEFORE = ['¥', '$', '€', '£', 'rmb', 'cny', 'usd', 'hkd'];
const AMOUNT_AFTER = [
  '元',
  '块',
  '圆',
  '万',
  '亿',
  '角',
  '分钱',
  'rmb',
  'cny',
  'yuan',
  'usd',
  'hkd',
  '美元',
  '港币',
];

/** The context before a number with trailing spaces and colons removed, lower-cased. */
function contextBefore(text: string, start: number): string {
  let end = start;
  while (end > 0 && end > start - 8 && ' \t:：'.includes(text[end - 1])) end--;
  return text.slice(Math.max(0, end - 10), end).toLowerCase();
}

function saysNotACard(folded: string, start: number): boolean {
  const before = contextBefore(folded, start);
  return NUMBER_WORDS.some((w) => before.endsWith(w));
}

function isAmount(folded: string, start: number, end: number): boolean {
  const before = contextBefore(folded, start);
  if (CURRENCY_BEFORE.some((w) => before.endsWith(w))) return true;
  let i = end;
  while (i < folded.length && i < end + 3 && folded[i] === ' ') i++;
  const after = folded.slice(i, i + 4).toLowerCase();
  if (after[0] === '.' && isDigit(after[1])) return true; // 1380.00
  return AMOUNT_AFTER.some((w) => after.startsWith(w));
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

// Characters that may sit between the digit groups of one number (138 1234 5678, 138-1234-5678,
// (138)1234.5678, 138/1234/5678), at most MAX_GAP of them in a row.
const SEPARATORS = new Set([' ', '\t', '-', '‐', '‑', '–', '—', '−', '.', '/', '(', ')', '[', ']', '|']);
const MAX_GAP = 3;
const MAX_DIGITS = 19;

interface Group {
  start: number; // folded offsets
  end: number;
  digits: string;
}

/** Digit groups joined by short separator gaps; letters may touch a run (wx13812345678). */
function digitRuns(folded: string): Group[][] {
  const runs: Group[][] = [];
  let i = 0;
  const n = folded.length;
  while (i < n) {
    if (!isDigit(folded[i])) {
      i++;
      continue;
    }
    const run: Group[] = [];
    for (;;) {
      const start = i;
      while (i < n && isDigit(folded[i])) i++;
      run.push({ start, end: i, digits: folded.slice(start, i) });
      // Look across a gap of separators to the next group.
      let j = i;
      let dot = false;
      while (j < n && j - i < MAX_GAP && SEPARATORS.has(folded[j])) {
        if (folded[j] === '.') dot = true;
        j++;
      }
      if (j === i || j >= n || !isDigit(folded[j])) break;
      // A dot followed by one or two digits is a decimal point (1380.00, 10.5.38), not a separator.
      let k = j;
      while (k < n && k - j < 3 && isDigit(folded[k])) k++;
      if (dot && k - j < 3) break;
      i = j;
    }
    runs.push(run);
  }
  return runs;
}

function classify(
  digits: string,
  folded: string,
  start: number,
  end: number,
): { kind: PersonalDataKind; keepStart: number; keepEnd: number } | null {
  const n = digits.length;
  if (n < 11 || n > MAX_DIGITS) return null;
  // The shape of the digits first (cheap), the words around them only for a candidate.
  let found: { kind: PersonalDataKind; keepStart: number; keepEnd: number } | null = null;
  // +86 / 0086 country code in front of a mobile number.
  const prefix = n === 13 && digits.startsWith('86') ? 2 : n === 15 && digits.startsWith('0086') ? 4 : 0;
  if (n - prefix === 11 && digits[prefix] === '1' && digits[prefix + 1] >= '3' && digits[prefix + 1] <= '9') {
    found = { kind: PersonalDataKind.PHONE, keepStart: prefix + 3, keepEnd: 4 };
  } else if (n === 18 && isResidentId(digits)) {
    found = { kind: PersonalDataKind.ID_CARD, keepStart: 3, keepEnd: 4 };
  } else if (n >= 15 && CARD_PREFIX.test(digits) && luhnValid(digits) && !saysNotACard(folded, start)) {
    found = { kind: PersonalDataKind.BANK_CARD, keepStart: 4, keepEnd: 4 };
  }
  if (found && isAmount(folded, start, end)) return null;
  return found;
}

/** The original text of [start, end) with the digits outside the kept ends replaced by `*`. */
function maskDigitsIn(
  original: string,
  f: FoldedText,
  fStart: number,
  fEnd: number,
  keepStart: number,
  keepEnd: number,
): { start: number; end: number; masked: string } {
  const start = f.from[fStart];
  const end = f.to[fEnd - 1];
  // Original characters holding digits, and whether each is masked. One character may hold several
  // folded digits (⑩): it is masked when any of them is.
  const sources: { a: number; b: number; mask: boolean }[] = [];
  let total = 0;
  for (let k = fStart; k < fEnd; k++) if (isDigitOrX(f.text[k])) total++;
  let d = 0;
  for (let k = fStart; k < fEnd; k++) {
    if (!isDigitOrX(f.text[k])) continue;
    const mask = d >= keepStart && d < total - keepEnd;
    d++;
    const last = sources[sources.length - 1];
    if (last && last.a === f.from[k]) last.mask ||= mask;
    else sources.push({ a: f.from[k], b: f.to[k], mask });
  }
  let out = '';
  let cursor = start;
  for (const src of sources) {
    out += original.slice(cursor, src.a) + (src.mask ? '*' : original.slice(src.a, src.b));
    cursor = src.b;
  }
  return { start, end, masked: out + original.slice(cursor, end) };
}

function isDigitOrX(c: string | undefined): boolean {
  return isDigit(c) || c === 'X' || c === 'x';
}

function findNumbers(original: string, f: FoldedText, found: PersonalDataMatch[]): void {
  for (const run of digitRuns(f.text)) {
    // Each group range [i..j] of at most MAX_DIGITS (+ country code) digits, longest first: the
    // whole run is usually the number, but a number may be followed by another (138… 2024年).
    // After "订单号" and the like, only the whole run is looked at: its parts are parts of that number.
    const numberContext = saysNotACard(f.text, run[0].start);
    // All digits of the run, and where each group's digits start in them.
    let runDigits = '';
    const offsets = [0];
    for (const g of run) {
      runDigits += g.digits;
      offsets.push(runDigits.length);
    }
    let i = 0;
    let last = -1; // the last group j with run[i..j] holding at most MAX_DIGITS digits
    while (i < run.length) {
      if (last < i - 1) last = i - 1;
      while (last + 1 < run.length && offsets[last + 2] - offsets[i] <= MAX_DIGITS) last++;
      const at = offsets[i];
      // What the leading digits allow (the same for every j): skips hopeless lengths cheaply.
      const lead = runDigits.slice(at, at + 4);
      const phone11 = lead[0] === '1' && lead[1] >= '3' && lead[1] <= '9';
      const phone13 = lead.startsWith('86');
      const phone15 = lead.startsWith('0086');
      const card = CARD_PREFIX.test(lead);
      let matched = -1;
      for (let j = last; j >= i && matched < 0; j--) {
        const n = offsets[j + 1] - at;
        if (n < 11) break;
        if (numberContext && (i > 0 || j < run.length - 1)) continue;
        const possible =
          (n === 11 && phone11) ||
          (n === 13 && phone13) ||
          (n === 15 && phone15) ||
          n === 17 ||
          n === 18 ||
          (n >= 15 && card);
        if (!possible) continue;
        let digits = runDigits.slice(at, offsets[j + 1]);
        let fEnd = run[j].end;
        // An ID number's final X (folded: x or X) belongs to it.
        if (n === 17) {
          if (f.text[fEnd] !== 'X' && f.text[fEnd] !== 'x') continue;
          digits += 'X';
          fEnd += 1;
        }
        const kind = classify(digits, f.text, run[i].start, fEnd);
        if (!kind) continue;
        const m = maskDigitsIn(original, f, run[i].start, fEnd, kind.keepStart, kind.keepEnd);
        found.push({ kind: kind.kind, ...m });
        matched = j;
      }
      i = matched >= 0 ? matched + 1 : i + 1;
    }
  }
}

const LOCAL_CHAR = /^[\w.%+-]$/;
const DOMAIN_CHAR = /^[a-z\d-]$/i;

function findEmails(original: string, f: FoldedText, found: PersonalDataMatch[]): void {
  const t = f.text;
  let at = t.indexOf('@');
  let lastEnd = 0;
  while (at >= 0) {
    // Local part: up to 64 characters to the left, not reaching into the previous match.
    let s = at;
    while (s > lastEnd && at - s < 64 && LOCAL_CHAR.test(t[s - 1])) s--;
    while (s < at && t[s] === '.') s++;
    // Domain: labels of letters, digits and hyphens joined by dots, ending in a 2–24 letter TLD.
    let e = at + 1;
    let lastDot = -1;
    while (e < t.length && e - at <= 253 && (DOMAIN_CHAR.test(t[e]) || (t[e] === '.' && t[e - 1] !== '.'))) {
      if (t[e] === '.') lastDot = e;
      e++;
    }
    if (t[e - 1] === '.') {
      e--;
      lastDot = t.lastIndexOf('.', e - 1);
      if (lastDot <= at) lastDot = -1;
    }
    const tld = lastDot > at + 1 ? t.slice(lastDot + 1, e) : '';
    if (s < at && tld.length >= 2 && tld.length <= 24 && /^[a-z]+$/i.test(tld)) {
      const start = f.from[s];
      const end = f.to[e - 1];
      const atStart = f.from[at];
      const firstEnd = f.to[s];
      const localLength = at - s;
      found.push({
        kind: PersonalDataKind.EMAIL,
        start,
        end,
        masked:
          original.slice(start, firstEnd) +
          '*'.repeat(Math.max(4, localLength - 1)) +
          original.slice(atStart, end),
      });
      lastEnd = e;
    }
    at = t.indexOf('@', Math.max(at + 1, e));
  }
}

/** All personal data in a text, left to right, without overlaps (ranges in the original text). */
export function findPersonalData(text: string): PersonalDataMatch[] {
  const f = foldText(text);
  const found: PersonalDataMatch[] = [];
  findEmails(text, f, found);
  const emails = found.length;
  const numbers: PersonalDataMatch[] = [];
  findNumbers(text, f, numbers);
  for (const m of numbers) {
    let overlaps = false;
    for (let k = 0; k < emails && !overlaps; k++) overlaps = m.start < found[k].end && m.end > found[k].start;
    if (!overlaps) found.push(m);
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
    if (m.start < at) continue;
    out += text.slice(at, m.start) + m.masked;
    at = m.end;
  }
  return { text: out + text.slice(at), matches };
}

/** True when the text holds personal data (for fields that refuse rather than mask, e.g. tags). */
export function containsPersonalData(text: string): boolean {
  return findPersonalData(text).length > 0;
}

/** The text with its personal data masked (for fields that keep no record of what was masked). */
export function maskPersonalText(text: string): string {
  return maskPersonalData(text).text;
}
