// Markdown to the plain text that is indexed and shown in snippets. Deliberately small: the index
// needs words, not layout, and nothing here may throw on odd input.

// Private-use code points used as highlight markers (see query/highlight.ts); never let content carry them.
// eslint-disable-next-line no-control-regex
const RESERVED = /[\uE000\uE001\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function markdownToPlainText(markdown: string): string {
  let text = markdown.replace(/\r\n?/g, '\n');
  text = text.replace(/```[^\n]*\n([\s\S]*?)```/g, '$1'); // fenced code: keep the code, drop the fences
  text = text.replace(/<!--[\s\S]*?-->/g, ' ');
  text = text.replace(/<\/?[a-zA-Z][^>]*>/g, ' '); // inline HTML tags
  text = text.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1'); // images: alt text
  text = text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'); // links: label
  text = text.replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1'); // reference links
  text = text.replace(/^\s{0,3}\[[^\]]+\]:\s*\S+.*$/gm, ' '); // link definitions
  text = text.replace(/<(https?:\/\/[^>]+)>/g, '$1'); // autolinks
  text = text.replace(/`([^`]*)`/g, '$1'); // inline code
  text = text.replace(/^\s{0,3}#{1,6}\s+/gm, ''); // headings
  text = text.replace(/^\s{0,3}>\s?/gm, ''); // block quotes
  text = text.replace(/^\s*(?:[-*+]|\d+[.)])\s+/gm, ''); // list markers
  text = text.replace(/^\s*(?:[-*_]\s*){3,}$/gm, ' '); // horizontal rules
  text = text.replace(/^\s*\|?(?:\s*:?-+:?\s*\|)+\s*:?-*:?\s*$/gm, ' '); // table separator rows
  text = text.replace(/\|/g, ' ');
  text = text.replace(/(\*\*|__)(.+?)\1/g, '$2'); // bold
  text = text.replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, '$1$2'); // italics
  text = text.replace(/~~(.+?)~~/g, '$1');
  text = text.replace(/\\([\\`*_{}[\]()#+\-.!>|~])/g, '$1'); // backslash escapes
  text = decodeEntities(text);
  return cleanPlain(text);
}

/** For text that is already plain (titles): only normalise and drop reserved characters. */
export function cleanPlain(text: string): string {
  return text
    .normalize('NFC')
    .replace(RESERVED, ' ')
    .replace(/[ \t\u3000]+/g, ' ')
    .replace(/ *\n[\s]*/g, '\n')
    .trim();
}

/** Cuts at a code point boundary, so a surrogate pair (emoji) is never split. */
export function truncateText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  return Array.from(text).slice(0, maxChars).join('').trimEnd();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-z]{2,6});/g, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}
