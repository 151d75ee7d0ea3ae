import { PREFERENCE, adaptCosine, fitFusionWeights, fuse, preference } from './fusion';
import { LruCache } from '../embeddings/lru-cache';

const W = { lexical: 0.4, cosine: 0.6 };

describe('fusion', () => {
  it('prefers a solved thread over an unsolved one that is otherwise as similar', () => {
    const ranked = fuse(
      [
        { id: '1', lexical: 0.5, cosine: 0.8 },
        { id: '2', lexical: 0.5, cosine: 0.8, isSolved: true },
      ],
      W,
    );
    expect(ranked.map((r) => r.id)).toEqual(['2', '1']);
    // The relevance handed out (SIMILAR_MIN_SCORE) is the same: only the order carries the preference.
    expect(ranked[0].similarity).toBe(ranked[1].similarity);
  });

  it('ranks solved, then official answer, then me-too marks, each step explicit', () => {
    expect(preference({ isSolved: true })).toBe(PREFERENCE.solved);
    expect(preference({ hasOfficialAnswer: true })).toBe(PREFERENCE.officialAnswer);
    expect(preference({ meTooCount: 100 })).toBeCloseTo(PREFERENCE.meTooMax, 9);
    expect(preference({ meTooCount: 5000 })).toBeCloseTo(PREFERENCE.meTooMax, 9);
    expect(preference({ meTooCount: 3 })).toBeLessThan(preference({ meTooCount: 30 }));
    expect(preference({})).toBe(0);
  });

  it('never lifts a solved but clearly less similar thread above a close match', () => {
    const ranked = fuse(
      [
        {
          id: 'solved',
          lexical: 0.2,
          cosine: 0.55,
          isSolved: true,
          hasOfficialAnswer: true,
          meTooCount: 1000,
        },
        { id: 'match', lexical: 0.7, cosine: 0.9 },
      ],
      W,
    );
    expect(ranked[0].id).toBe('match');
  });

  it('breaks ties of the fused score by the lexical similarity', () => {
    // Cosine alone: both share the (bound) cosine, the one with more words in common goes first.
    const ranked = fuse(
      [
        { id: 'a', lexical: 0.1, cosine: 0.7 },
        { id: 'b', lexical: 0.6, cosine: 0.7 },
        { id: 'c', lexical: 0, cosine: 0.8 },
      ],
      { lexical: 0, cosine: 1 },
    );
    expect(ranked.map((r) => r.id)).toEqual(['c', 'b', 'a']);
    // The preference still comes before the tie-break.
    const solved = fuse(
      [
        { id: 'a', lexical: 0.1, cosine: 0.7, isSolved: true },
        { id: 'b', lexical: 0.6, cosine: 0.7 },
      ],
      { lexical: 0, cosine: 1 },
    );
    expect(solved.map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('gives an exact duplicate similarity 1 and an unrelated text 0', () => {
    const [exact] = fuse([{ id: 'a', lexical: 1, cosine: 1 }], W);
    expect(exact.similarity).toBe(1);
    const [none] = fuse([{ id: 'b', lexical: 0, cosine: 0.2 }], W);
    expect(none.similarity).toBe(0);
    expect(adaptCosine(0.3)).toBe(0);
    expect(adaptCosine(1)).toBe(1);
  });

  it('learns the cosine share that puts the linked question first', () => {
    // The positive has the better cosine and the worse lexical score in every list: cosine must win.
    const lists = Array.from({ length: 5 }, (_, i) => ({
      candidates: [
        { id: `p${i}`, lexical: 0.3, cosine: 0.9 },
        { id: `n${i}`, lexical: 0.6, cosine: 0.5 },
      ],
      positives: new Set([`p${i}`]),
    }));
    const fit = fitFusionWeights(lists);
    expect(fit?.mrr).toBe(1);
    expect(fit?.weights.cosine).toBeGreaterThan(0);
    // Ties go to the least lexical weights that reach the best MRR: here the cosine alone.
    expect(fit?.weights).toEqual({ lexical: 0, cosine: 1 });
    const [pos, neg] = fuse(lists[0].candidates, fit?.weights ?? W);
    expect([pos.id, neg.id]).toEqual(['p0', 'n0']);
    // And the other way round: the smallest lexical share that puts the positive first
    // (0.6·L + 0.2857·(1−L) > 0.3·L + 0.8571·(1−L) from L ≈ 0.656 on).
    const lexicalLists = lists.map((l, i) => ({ ...l, positives: new Set([`n${i}`]) }));
    const other = fitFusionWeights(lexicalLists);
    expect(other?.mrr).toBe(1);
    expect(other?.weights).toEqual({ lexical: 0.7, cosine: 0.3 });
    expect(fitFusionWeights([{ candidates: [], positives: new Set(['x']) }])).toBeNull();
  });
});

describe('LruCache', () => {
  it('evicts the least recently used entry', () => {
    const c = new LruCache<string, number>(2);
    c.set('a', 1);
    c.set('b', 2);
    expect(c.get('a')).toBe(1); // a is now the most recent
    c.set('c', 3);
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBe(1);
    expect(c.get('c')).toBe(3);
    expect(c.size).toBe(2);
  });

  it('keeps nothing with capacity 0', () => {
    const c = new LruCache<string, number>(0);
    c.set('a', 1);
    expect(c.get('a')).toBeUndefined();
  });
});
