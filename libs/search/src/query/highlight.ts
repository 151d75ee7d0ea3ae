// Highlights travel through Meilisearch as two private-use characters (stripped from indexed text, see
// index/plain-text.ts), so user content is HTML-escaped first and only then do the markers become
// <mark> tags: the result is safe to insert as HTML, and <mark> is the only markup it can contain.

export const HIGHLIGHT_PRE = '\uE000';
export const HIGHLIGHT_POST = '\uE001';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

export function hasHighlight(formatted: string | undefined): boolean {
  return formatted !== undefined && formatted.includes(HIGHLIGHT_PRE);
}

/** HTML-escaped text with <mark>…</mark> around matches; unbalanced markers are dropped. */
export function renderHighlight(formatted: string): string {
  let open = false;
  let out = '';
  for (const part of escapeHtml(formatted).split(/([\uE000\uE001])/)) {
    if (part === HIGHLIGHT_PRE) {
      if (!open) out += '<mark>';
      open = true;
    } else if (part === HIGHLIGHT_POST) {
      if (open) out += '</mark>';
      open = false;
    } else {
      out += part;
    }
  }
  return open ? `${out}</mark>` : out;
}
