import { topK } from './training-lists';

/** A deterministic pseudo-random sequence (no flaky seeds). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The reference: sort every touched document by score (desc), ties by id (asc), take k. */
function bySort(scores: Float64Array, touched: Int32Array, count: number, k: number): number[] {
  return [...touched.subarray(0, count)].sort((a, b) => scores[b] - scores[a] || a - b).slice(0, k);
}

describe('topK (the heap of the training lists)', () => {
  it('selects the same documents in the same order as a full sort', () => {
    const random = lcg(42);
    for (const [docs, count, k] of [
      [1000, 1000, 31],
      [5000, 1200, 1],
      [200, 15, 31], // fewer candidates than k
      [300, 300, 300],
    ]) {
      const scores = new Float64Array(docs);
      const touched = new Int32Array(docs);
      const order = [...Array(docs).keys()].sort(() => random() - 0.5).slice(0, count);
      order.forEach((d, i) => {
        touched[i] = d;
        // Coarse scores: many ties, which the order must break by id.
        scores[d] = Math.round(random() * 50) / 10 + 0.1;
      });
      const heap = topK(scores, touched, count, k);
      const sorted = bySort(scores, touched, count, k);
      expect(heap.map((d) => scores[d])).toEqual(sorted.map((d) => scores[d]));
      // Among equal scores at the cut the heap may keep any of them; above the cut it must agree.
      const cut = scores[sorted[sorted.length - 1]];
      expect(heap.filter((d) => scores[d] > cut)).toEqual(sorted.filter((d) => scores[d] > cut));
    }
  });

  it('returns nothing for no candidates', () => {
    expect(topK(new Float64Array(4), new Int32Array(4), 0, 3)).toEqual([]);
  });
});
