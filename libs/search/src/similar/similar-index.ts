/**
 * The duplicate-detection index: one small document per open question ({id, grams}), next to the
 * questions index and written by the same calls (QuestionIndex.write), so the outbox relay and
 * reindex keep both in step. A separate index because candidate generation needs different ranking
 * rules than search: on the questions index (typo, proximity, sort, exactness rules) the 16-query
 * multi-search measured ~6x slower than here.
 */
import type { Settings } from 'meilisearch';
import { gramsOf, similarityText } from './similarity-text';

export interface SimilarDocument {
  id: string;
  /** Hashed char unigram/bigram tokens of similarityText(title, body). */
  grams: string;
  /** The questions document's indexedVersion, checked when a suggestion is hydrated. */
  indexedVersion?: string;
}

export function similarUidOf(questionsUid: string): string {
  return `${questionsUid}_similar`;
}

export function buildSimilarDocument(q: {
  id: string;
  title: string;
  body: string;
  indexedVersion?: string;
}): SimilarDocument {
  return { id: q.id, grams: gramsOf(similarityText(q.title, q.body)), indexedVersion: q.indexedVersion };
}

export const SIMILAR_INDEX_SETTINGS: Settings = {
  searchableAttributes: ['grams'],
  // Typos are meaningless on hashed tokens; fixed-length tokens never prefix another one.
  typoTolerance: { enabled: false },
  prefixSearch: 'disabled',
  // Candidate generation only needs "which documents share which query terms"; proximity costs time
  // and the in-process re-ranker orders the candidates anyway.
  rankingRules: ['words', 'attribute', 'exactness'],
  proximityPrecision: 'byAttribute',
  facetSearch: false,
  pagination: { maxTotalHits: 1000 },
};
