import { markdownToPlainText } from '../index/plain-text';
import { STOP_WORDS } from '../index/search-vocabulary';

/**
 * The words of typed search queries (searchQueryVariants) and of question drafts (draftHasContent).
 * Meilisearch reads only the first 10 words of a query, and with its default matching strategy the
 * first word is required: so the words that go in, and their order, decide what is found.
 */

/** Meilisearch's query word limit. */
export const MEILI_QUERY_WORDS = 10;
const MAX_BODY_CHARS = 2000;

const STOP = new Set(STOP_WORDS);
const HAN = /\p{Script=Han}/u;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** A term: units that were adjacent in the source, kept together so Meilisearch segments them as written. */
export interface Term {
  text: string;
  /** Conservative estimate of how many query words Meilisearch will see in it. */
  words: number;
}

/**
 * Word-like segments of a text as query terms, without stop words, long numbers (order and phone
 * numbers) or lone CJK characters. The segmenter here (ICU) splits words Meilisearch's (jieba plus our
 * dictionary) keeps whole (支付|宝, 花|呗): single characters stay glued to their neighbours as written,
 * so Meilisearch segments them its own way.
 */
export function segmentTerms(text: string): Term[] {
  const terms: Term[] = [];
  let current: { text: string; units: number; singles: number; han: boolean } | null = null;
  let previousEnd = -1;
  const flush = (): void => {
    // A lone CJK character (办, 想) means nothing on its own.
    if (current && !(current.han && current.units === 0 && current.singles === 1)) {
      terms.push({ text: current.text, words: current.units + Math.ceil(current.singles / 2) });
    }
    current = null;
  };
  for (const s of segmenter.segment(text.normalize('NFKC').toLowerCase())) {
    const word = s.segment;
    const glued = previousEnd === s.index;
    if (s.isWordLike) previousEnd = s.index + word.length;
    const han = HAN.test(word);
    const keep = s.isWordLike && !STOP.has(word) && !/^\d{5,}$/.test(word) && (han || word.length >= 2);
    if (!keep) {
      flush();
      continue;
    }
    const single = han && Array.from(word).length === 1;
    const c = current as { text: string; units: number; singles: number; han: boolean } | null;
    // A single character belongs to the word before it (支付|宝 -> 支付宝, 花|呗 -> 花呗).
    if (c && glued && single && c.han) {
      c.text += word;
      c.singles += 1;
      continue;
    }
    flush();
    current = { text: word, units: single ? 0 : 1, singles: single ? 1 : 0, han };
  }
  flush();
  return terms;
}

export interface DraftText {
  title: string;
  body?: string | null;
}

/**
 * Whether a draft names anything: a content word (segmentTerms) in its title or in the first 2,000
 * characters of its body. A draft of nothing but function words (请问怎么办呢) gets no suggestions.
 */
export function draftHasContent(draft: DraftText): boolean {
  if (segmentTerms(draft.title).some((t) => t.words <= MEILI_QUERY_WORDS)) return true;
  if (!draft.body) return false;
  return segmentTerms(markdownToPlainText(draft.body.slice(0, MAX_BODY_CHARS))).some(
    (t) => t.words <= MEILI_QUERY_WORDS,
  );
}

/** Sub-queries of one search, each rotation weighted a little below the query as typed. */
export interface QueryVariant {
  q: string;
  weight: number;
}

const ROTATION_WEIGHT = 0.9;
const MAX_SEARCH_ROTATIONS = 3;

/**
 * The words of a typed search query, in order: stop words dropped, single characters glued to the
 * word before them as written. Unlike segmentTerms a lone character stays (the user typed 扣 on purpose).
 */
export function searchQueryWords(query: string): string[] {
  const words: string[] = [];
  let current: { text: string; han: boolean } | null = null;
  let previousEnd = -1;
  const flush = (): void => {
    if (current) words.push(current.text);
    current = null;
  };
  for (const s of segmenter.segment(query.normalize('NFKC').toLowerCase())) {
    const word = s.segment;
    const glued = previousEnd === s.index;
    if (s.isWordLike) previousEnd = s.index + word.length;
    if (!s.isWordLike || STOP.has(word)) {
      flush();
      continue;
    }
    const han = HAN.test(word);
    const c = current as { text: string; han: boolean } | null;
    if (c && glued && han && c.han && Array.from(word).length === 1) {
      c.text += word;
      continue;
    }
    flush();
    current = { text: word, han };
  }
  flush();
  return words;
}

/**
 * What one typed query is searched as. Meilisearch segments a short query without the context its
 * documents had (扣了两次 becomes 扣了 + 两次, while "被扣了两次钱" was indexed as 被扣 + 两次) and, when
 * not every word matches, it drops words from the end only: the thread that matches every word but
 * the first is never found. So the query goes as typed, plus rotations of its words (each of the
 * first few leading once), searched together (federated, a document counted once at its best score).
 * Phrase queries ("…") go as typed only.
 */
export function searchQueryVariants(query: string): QueryVariant[] {
  const variants: QueryVariant[] = [{ q: query, weight: 1 }];
  if (query.includes('"')) return variants;
  const words = searchQueryWords(query).slice(0, MEILI_QUERY_WORDS);
  for (let i = 1; i < Math.min(MAX_SEARCH_ROTATIONS, words.length); i++) {
    variants.push({ q: [...words.slice(i), ...words.slice(0, i)].join(' '), weight: ROTATION_WEIGHT });
  }
  return variants;
}
