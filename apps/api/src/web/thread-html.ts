// Server-rendered HTML of a thread (/q/:id) inside the client's index.html: the title, the
// question, its official and accepted answers, a canonical link and a description. The client
// replaces it when its JavaScript starts; crawlers and readers without JavaScript keep it.
import { markdownToPlainText } from '@app/search';

export const SSR_THREAD_QUERY = `query SsrThread($id: ID!) {
  question(id: $id) {
    id title body bodyHtml isSolved tags createdAt
    author { displayName }
    duplicateOf { id title }
    acceptedAnswer { id bodyHtml isOfficial author { displayName } }
    officialAnswers { id bodyHtml verifiedAt isStale author { displayName officialLabel } endorsedBy { displayName officialLabel } }
    answers(first: 30) { edges { node { id bodyHtml isHidden author { displayName } } } }
  }
}`;

interface SsrAnswer {
  id: string;
  bodyHtml: string;
  author: { displayName: string; officialLabel?: string | null };
}

export interface SsrQuestion {
  id: string;
  title: string;
  body: string;
  bodyHtml: string;
  isSolved: boolean;
  tags: string[];
  createdAt: string;
  author: { displayName: string };
  duplicateOf: { id: string; title: string } | null;
  acceptedAnswer: (SsrAnswer & { isOfficial: boolean }) | null;
  officialAnswers: (SsrAnswer & {
    verifiedAt: string | null;
    isStale: boolean;
    endorsedBy: { displayName: string; officialLabel?: string | null } | null;
  })[];
  /** Every answer in the server's order (the official and accepted ones are rendered first). */
  answers?: { edges: { node: SsrAnswer & { isHidden: boolean } }[] };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Plain text of the Markdown body, for the meta description (at most 160 characters). */
export function describe(markdown: string, max = 160): string {
  // The search index's extractor: markdown-it's tokenizer, linear on any input.
  const text = markdownToPlainText(markdown).replace(/\s+/g, ' ').trim();
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

export function renderThreadHtml(indexHtml: string, q: SsrQuestion, origin: string): string {
  const canonical = `${origin}/q/${encodeURIComponent(q.duplicateOf?.id ?? q.id)}`;
  const title = `${escapeHtml(q.title)} · 社区问答`;
  const description = escapeHtml(describe(q.body));
  const head = [
    `<title>${title}</title>`,
    `<meta name="description" content="${description}" />`,
    `<link rel="canonical" href="${escapeHtml(canonical)}" />`,
    `<meta property="og:title" content="${escapeHtml(q.title)}" />`,
    `<meta property="og:description" content="${description}" />`,
    `<meta property="og:type" content="article" />`,
  ].join('\n    ');

  // bodyHtml is the API's sanitised rendering; everything else is escaped here.
  const official = q.officialAnswers.map((a) => {
    const label = a.author.officialLabel ?? a.endorsedBy?.officialLabel ?? '官方';
    const verified = a.verifiedAt ? `<p>最后核实 ${escapeHtml(a.verifiedAt.slice(0, 10))}</p>` : '';
    const stale = a.isStale ? '<p>这条官方回答已较久未核实，流程可能已有变化</p>' : '';
    return `<section class="ssr-answer ssr-official" data-ssr-answer><h2>官方回答 · ${escapeHtml(label)}</h2><p>${escapeHtml(a.author.displayName)}</p><div class="post-body">${a.bodyHtml}</div>${verified}${stale}</section>`;
  });
  const accepted =
    q.acceptedAnswer && !q.officialAnswers.some((a) => a.id === q.acceptedAnswer?.id)
      ? [
          `<section class="ssr-answer ssr-accepted" data-ssr-answer><h2>提问者采纳的答案</h2><p>${escapeHtml(q.acceptedAnswer.author.displayName)}</p><div class="post-body">${q.acceptedAnswer.bodyHtml}</div></section>`,
        ]
      : [];
  // The other answers too, so a reader sees the whole thread before the client has started.
  const shown = new Set([...q.officialAnswers.map((a) => a.id), q.acceptedAnswer?.id]);
  const others = (q.answers?.edges ?? [])
    .map((e) => e.node)
    .filter((a) => !a.isHidden && !shown.has(a.id))
    .map(
      (a) =>
        `<section class="ssr-answer" data-ssr-answer><p>${escapeHtml(a.author.displayName)}</p><div class="post-body">${a.bodyHtml}</div></section>`,
    );
  const duplicate = q.duplicateOf
    ? `<p>这个问题与另一个问题重复，请查看：<a href="/q/${encodeURIComponent(q.duplicateOf.id)}">${escapeHtml(q.duplicateOf.title)}</a></p>`
    : '';
  const body = [
    `<main class="app-main ssr-thread"><article>`,
    `<h1 class="page-title">${escapeHtml(q.title)}</h1>`,
    `<p>${q.isSolved ? '已解决 · ' : ''}${escapeHtml(q.author.displayName)} · ${escapeHtml(q.createdAt.slice(0, 10))}${q.tags.map((t) => ` #${escapeHtml(t)}`).join('')}</p>`,
    duplicate,
    `<div class="post-body">${q.bodyHtml}</div>`,
    `</article>`,
    ...official,
    ...accepted,
    ...(others.length > 0 ? [`<h2>其他回答</h2>`, ...others] : []),
    `</main>`,
  ].join('');

  return indexHtml
    .replace(/<title>[^<]*<\/title>/, head)
    .replace('<!--ssr-->', body);
}
