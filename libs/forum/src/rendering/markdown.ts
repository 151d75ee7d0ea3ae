import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// Markdown is rendered with raw HTML disabled (markdown-it escapes it), then sanitised anyway as a
// second line of defence: an allow-list of tags, only http(s)/mailto links, no attributes that run
// code, and rel="nofollow ugc" on every link since the content comes from users.
// maxNesting 20 (CommonMark preset's value, not the default 100) bounds the nested look-ahead of
// link and image labels: a 20,000-character flood of `![` costs a few times less to parse.
const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false, maxNesting: 20 });
// Bare addresses are linked by linkify, the costliest step by far: a body made of thousands of them
// is rendered without it (Markdown links and <autolinks> still work).
const mdWithoutLinkify = new MarkdownIt({
  html: false,
  linkify: false,
  breaks: true,
  typographer: false,
  maxNesting: 20,
});
const MAX_LINKIFY_CANDIDATES = 100;

/** Counts what linkify could turn into links (`://`, `www.`, `@`), stopping at the limit. */
function tooManyLinkCandidates(markdown: string): boolean {
  let count = 0;
  for (const needle of ['://', 'www.', '@']) {
    for (let at = markdown.indexOf(needle); at >= 0; at = markdown.indexOf(needle, at + needle.length)) {
      if (++count > MAX_LINKIFY_CANDIDATES) return true;
    }
  }
  return false;
}

// Images are never embedded: an <img> pointing at another site would load when a reader opens the
// thread and tell that site who read it and when (a tracking pixel). An image becomes a plain link
// to it, labelled with its alt text (or its address); inside a link only the label is kept.
const IMAGE_LABEL = '图片：';
// markdown-it passes the `env` given to render() to every rule; ours counts open links.
type RenderEnv = { linkDepth?: number } | undefined;
const depthOf = (env: unknown): number => (env as RenderEnv)?.linkDepth ?? 0;
const setDepth = (env: unknown, depth: number): void => {
  if (env) (env as { linkDepth?: number }).linkDepth = depth;
};
function installRules(parser: typeof md): void {
  parser.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    setDepth(env, depthOf(env) + 1);
    return self.renderToken(tokens, idx, options);
  };
  parser.renderer.rules.link_close = (tokens, idx, options, env, self) => {
    setDepth(env, depthOf(env) - 1);
    return self.renderToken(tokens, idx, options);
  };
  parser.renderer.rules.image = (tokens, idx, _options, env) => {
    const token = tokens[idx];
    const src = String(token.attrGet('src') ?? '');
    const text = IMAGE_LABEL + md.utils.escapeHtml(token.content || src);
    if (depthOf(env) > 0 || !src) return text;
    return `<a href="${md.utils.escapeHtml(src)}">${text}</a>`;
  };
}
installRules(md);
installRules(mdWithoutLinkify);

// Tables cost per cell twice (markdown-it's table rule and the sanitiser): a body of thousands of table
// rows is rendered as text instead. No real post comes near the limit.
const MAX_TABLE_LINES = 200;
const mdWithoutTables = new MarkdownIt({
  html: false,
  linkify: false,
  breaks: true,
  typographer: false,
  maxNesting: 20,
}).disable('table');
installRules(mdWithoutTables);

/** Counts lines that start with `|` (table rows), stopping at the limit. */
function tooManyTableLines(markdown: string): boolean {
  let count = markdown.startsWith('|') ? 1 : 0;
  for (let at = markdown.indexOf('\n|'); at >= 0; at = markdown.indexOf('\n|', at + 2)) {
    if (++count > MAX_TABLE_LINES) return true;
  }
  return false;
}

const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'strong',
  'em',
  's',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    ol: ['start'],
    th: ['style'],
    td: ['style'],
    code: ['class'],
  },
  allowedStyles: {
    th: { 'text-align': [/^(left|right|center)$/] },
    td: { 'text-align': [/^(left|right|center)$/] },
  },
  allowedClasses: { code: [/^language-[\w-]+$/] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: 'nofollow ugc noopener', target: '_blank' },
    }),
  },
};

// Bodies are rendered on every read (bodyHtml): the last few hundred renderings are kept, keyed by
// the Markdown itself, so that a thread read many times is parsed once.
const CACHE_SIZE = 500;
const cache = new Map<string, string>();

export function renderMarkdown(markdown: string): string {
  const hit = cache.get(markdown);
  if (hit !== undefined) {
    cache.delete(markdown);
    cache.set(markdown, hit); // most recently used last
    return hit;
  }
  const html = renderMarkdownUncached(markdown);
  cache.set(markdown, html);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return html;
}

/** Renders without the cache (tests and benchmarks measure the real work). */
export function renderMarkdownUncached(markdown: string): string {
  const parser = tooManyTableLines(markdown)
    ? mdWithoutTables
    : tooManyLinkCandidates(markdown)
      ? mdWithoutLinkify
      : md;
  return sanitizeHtml(parser.render(markdown, {}), SANITIZE);
}
