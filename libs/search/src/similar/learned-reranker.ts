/**
 * Re-ranker for the Meilisearch candidates: BM25 (bm25.ts) plus the learned term weights of
 * LearnedTermWeights. With no weights learned yet it is exactly BM25.
 */
import { bagOf, bm25, lengthNorm, termWeight } from './bm25';
import type { TermStats } from './term-stats';
import type { LearnedTermWeights } from './learned-term-weights';

export interface Candidate {
  id: string;
  text: string;
}

export interface RerankedCandidate {
  id: string;
  /** The model's score: orders the candidates. Unbounded. */
  score: number;
  /**
   * 0..1: the score divided by the score a document made of exactly the draft's terms would get at
   * this candidate's length, clipped. 1 = contains every draft term (and nothing the model calls a
   * mismatch); a candidate sharing one rare word of a long draft scores low. Unlike "divide by the
   * top score" it is comparable across drafts, which is what SIMILAR_MIN_SCORE needs.
   */
  similarity: number;
}

export class LearnedReranker {
  constructor(
    private readonly stats: TermStats,
    private readonly weights: LearnedTermWeights,
  ) {}

  /** Best first. Candidates sharing no term with the query are dropped. */
  rank(queryText: string, candidates: readonly Candidate[]): RerankedCandidate[] {
    const qBag = bagOf(queryText);
    const qSet = new Set(qBag.tf.keys());
    const sharedMass = [...qSet].reduce((s, t) => s + this.weights.sharedWeight(t), 0);
    const out: RerankedCandidate[] = [];
    for (const c of candidates) {
      const dBag = bagOf(c.text);
      const lexical = bm25(this.stats, qBag, dBag);
      if (lexical === null) continue;
      const score = this.weights.score(qSet, new Set(dBag.tf.keys()), lexical);
      const ideal = this.weights.bm25Scale * this.selfBm25(qBag.tf, dBag.len) + sharedMass;
      // Rounded: the two sums add the same terms in different orders (an exact match must give 1).
      const ratio = ideal > 0 ? Math.round((score / ideal) * 1e6) / 1e6 : score > 0 ? 1 : 0;
      const similarity = Math.min(1, Math.max(0, ratio));
      out.push({ id: c.id, score, similarity });
    }
    return out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  }

  /** BM25 of the query against a document holding exactly the query's terms, at length `docLen`. */
  private selfBm25(tf: ReadonlyMap<string, number>, docLen: number): number {
    const norm = lengthNorm(this.stats, docLen);
    let s = 0;
    for (const [t, n] of tf) s += n * termWeight(this.stats.idf(t), n, norm);
    return s;
  }
}
