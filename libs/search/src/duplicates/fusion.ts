/**
 * The final duplicate-detection score (pure, no Nest): a weighted sum of the learned lexical
 * similarity (LearnedReranker's 0..1) and the embedding cosine, plus an explicit preference for
 * threads that already help: solved, with an official answer, with many 我也遇到了. The two weights are
 * learned from duplicate links by the refit (fusion-fitter.ts); the preference is a fixed product
 * decision, kept small so that it reorders near-ties and never lifts an unrelated thread.
 */

export interface FusionWeights {
  lexical: number;
  cosine: number;
}

/** Before any fit with embeddings (measured on AFQMC train links: cosine carries most of the signal). */
export const DEFAULT_FUSION_WEIGHTS: FusionWeights = { lexical: 0.35, cosine: 0.65 };

/** Cosines of unrelated Chinese sentences sit around 0.3–0.5 with bge-small-zh: below this counts as 0. */
export const COSINE_FLOOR = 0.3;

export interface ThreadState {
  isSolved?: boolean;
  hasOfficialAnswer?: boolean;
  meTooCount?: number;
}

export const PREFERENCE = {
  solved: 0.03,
  officialAnswer: 0.02,
  /** Reached at 100 me-too marks (log scale). */
  meTooMax: 0.01,
} as const;

/** The bonus of a thread that already helps (0..0.06). */
export function preference(t: ThreadState): number {
  const meToo = Math.max(0, t.meTooCount ?? 0);
  return (
    (t.isSolved ? PREFERENCE.solved : 0) +
    (t.hasOfficialAnswer ? PREFERENCE.officialAnswer : 0) +
    PREFERENCE.meTooMax * Math.min(1, Math.log1p(meToo) / Math.log1p(100))
  );
}

/** Cosine rescaled so that COSINE_FLOOR and below are 0 and identical texts are 1. */
export function adaptCosine(cosine: number): number {
  return Math.min(1, Math.max(0, (cosine - COSINE_FLOOR) / (1 - COSINE_FLOOR)));
}

export interface FusionInput extends ThreadState {
  id: string;
  /** LearnedReranker similarity, 0..1 (0 when the candidate shares no term with the draft). */
  lexical: number;
  /** Embedding cosine, -1..1. */
  cosine: number;
}

export interface Fused {
  id: string;
  /** 0..1 relevance (compared with SIMILAR_MIN_SCORE), without the preference. */
  similarity: number;
  /** Ordering key: similarity plus the preference. */
  rankScore: number;
}

/**
 * Ties of the rank score (e.g. lexical candidates outside the nearest, which share the bound cosine,
 * or weights with no lexical share) go to the better lexical similarity, then to the id.
 */
export function fuse(inputs: readonly FusionInput[], w: FusionWeights): Fused[] {
  const total = w.lexical + w.cosine;
  return inputs
    .map((c) => {
      const raw = total > 0 ? (w.lexical * c.lexical + w.cosine * adaptCosine(c.cosine)) / total : c.lexical;
      const similarity = Math.min(1, Math.max(0, Math.round(raw * 1e6) / 1e6));
      return { id: c.id, similarity, rankScore: similarity + preference(c), tie: c.lexical };
    })
    .sort((a, b) => b.rankScore - a.rankScore || b.tie - a.tie || (a.id < b.id ? -1 : 1))
    .map(({ id, similarity, rankScore }) => ({ id, similarity, rankScore }));
}

/**
 * Lexical shares tried by the fit: fine near 0 (lexical as a light correction or a mere tie-breaker
 * of the cosine), coarser above.
 */
export const LEXICAL_SHARES: readonly number[] = [
  0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1,
];

/**
 * Weights from labelled candidate lists (a held-out split of duplicate links): the lexical share in
 * LEXICAL_SHARES with the best mean reciprocal rank of the linked questions (ties: less lexical, the
 * cosine being the stronger signal on held-out links). Two features need no gradient fit; a grid is
 * exact enough and cannot diverge.
 */
export function fitFusionWeights(
  lists: readonly { candidates: FusionInput[]; positives: ReadonlySet<string> }[],
): { weights: FusionWeights; mrr: number; lists: number } | null {
  const usable = lists.filter((l) => l.candidates.some((c) => l.positives.has(c.id)));
  if (usable.length === 0) return null;
  let best: { weights: FusionWeights; mrr: number } | null = null;
  for (const lexical of LEXICAL_SHARES) {
    const weights = { lexical, cosine: Math.round((1 - lexical) * 1e6) / 1e6 };
    let sum = 0;
    for (const l of usable) {
      // Preference left out: the links say nothing about it, and it must not bias the fit.
      const ranked = fuse(
        l.candidates.map((c) => ({ id: c.id, lexical: c.lexical, cosine: c.cosine })),
        weights,
      );
      const r = ranked.findIndex((c) => l.positives.has(c.id));
      if (r >= 0) sum += 1 / (r + 1);
    }
    const mrr = sum / usable.length;
    if (!best || mrr > best.mrr + 1e-9) best = { weights, mrr };
  }
  return best ? { ...best, lists: usable.length } : null;
}
