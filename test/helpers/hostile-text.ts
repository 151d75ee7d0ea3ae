// Every function that runs on user text, on hostile inputs at the largest size the API accepts
// (bodies: 20,000 characters). A super-linear regular expression or parser turns one anonymous
// request into seconds of a blocked event loop (issue 10: a 1.5 KB body of newlines froze the API
// for 4 s through similarQuestions). The bound asked for is 50 ms per call: `npm run bench:hostile-text`
// times every case (bench/hostile-text.ts). The unit tier (test/hostile-text.spec.ts) runs every case
// once, untimed, and checks what no clock is needed for: nothing overflows the stack or throws anything
// but a validation error, and no output grows out of proportion to its input.
import {
  AppError,
  cleanText,
  decodeCursor,
  errorSummary,
  findPersonalData,
  foldText,
  maskPersonalData,
  parseId,
} from '@app/core';
import { renderDetails } from '../../libs/forum/src/categories/category-details';
import { Category } from '../../libs/forum/src/categories/category.models';
import { parseDraftId } from '../../libs/forum/src/questions/draft-id';
import { cleanBody, cleanTags, cleanTitle } from '../../libs/forum/src/forum.rules';
import { renderMarkdownUncached } from '../../libs/forum/src/rendering/markdown';
import {
  cleanPlain,
  markdownToPlainText,
  stripTags,
  truncateText,
} from '../../libs/search/src/index/plain-text';
import { escapeHtml, renderHighlight } from '../../libs/search/src/query/highlight';
import { draftHasContent, segmentTerms } from '../../libs/search/src/query/query-shaping';
import { normaliseFilterTags } from '../../libs/search/src/query/search-filter';
import { cleanQuery } from '../../libs/search/src/query/search.service';
import { DEFAULT_SHAPE_PARAMS, shapeQueries } from '../../libs/search/src/similar/query-shaper';
import { similarityText } from '../../libs/search/src/similar/similarity-text';
import { TermStats } from '../../libs/search/src/similar/term-stats';
import { normalizeText, termsOf, unitsOf } from '../../libs/search/src/similar/text-normalizer';

export const BODY_MAX = 20000; // bodies, answers, similarQuestions(body:)
const DETAIL_MAX = 1000; // one template detail (the edge cap; the service allows 500)
export const BUDGET_MS = 50;

/** `unit` repeated to exactly `size` UTF-16 units, never ending inside a surrogate pair. */
function flood(unit: string, size = BODY_MAX): string {
  const text = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  return /[\uD800-\uDBFF]$/.test(text) ? text.slice(0, -1) : text;
}

const NESTED = (open: string, close: string): string =>
  open.repeat(BODY_MAX / 2 / open.length) + close.repeat(BODY_MAX / 2 / close.length);

/**
 * An ordinary post of the same size: paragraphs, a list, a link, emphasis, code and a small table,
 * repeated to 20,000 characters. The baseline each hostile input is compared with.
 */
export const BENIGN = flood(
  [
    '## 换了手机登录被风控限制',
    '',
    '新手机登录后提示**存在风险**，无法转账。试过 [官方说明](https://example.com/help?a=1) 里的办法：',
    '',
    '1. 打开 *安全中心*，做一次人脸验证',
    '2. 等待 `24` 小时后再试',
    '- 订单号 2093847561029384756，金额 ¥1380.00',
    '',
    '| 步骤 | 结果 |',
    '|---|---|',
    '| 人脸验证 | 通过 |',
    '',
    '> 客服说第二天就恢复了。',
    '',
    '```',
    'ERR_RISK_42',
    '```',
    '',
  ].join('\n'),
);

