/**
 * Meilisearch reports a vector hit's similarity as `_rankingScore` = (1 + cosine) / 2 for a
 * userProvided embedder (checked against in-process cosines by test/e2e/embeddings.e2e-spec.ts).
 */
export function cosineFromRankingScore(score: number): number {
  return 2 * score - 1;
}
