// A folded copy of a text for detecting personal data, with every folded character mapped back to
// the range of the original it came from, so that what is found in the copy is masked in the
// original. Folding undoes the usual ways a number or an address is disguised or mangled:
//   - NFKC per code point: full-width ｜１３８｜, ＠ and ．, circled and mathematical digits;
//   - HTML character references: &#49; &#x31; &commat; &period; …;
//   - Markdown emphasis, code and strike marks (1–3 in a row) and backslash escapes: 138**1234**5678;
//   - zero-width and other invisible format characters, combining marks (keycaps 1️⃣);
//   - Chinese numerals 〇一二…九 / 零壹贰…玖 become digits;
//   - [at] (at) [dot] (dot) become @ and .
// Separators between digits (spaces, dashes, dots, slashes, brackets) are kept in the copy: the
// detector decides which gaps join digit groups. One pass, constant work per character.

export interface FoldedText {
  /** The folded copy. */
  text: string;
  /** For each UTF-16 unit of `text`: start offset in the original of the character it came from. */
  from: Int32Array;
  /** For each UTF-16 unit of `text`: end offset (exclusive) in the original. */
  to: Int32Array;
}

/** Stands for a run of four or more `*` (what masking writes): never joins digits across it. */
export const MASK_RUN = '\u0000';

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  commat: '@',
  period: '.',
  lpar: '(',
  rpar: ')',
  lsqb: '[',
  rsqb: ']',
  sol: '/',
  num: '#',
  hyphen: '-',
  dash: '-',
  minus: '-',
  lowbar: '_',
  ast: '*',
  midast: '*',
  grave: '`',
  tilde: '~',
  colon: ':',
  plus: '+',
  comma: ',',
  excl: '!',
  emsp: ' ',
  ensp: ' ',
  thinsp: ' ',
  zwsp: '',
  zwj: '',
  zwnj: '',
  shy: '',
};

const CHINESE_DIGITS: Record<string, string> = {
  〇: '0',
  零: '0',
  一: '1',
  壹: '1',
  二: '2',
  贰: '2',
  貳: '2',
  三: '3',
  叁: '3',
  參: '3',
  四: '4',
  肆: '4',
  五: '5',
  伍: '5',
  六: '6',
  陆: '6',
  陸: '6',
  七: '7',
  柒: '7',
  八: '8',
  捌: '8',
  九: '9',
  玖: '9',
};

const MARKDOWN_MARKS = new Set(['*', '_', '`', '~', '\\']);
const INVISIBLE = /^[\p{Cf}\p{M}]$/u;
const nfkcCache = new Map<string, string>();

function foldCodePoint(ch: string): string {
  const code = ch.codePointAt(0) as number;
  if (code < 0x80) return ch;
  let folded = nfkcCache.get(ch);
  if (folded === undefined) {
    if (INVISIBLE.test(ch)) folded = '';
    else {
      folded = ch.normalize('NFKC');
      folded = CHINESE_DIGITS[folded] ?? folded;
      if (folded === '。' || folded === '｡') folded = '.';
      // NFKC may produce combining marks of its own (rare): drop them too.
      if (folded.length > 1) folded = [...folded].filter((c) => !INVISIBLE.test(c)).join('');
    }
    if (nfkcCache.size < 50000) nfkcCache.set(ch, folded);
  }
  return folded;
}

/** Parses a character reference at `i` (`&…;`, at most 12 characters); null when there is none. */
function entityAt(text: string, i: number): { value: string; end: number } | null {
  const semi = text.indexOf(';', i + 2);
  if (semi < 0 || semi - i > 12) return null;
  const body = text.slice(i + 1, semi);
  let value: string | undefined;
  if (body[0] === '#') {
    const hex = body[1] === 'x' || body[1] === 'X';
    const digits = body.slice(hex ? 2 : 1);
    if (!(hex ? /^[0-9a-f]{1,6}$/i : /^\d{1,7}$/).test(digits)) return null;
    const code = parseInt(digits, hex ? 16 : 10);
    if (code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
    value = String.fromCodePoint(code);
  } else {
    value = NAMED_ENTITIES[body.toLowerCase()];
  }
  return value === undefined ? null : { value, end: semi + 1 };
}

/** `[at]`, `(at)`, `[dot]`, `(dot)` (any case) at `i`, folded to `@` or `.`. */
function obfuscationAt(text: string, i: number): { value: string; end: number } | null {
  const open = text[i];
  const close = open === '[' ? ']' : ')';
  const word = text.slice(i + 1, i + 4).toLowerCase();
  if (word.startsWith('at') && text[i + 3] === close) return { value: '@', end: i + 4 };
  if (word === 'dot' && text[i + 4] === close) return { value: '.', end: i + 5 };
  return null;
}

/** Grows with the folded text (NFKC may expand one character into several). */
class OffsetBuffer {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(16, capacity));
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  done(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

function isPlainAscii(code: number): boolean {
  // Everything ASCII except the characters with a meaning here: & ( [ * _ ` ~ \
  return (
    code < 0x80 &&
    code !== 0x26 &&
    code !== 0x28 &&
    code !== 0x5b &&
    code !== 0x2a &&
    code !== 0x5f &&
    code !== 0x60 &&
    code !== 0x7e &&
    code !== 0x5c
  );
}

export function foldText(original: string): FoldedText {
  let text = '';
  const from = new OffsetBuffer(original.length + 16);
  const to = new OffsetBuffer(original.length + 16);
  const push = (value: string, start: number, end: number): void => {
    text += value;
    for (let k = 0; k < value.length; k++) {
      from.push(start);
      to.push(end);
    }
  };
  let i = 0;
  const n = original.length;
  while (i < n) {
    const code = original.charCodeAt(i);
    if (isPlainAscii(code)) {
      // Fast path: a run of ordinary ASCII is copied as it is.
      let end = i + 1;
      while (end < n && isPlainAscii(original.charCodeAt(end))) end++;
      text += original.slice(i, end);
      for (let k = i; k < end; k++) {
        from.push(k);
        to.push(k + 1);
      }
      i = end;
      continue;
    }
    const c = original[i];
    if (c === '&') {
      const entity = entityAt(original, i);
      if (entity) {
        // A reference may stand for any character: fold what it stands for.
        const value = entity.value;
        const folded = MARKDOWN_MARKS.has(value) ? '' : [...value].map(foldCodePoint).join('');
        push(folded, i, entity.end);
        i = entity.end;
        continue;
      }
    }
    if (c === '[' || c === '(') {
      const ob = obfuscationAt(original, i);
      if (ob) {
        push(ob.value, i, ob.end);
        i = ob.end;
        continue;
      }
    }
    if (c === '*') {
      let end = i;
      while (end < n && original[end] === '*') end++;
      // Emphasis marks are dropped; a longer run is what masking wrote, and separates.
      if (end - i >= 4) push(MASK_RUN, i, end);
      i = end;
      continue;
    }
    if (MARKDOWN_MARKS.has(c)) {
      i += 1;
      continue;
    }
    if (code >= 0x4e00 && code <= 0x9fff) {
      // CJK ideographs fold to themselves, except the numerals.
      push(CHINESE_DIGITS[c] ?? c, i, i + 1);
      i += 1;
      continue;
    }
    const wide = code >= 0xd800 && code <= 0xdbff && i + 1 < n;
    const ch = wide ? original.slice(i, i + 2) : c;
    const width = wide && ch.codePointAt(0)! > 0xffff ? 2 : 1;
    push(foldCodePoint(width === 2 ? ch : c), i, i + width);
    i += width;
  }
  return { text, from: from.done(), to: to.done() };
}