export const INPUTS: Record<string, string> = {
  // Line breaks and spaces: the cubic table-separator regex of issue 10 fed on these.
  newlines: flood('\n'),
  'CR LF': flood('\r\n'),
  CR: flood('\r'),
  'space newline': flood(' \n'),
  'spaces then x': flood(' ', BODY_MAX - 1) + 'x',
  'tabs and newlines': flood('\t\n \n'),
  'ideographic spaces': flood('\u3000'),
  // Tables.
  'table separator rows': flood('|---|\n'),
  'table separator, no newline': flood('|---'),
  'pipe flood': flood('|'),
  'pipe dash': flood('|-'),
  'aligned separators': flood('|:-:'),
  'table with rows': '| a | b |\n|---|---|\n' + flood('| 1 | 2 |\n', BODY_MAX - 20),
  'wide table header': flood('| a ', BODY_MAX / 2) + '\n' + flood('|---', BODY_MAX / 2 - 1),
  // Lists and rules.
  'dash list markers': flood('- '),
  'empty dash items': flood('-\n'),
  'ordered markers': flood('1. '),
  'empty ordered items': flood('1.\n'),
  'star and plus markers': flood('* + '),
  'deepening list': Array.from({ length: 400 }, (_, i) => ' '.repeat(i % 40) + '- a')
    .join('\n')
    .slice(0, BODY_MAX),
  'spaced rules': flood('- - -\n'),
  'star rules': flood('***\n'),
  'underscore rules': flood('_ _ _ '),
  // Headings and quotes.
  hashes: flood('#'),
  'heading markers': flood('# '),
  'quote markers': flood('>'),
  'quote with spaces': flood('> '),
  'lazy quote lines': flood('> a\n'),
  'indented code lines': flood('    a\n'),
  fences: flood('```\n'),
  // Brackets, links and images.
  'open brackets': flood('['),
  'nested brackets': NESTED('[', ']'),
  'nested parentheses': NESTED('(', ')'),
  'image openers': flood('!['),
  'unclosed links': flood('[a]('),
  'bracket paren': flood(']('),
  'reference definitions': flood('[a]: '),
  'nested link image': flood('[!['),
  'autolink openers': flood('<http://a'),
  'bare URLs': flood('http://a.b/ '),
  'www flood': flood('www.'),
  // Emphasis and code.
  stars: flood('*'),
  'star letter': flood('*a'),
  'underscore letter': flood('_a'),
  'strong openers': flood('**a'),
  'nested emphasis': NESTED('*_', '_*'),
  backticks: flood('`'),
  'backtick runs': flood('`a``'),
  tildes: flood('~~a'),
  backslashes: flood('\\'),
  'escaped stars': flood('\\*'),
  'mixed markup': flood('*[`<_'),
  // HTML and character references.
  'less-than': flood('<'),
  'tag openers': flood('<a'),
  'closing tag openers': flood('</'),
  'comment openers': flood('<!--'),
  'attribute openers': flood('<a href="'),
  ampersands: flood('&'),
  'numeric references': flood('&#49;'),
  'unterminated references': flood('&#x3'),
  'named references': flood('&amp;'),
  // Digits: masking scans these.
  'long digit run': flood('1'),
  'phones back to back': flood('13812345678'),
  'phones spaced': flood('13812345678 '),
  'digits and spaces': flood('1 '),
  'digits and double spaces': flood('1  '),
  'digits and dashes': flood('1-'),
  'digits and dots': flood('1.'),
  'digits and slashes': flood('1/'),
  'digits in parentheses': flood('(1)'),
  'digit groups': flood('138 1234 '),
  'digits and zero-width spaces': flood('1\u200b'),
  'digits and emphasis': flood('1**'),
  'full-width digits': flood('１'),
  'Chinese numerals': flood('一三八'),
  'keycap digits': flood('1\ufe0f\u20e3'),
  'card-shaped groups': flood('6222 0212 3456 7890 128 '),
  'ID-shaped runs': flood('11010519491231002X'),
  // E-mail look-alikes.
  'at signs': flood('@'),
  'letter at': flood('a@'),
  'domain dots': flood('a.'),
  'at then dots': '@' + flood('a.', BODY_MAX - 1),
  'long local part': flood('a', BODY_MAX - 12) + '@example.com',
  'addresses back to back': flood('a@b.cc '),
  'full-width at': flood('a＠b．'),
  '[at] and (dot)': flood('a[at]b(dot)'),
  // Unicode.
  emoji: flood('😀'),
  'emoji with modifiers': flood('👍🏽'),
  'family emoji': flood('👨‍👩‍👧‍👦'),
  'zero-width spaces': flood('\u200b'),
  'zero-width joiners': flood('a\u200d'),
  'bidi controls': flood('\u202e\u202c'),
  'combining marks': 'a' + flood('\u0301', BODY_MAX - 1),
  'private-use markers': flood('\uE000a\uE001'),
  'CJK text': flood('花呗还款失败怎么办，'),
};

