/**
 * Per-term weights learned from the forum's own duplicate links ("closed as duplicate of ...").
 *
 * Model (a learned sparse lexical matcher on top of BM25). For a draft q and a candidate d, with
 * Q and D their sets of distinct char unigrams + bigrams (text-normalizer.ts):
 *
 *   score(q, d) = bm25Scale * BM25(q, d)
 *               + sum over t in Q ∩ D of shared[t]            (sharing t says "same question")
 *               + sum over t in Q xor D of mismatch[t]        (t on one side only, e.g. 花呗 vs 借呗)
 *
 * Terms with no weight count 0, so with no links at all the ranking is exactly BM25 (graceful
 * degradation). Fitted in batch by weights-fitter.ts. On a payment-support corpus the weights pick
 * up what idf misses: product words that are common (so low idf) but decide the meaning get strong
 * mismatch penalties, filler words get small mismatch bonuses.
 *
 * Memory: two float64 per weighted term; ~30k terms (10k links) is a few MB.
 */

/** A (term -> weight) pair of maps plus the BM25 scale. Serialisable as JSON. */
export interface TermWeightsSnapshot {
  version: 1;
  bm25Scale: number;
  /** term -> [sharedWeight, mismatchWeight] (terms in the text-normalizer's form, bigram joiner \u0001). */
  terms: Record<string, [number, number]>;
}

export class LearnedTermWeights {
  private readonly shared = new Map<string, number>();
  private readonly mismatch = new Map<string, number>();

  /** Multiplier of BM25: 1 with no links (pure BM25); fitted weights bring their own scale. */
  constructor(readonly bm25Scale = 1) {}

  get size(): number {
    return new Set([...this.shared.keys(), ...this.mismatch.keys()]).size;
  }

  sharedWeight(term: string): number {
    return this.shared.get(term) ?? 0;
  }

  mismatchWeight(term: string): number {
    return this.mismatch.get(term) ?? 0;
  }

  /** Sum of shared[t] over Q ∩ D and mismatch[t] over Q xor D: O(|Q| + |D|) look-ups. */
  termScore(query: ReadonlySet<string>, doc: ReadonlySet<string>): number {
    let s = 0;
    for (const t of query) s += (doc.has(t) ? this.shared.get(t) : this.mismatch.get(t)) ?? 0;
    for (const t of doc) if (!query.has(t)) s += this.mismatch.get(t) ?? 0;
    return s;
  }

  score(query: ReadonlySet<string>, doc: ReadonlySet<string>, bm25: number): number {
    return this.bm25Scale * bm25 + this.termScore(query, doc);
  }

  snapshot(): TermWeightsSnapshot {
    const terms: Record<string, [number, number]> = {};
    for (const t of new Set([...this.shared.keys(), ...this.mismatch.keys()])) {
      terms[t] = [this.sharedWeight(t), this.mismatchWeight(t)];
    }
    return { version: 1, bm25Scale: this.bm25Scale, terms };
  }

  static fromSnapshot(s: TermWeightsSnapshot): LearnedTermWeights {
    const w = new LearnedTermWeights(s.bm25Scale);
    for (const [t, [sh, mm]] of Object.entries(s.terms)) w.set(t, sh, mm);
    return w;
  }

  /** Weights below `pruneBelow` in magnitude are not kept (they change no ranking, cost memory). */
  set(term: string, shared: number, mismatch: number, pruneBelow = 0): void {
    if (Math.abs(shared) > pruneBelow) this.shared.set(term, shared);
    if (Math.abs(mismatch) > pruneBelow) this.mismatch.set(term, mismatch);
  }
}
