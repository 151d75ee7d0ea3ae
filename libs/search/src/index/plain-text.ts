import MarkdownIt from 'markdown-it';

// Markdown to the plain text that is indexed and shown in snippets. The index needs words, not
// layout, and nothing here may throw on odd input or take more than linear time on hostile input:
// the text comes from anonymous drafts (similarQuestions) as well as from stored posts. So the
// Markdown is read by markdown-it's tokenizer (the same parser that renders bodies) and every other
// step is a single pass over the text: no regular expression here can backtrack.

// Raw HTML is recognised (html: true) only so that its tags can be dropped; nothing is rendered.
// Tables are not parsed (their rows cost a lot and carry no words the row text lacks): a table stays
// paragraph text, whose pipes become spaces and whose separator rows are dropped, line by line.
// maxNesting 20 bounds the nested look-ahead of link and image labels.
const md = new MarkdownIt({ html: true, linkify: false, typographer: false, maxNesting: 20 }).disable(
  'table',
);

// Private-use code points used as highlight markers (see query/highlight.ts); never let content carry them.
// eslint-disable-next-line no-control-regex
const RESERVED = /[\uE000\uE001\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

const BLOCK_ENDS = new Set([
  'paragraph_close',
  'heading_close',
  'list_item_close',
  'blockquote_close',
  'tr_close',
  'hr',
  'bullet_list_close',
  'ordered_list_close',
  'table_close',
]);
const CELL_ENDS = new Set(['th_close', 'td_close']);

type Token = ReturnType<typeof md.parse>[number];

export function markdownToPlainText(markdown: string): string {
  let tokens: Token[];
  try {
    tokens = md.parse(markdown, {});
  } catch {
    return cleanPlain(stripTags(markdown));
  }
  const out: string[] = [];
  for (const t of tokens) {
    if (t.type === 'inline') {
      for (const c of t.children ?? []) inlineText(c, out);
    } else if (t.type === 'fence' || t.type === 'code_block') {
      out.push('\n', t.content, '\n');
    } else if (t.type === 'html_block') {
      out.push('\n', md.utils.unescapeAll(stripTags(t.content)), '\n');
    } else if (CELL_ENDS.has(t.type)) {
      out.push(' ');
    } else if (BLOCK_ENDS.has(t.type)) {
      out.push('\n');
    }
  }
  return cleanPlain(dropTableMarkup(out.join('')));
}

/** Pipes become spaces; a line of only pipes, dashes, colons and spaces (a table separator row) goes. */
function dropTableMarkup(text: string): string {
  if (!text.includes('|')) return text;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.includes('|')) continue;
    let separatorRow = line.includes('-');
    for (let k = 0; k < line.length && separatorRow; k++) separatorRow = '|-: \t'.includes(line[k]);
    lines[i] = separatorRow ? '' : line.replaceAll('|', ' ');
  }
  return lines.join('\n');
}

function inlineText(t: Token, out: string[]): void {
  switch (t.type) {
    case 'text':
    case 'code_inline':
    case 'text_special':
      out.push(t.content);
      return;
    case 'image':
      out.push(' ', t.content, ' '); // alt text
      return;
    case 'softbreak':
    case 'hardbreak':
      out.push('\n');
      return;
    case 'html_inline':
      out.push(' ');
      return;
    default:
      // link_open/close, em, strong, s: markup only, their text comes as separate tokens.
      return;
  }
}

/**
 * Drops HTML tags (`<name …>`, `</name>`, `<!-- … -->`) from raw HTML in one pass. A `<` that does
 * not start a closed tag stays as text. The next `>` is looked up once and reused, so a flood of
 * unclosed `<a<a<a` stays linear.
 */
export function stripTags(html: string): string {
  let out = '';
  let i = 0;
  let nextGt = -2; // -2: not looked up yet; -1: no `>` after this point
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    const c = html.charCodeAt(lt + 1);
    const isTag =
      c === 0x2f /* / */ || c === 0x21 /* ! */ || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    if (!isTag) {
      out += html.slice(i, lt + 1);
      i = lt + 1;
      continue;
    }
    if (nextGt !== -1 && nextGt < lt) nextGt = html.indexOf('>', lt);
    if (nextGt < 0) break;
    out += html.slice(i, lt) + ' ';
    i = nextGt + 1;
  }
  return out + html.slice(i);
}

/** For text that is already plain (titles): normalise, drop reserved characters, collapse spaces and blank lines. */
export function cleanPlain(text: string): string {
  const lines = text
    .normalize('NFC')
    .replace(RESERVED, ' ')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u3000]+/g, ' ')
    .split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed) kept.push(trimmed);
  }
  return kept.join('\n');
}

/** Cuts at a code point boundary, so a surrogate pair (emoji) is never split. */
export function truncateText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  let end = 0;
  let count = 0;
  for (const ch of text) {
    if (count === maxChars) break;
    end += ch.length;
    count += 1;
  }
  return text.slice(0, end).trimEnd();
}