const category: Category = {
  key: 'security',
  name: '安全咨询',
  position: 1,
  fields: [{ key: 'message', label: '提示信息', hint: null, required: false, position: 1 }],
} as unknown as Category;

const emptyStats = new TermStats();
/** Refusing the input with a validation error (BAD_USER_INPUT and the like) is fine; anything else is not. */
const ignoreErrors = (f: () => unknown) => () => {
  try {
    return f();
  } catch (err) {
    if (err instanceof AppError) return null;
    throw err;
  }
};

/** Each function applied to user text, as the API applies it, at its largest accepted size. */
export const FUNCTIONS: Record<string, (text: string) => unknown> = {
  markdownToPlainText,
  cleanPlain,
  stripTags,
  truncateText: (s) => truncateText(s, 1000),
  renderMarkdown: renderMarkdownUncached,
  foldText,
  findPersonalData,
  maskPersonalData,
  cleanText: (s) => ignoreErrors(() => cleanText(s, { field: 'body', min: 1, max: BODY_MAX }))(),
  cleanBody: (s) => ignoreErrors(() => cleanBody(s))(),
  cleanTitle: (s) => ignoreErrors(() => cleanTitle(s))(),
  cleanTags: (s) => ignoreErrors(() => cleanTags([s.slice(0, 32), s.slice(32, 64), s]))(),
  normaliseFilterTags: (s) => ignoreErrors(() => normaliseFilterTags([s.slice(0, 32), s]))(),
  cleanQuery: (s) => ignoreErrors(() => cleanQuery(s))(),
  renderDetails: (s) =>
    ignoreErrors(() => renderDetails(category, [{ key: 'message', value: s.slice(0, DETAIL_MAX) }]))(),
  'draftHasContent (similarQuestions)': (s) => draftHasContent({ title: s.slice(0, 300), body: s }),
  'segmentTerms (draftHasContent cuts bodies to 2,000)': (s) => segmentTerms(s.slice(0, 2000)),
  'similarityText (learned ranker)': (s) =>
    similarityText(cleanPlain(s.slice(0, 300)), markdownToPlainText(s)),
  'shapeQueries (similar index)': (s) => shapeQueries('q', s, emptyStats, DEFAULT_SHAPE_PARAMS),
  normalizeText,
  unitsOf: (s) => unitsOf(normalizeText(s)),
  termsOf,
  escapeHtml,
  renderHighlight,
  parseId: (s) => ignoreErrors(() => parseId(s))(),
  parseDraftId: (s) => ignoreErrors(() => parseDraftId(s))(),
  decodeCursor: (s) => ignoreErrors(() => decodeCursor('q', s))(),
};

/**
 * The size of what a function returned, for the growth check: a string's length; for arrays, sets,
 * maps and plain objects the sizes of their values plus one per entry (so a list of terms counts its
 * characters, not its JSON punctuation).
 */
export function sizeOf(value: unknown, depth = 0): number {
  if (value === undefined || value === null || depth > 8) return 0;
  if (typeof value === 'string') return value.length;
  if (typeof value !== 'object') return 1;
  const values: unknown[] =
    value instanceof Map
      ? [...value.values()]
      : value instanceof Set || Array.isArray(value)
        ? [...value]
        : Object.values(value);
  let size = 0;
  for (const v of values) size += 1 + sizeOf(v, depth + 1);
  return size;
}

export interface CheckResult {
  fn: string;
  input: string;
  inputLength: number;
  outputSize: number;
  /** What it threw other than a validation error (stack overflow, type error...), or null. */
  error: string | null;
}

/** Every function once on every input, untimed. */
export function checkAll(): CheckResult[] {
  const out: CheckResult[] = [];
  for (const [fn, f] of Object.entries(FUNCTIONS)) {
    for (const [input, text] of Object.entries(INPUTS)) {
      let error: string | null = null;
      let outputSize = 0;
      try {
        outputSize = sizeOf(f(text));
      } catch (err) {
        error = errorSummary(err);
      }
      out.push({ fn, input, inputLength: text.length, outputSize, error });
    }
  }
  return out;
}

// Run as a script (the spec spawns it in a plain Node process: Jest's module sandbox makes every
// global lookup many times slower).
if (require.main === module) process.stdout.write(JSON.stringify(checkAll()));
