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
  /** Thread state for the ranker's explicit preference (solved, official answer, me-too count). */
  isSolved?: boolean;
  hasOfficialAnswer?: boolean;
  meTooCount?: number;
  /** The sentence vector (embeddings/), or null: the document is found lexically only. */
  _vectors?: Record<string, number[] | null>;
}

/** The userProvided embedder of the duplicate-detection index (vectors come from the application). */
export const SIMILAR_EMBEDDER = 'bge';
export const SIMILAR_EMBEDDER_DIMENSIONS = 512;

export function similarUidOf(questionsUid: string): string {
  return `${questionsUid}_similar`;
}

export function buildSimilarDocument(
  q: {
    id: string;
    title: string;
    body: string;
    indexedVersion?: string;
    isSolved?: boolean;
    hasOfficialAnswer?: boolean;
    meTooCount?: number;
  },
  vector?: Float32Array,
): SimilarDocument {
  return {
    id: q.id,
    grams: gramsOf(similarityText(q.title, q.body)),
    indexedVersion: q.indexedVersion,
    isSolved: q.isSolved ?? false,
    hasOfficialAnswer: q.hasOfficialAnswer ?? false,
    meTooCount: q.meTooCount ?? 0,
    // Six decimals: a third of the JSON of full floats, cosines unchanged to 1e-6.
    _vectors: { [SIMILAR_EMBEDDER]: vector ? Array.from(vector, (x) => Math.round(x * 1e6) / 1e6) : null },
  };
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
  // The vector search restricted to the lexical candidates filters on id.
  filterableAttributes: ['id'],
  embedders: { [SIMILAR_EMBEDDER]: { source: 'userProvided', dimensions: SIMILAR_EMBEDDER_DIMENSIONS } },
};
