/**
 * Meilisearch index settings (SIMILAR_INDEX_SETTINGS) and document shape needed by the similar-questions search.
 */
import type { Settings } from 'meilisearch';
import { termsOf, termToken } from './text-normalizer';

/** Fields a similar-question document must carry. */
export interface SimilarQuestionDoc {
  id: string;
  /** Title + body as shown (re-ranker recomputes terms from it). */
  text: string;
  /** Space-separated hashed tokens of the distinct char unigrams + bigrams of `text` (see termToken). */
  grams: string;
}

export function buildSimilarDoc(id: string, title: string, body: string): SimilarQuestionDoc {
  const text = joinTitleBody(title, body);
  const t = termsOf(text);
  const uniq = new Set<string>([...t.units, ...t.bigrams].map(termToken));
  return { id, text, grams: [...uniq].join(' ') };
}

export function joinTitleBody(title: string, body: string): string {
  return title && body ? `${title}\n${body}` : title || body;
}

export const SIMILAR_INDEX_SETTINGS: Settings = {
  searchableAttributes: ['grams', 'text'],
  // Chinese on purpose: short Chinese text is otherwise often detected as Japanese.
  localizedAttributes: [{ attributePatterns: ['text'], locales: ['cmn'] }],
  // Typos are meaningless on hashed tokens and on 1-3 char Chinese words.
  typoTolerance: { enabled: false },
  // Tokens are fixed-length hashes: a prefix never names another token.
  prefixSearch: 'disabled',
  // Candidate generation only needs "which documents share which query terms"; proximity costs
  // time and the re-ranker orders the candidates anyway. These rules only matter for queries on
  // this index (the forum's normal search can keep its own index/settings).
  rankingRules: ['words', 'attribute', 'exactness'],
  proximityPrecision: 'byAttribute',
  facetSearch: false,
};
