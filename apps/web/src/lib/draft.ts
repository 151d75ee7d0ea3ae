
export interface Draft {
  draftId: string;
  category: string | null;
  details: Record<string, string>;
  title: string;
  body: string;
  tags: string;
}

const KEY = 'qa-forum.ask-draft';

export function newDraftId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function emptyDraft(): Draft {
  return { draftId: newDraftId(), category: null, details: {}, title: '', body: '', tags: '' };
}

/** The draft survives opening a suggestion in the same tab, a reload or a detour to log in. */
export function loadDraft(): Draft {
  try {
    const raw = localStorage.getItem(KEY);
    if (raw) {
      const d = JSON.parse(raw) as Partial<Draft>;
      if (typeof d.draftId === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(d.draftId)) return { ...emptyDraft(), ...d } as Draft;
    }
  } catch {
    // unreadable draft: start over
  }
  return emptyDraft();
}

export function saveDraft(d: Draft): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(d));
  } catch {
    // no storage
  }
}

export function clearDraft(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // no storage
  }
}

/** Tags typed as “风控 登录, 换手机” → ['风控', '登录', '换手机'] (unique, at most what was typed). */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(/[\s,，、;；#]+/).map((s) => s.trim()).filter(Boolean))];
}

/** Suggestions start once the draft has 4 characters that are not spaces or punctuation. */
export function shouldSuggest(title: string, body: string): boolean {
  const meaningful = `${title}${body}`.replace(/[\s\p{P}\p{S}]/gu, '');
  return [...meaningful].length >= 4;
}

/** The query sent to similarQuestions: the title, or the body's start when the title is empty. */
export function similarInput(title: string, body: string): { title: string; body: string | null } {
  const t = title.trim();
  const b = body.trim();
  if (t) return { title: t, body: b ? b.slice(0, 2000) : null };
  return { title: b.slice(0, 150), body: b.length > 150 ? b.slice(0, 2000) : null };
}

/** The first lines of a Markdown answer as plain text, for the suggestion panel. */
export function excerpt(markdown: string, max = 120): string {
  const text = linkTexts(markdown.replace(/```[\s\S]*?```/g, ' '))
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return [...text].length > max ? `${[...text].slice(0, max).join('')}…` : text;
}


/**
 * Markdown links and images in one linear pass: `[text](url)` becomes `text`, `![alt](url)` goes. Each
 * search for the next `]` or `)` is remembered, so a run of `[` without a match never rescans the rest.
 */
export function linkTexts(text: string): string {
  const next = { ']': -2, ')': -2 } as Record<']' | ')', number>;
  const find = (ch: ']' | ')', from: number): number => {
    if (next[ch] === -1 || next[ch] >= from) return next[ch];
    next[ch] = text.indexOf(ch, from);
    return next[ch];
  };
  let out = '';
  let i = 0;
  while (i < text.length) {
    const image = text[i] === '!' && text[i + 1] === '[';
    if (text[i] === '[' || image) {
      const open = image ? i + 1 : i;
      const close = find(']', open + 1);
      if (close !== -1 && text[close + 1] === '(') {
        const end = find(')', close + 2);
        if (end !== -1) {
          if (!image) out += text.slice(open + 1, close);
          i = end + 1;
          continue;
        }
      }
    }
    out += text[i];
    i += 1;
  }
  return out;
}
