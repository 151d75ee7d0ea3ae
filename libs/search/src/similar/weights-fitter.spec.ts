import { bagOf, bm25 } from './bm25';
import { LearnedReranker } from './learned-reranker';
import { LearnedTermWeights } from './learned-term-weights';
import { TermStats } from './term-stats';
import { buildTrainingLists, LinkGroup } from './training-lists';
import { fitTermWeights } from './weights-fitter';

// A tiny synthetic forum: "花呗" and "借呗" are different products, and the wording around them
// varies. Labelled duplicates always keep the product; BM25 alone prefers shared wording.
const DOCS: Record<string, string> = {
  a1: '花呗怎么提前还款',
  a2: '花呗可以提前还吗',
  b1: '借呗怎么提前还款呢',
  b2: '借呗可以提前还吗',
  c1: '花呗额度怎么提升',
  c2: '花呗额度如何提高',
  d1: '借呗额度怎么提升呢',
  d2: '借呗额度如何提高',
  e1: '花呗逾期一天有影响吗',
  e2: '花呗逾期一天会怎样',
  f1: '借呗逾期一天有影响吗呢',
  f2: '借呗逾期一天会怎样',
};

function corpus(): TermStats {
  const s = new TermStats();
  for (const [id, text] of Object.entries(DOCS)) s.upsert(id, text);
  return s;
}

const links = (pairs: [string, string][]): LinkGroup[] => {
  const m = new Map<string, Set<string>>();
  for (const [a, b] of pairs) {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ]) {
      m.set(x, (m.get(x) ?? new Set()).add(y));
    }
  }
  return [...m].map(([questionId, linkedIds]) => ({ questionId, linkedIds }));
};

const candidates = Object.entries(DOCS).map(([id, text]) => ({ id, text }));

describe('learned term weights', () => {
  it('is exactly BM25 when there are no links', () => {
    const stats = corpus();
    const fit = fitTermWeights(buildTrainingLists(stats, []));
    expect(fit.lists).toBe(0);
    expect(fit.weights.bm25Scale).toBe(1);
    expect(fit.weights.size).toBe(0);
    const learned = new LearnedReranker(stats, fit.weights).rank('借呗能提前还款吗', candidates);
    const query = bagOf('借呗能提前还款吗');
    const plain = candidates
      .map((c) => ({ id: c.id, score: bm25(stats, query, bagOf(c.text)) }))
      .filter((r): r is { id: string; score: number } => r.score !== null)
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    expect(plain.length).toBeGreaterThan(0);
    expect(learned.map((r) => [r.id, r.score])).toEqual(plain.map((r) => [r.id, r.score]));
  });

  it('learns from links that the product word decides, and moves the linked thread up', () => {
    const stats = corpus();
    const lists = buildTrainingLists(
      stats,
      links([
        ['a1', 'a2'],
        ['b1', 'b2'],
        ['c1', 'c2'],
        ['d1', 'd2'],
        ['e1', 'e2'],
        ['f1', 'f2'],
      ]),
      5,
    );
    const fit = fitTermWeights(lists, { l2: 0.1, maxIterations: 200, pruneBelow: 0 });
    expect(fit.lists).toBeGreaterThan(0);
    // Sharing the product word is evidence of a duplicate; having it on one side only is not.
    expect(fit.weights.sharedWeight('借')).toBeGreaterThan(fit.weights.mismatchWeight('借'));

    const query = '借呗可以提前还款吗'; // shares more wording with a2 (花呗) than with b1 (借呗)
    const before = new LearnedReranker(stats, new LearnedTermWeights()).rank(query, candidates);
    const after = new LearnedReranker(stats, fit.weights).rank(query, candidates);
    const rank = (rs: { id: string }[], id: string): number => rs.findIndex((r) => r.id === id);
    expect(rank(after, 'b1')).toBeLessThan(rank(after, 'a2'));
    expect(rank(after, 'b1')).toBeLessThanOrEqual(rank(before, 'b1'));
  });

  it('gives an exact match similarity 1 and a one-word overlap a low similarity', () => {
    const stats = corpus();
    const ranked = new LearnedReranker(stats, new LearnedTermWeights()).rank('花呗额度怎么提升', candidates);
    expect(ranked[0]).toMatchObject({ id: 'c1', similarity: 1 });
    const weak = new LearnedReranker(stats, new LearnedTermWeights()).rank('花呗账单分期手续费', candidates);
    expect(Math.max(...weak.map((r) => r.similarity))).toBeLessThan(0.6);
  });
});
