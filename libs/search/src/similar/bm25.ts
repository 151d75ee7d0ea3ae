/**
 * BM25 over char unigrams + bigrams (text-normalizer.ts), with idf and average document length from
 * TermStats: the one place it is written. The parameters are the reference's (bm25_ref.py: k1 0.9,
 * b 0.4): the learned term weights are fitted on this scale (learned-term-weights.ts).
 */
import { termsOf } from './text-normalizer';
import type { TermStats } from './term-stats';

export const BM25 = { k1: 0.9, b: 0.4 } as const;

/** A text's term frequencies (unigrams and bigrams) and its length in terms. */
export interface Bag {
  tf: Map<string, number>;
  len: number;
}

export function bagOf(text: string): Bag {
  const t = termsOf(text);
  const tf = new Map<string, number>();
  for (const x of t.units) tf.set(x, (tf.get(x) ?? 0) + 1);
  for (const x of t.bigrams) tf.set(x, (tf.get(x) ?? 0) + 1);
  return { tf, len: t.units.length + t.bigrams.length };
}

/** The length part of BM25's denominator for a document of `len` terms. */
export function lengthNorm(stats: TermStats, len: number): number {
  return BM25.k1 * (1 - BM25.b + (BM25.b * len) / stats.avgDocLen);
}

/** One term's contribution per query occurrence: idf · tf · (k1 + 1) / (tf + norm). */
export function termWeight(idf: number, tf: number, norm: number): number {
  return (idf * tf * (BM25.k1 + 1)) / (tf + norm);
}

/** BM25(query → doc); null when they share no term. */
export function bm25(stats: TermStats, query: Bag, doc: Bag): number | null {
  const norm = lengthNorm(stats, doc.len);
  let score = 0;
  let shared = false;
  for (const [t, qtf] of query.tf) {
    const dtf = doc.tf.get(t);
    if (dtf === undefined) continue;
    shared = true;
    score += qtf * termWeight(stats.idf(t), dtf, norm);
  }
  return shared ? score : null;
}
