export interface SimilarDraft {
  title: string;
  body?: string | null;
}

/** A suggestion before hydration: the question id and a relevance score. */
export interface RankedSimilar {
  id: string;
  /** 0..1, compared with SIMILAR_MIN_SCORE. */
  score: number;
  /** The indexed document's indexedVersion (question-document.ts), checked against the row on hydration. */
  indexedVersion?: string;
}

/**
 * Finds and orders the threads that may answer a draft. The seam for a better re-ranker: a replacement
 * only has to return ranked ids with the indexedVersion of their documents (closed duplicates and
 * `excludeId` left out); validation, the minimum score, hydration from MySQL (which drops a hit whose
 * version no longer matches its row) and error mapping stay in SimilarQuestionsService.
 */
export abstract class SimilarityRanker {
  /** Best first, at most `limit` (fewer is fine). Meilisearch errors propagate to the caller. */
  abstract rank(draft: SimilarDraft, limit: number, excludeId?: string): Promise<RankedSimilar[]>;
}
