/**
 * Training lists for the weights refit: for each question that has duplicate links, the top-k
 * documents of exhaustive BM25 (bm25.ts) over the whole current corpus, its linked
 * questions marked positive.
 *
 * Why exhaustive BM25 and not the live Meilisearch candidates: it is what the weights were
 * researched with, and it costs one in-process pass over a postings list built from TermStats
 * (seconds for ~20k lists on 84k questions) instead of one multi-search per link (minutes, and
 * load on the search engine). The Meilisearch candidates are a high-recall approximation of the
 * same top-k, so the lists are close to what the ranker then re-orders.
 */
import { Bag, bagOf, lengthNorm, termWeight } from './bm25';
import type { TermStats } from './term-stats';

export interface TrainingCandidate {
  terms: ReadonlySet<string>;
  bm25: number;
  positive: boolean;
}

export interface TrainingList {
  query: ReadonlySet<string>;
  candidates: TrainingCandidate[];
}

/** A question with links: its id and the ids it is a duplicate of (either direction). */
export interface LinkGroup {
  questionId: string;
  linkedIds: ReadonlySet<string>;
}

interface Postings {
  docs: number[];
  weights: number[];
}

/** Top-k selection with a small min-heap (k is ~30, candidates are tens of thousands). */
export function topK(scores: Float64Array, touched: Int32Array, count: number, k: number): number[] {
  const heap: number[] = [];
  const less = (a: number, b: number): boolean => scores[a] < scores[b];
  for (let i = 0; i < count; i++) {
    const d = touched[i];
    if (heap.length < k) {
      heap.push(d);
      for (let c = heap.length - 1; c > 0;) {
        const p = (c - 1) >> 1;
        if (!less(heap[c], heap[p])) break;
        [heap[c], heap[p]] = [heap[p], heap[c]];
        c = p;
      }
    } else if (scores[d] > scores[heap[0]]) {
      heap[0] = d;
      for (let p = 0; ;) {
        const l = 2 * p + 1;
        const r = l + 1;
        let s = p;
        if (l < k && less(heap[l], heap[s])) s = l;
        if (r < k && less(heap[r], heap[s])) s = r;
        if (s === p) break;
        [heap[s], heap[p]] = [heap[p], heap[s]];
        p = s;
      }
    }
  }
  return heap.sort((a, b) => scores[b] - scores[a] || a - b);
}

export function buildTrainingLists(
  stats: TermStats,
  groups: readonly LinkGroup[],
  k = 30,
): TrainingList[] {
  const ids: string[] = [];
  const bags: Bag[] = [];
  const index = new Map<string, number>();
  const postings = new Map<string, Postings>();
  for (const [id, text] of stats.entries()) {
    const d = ids.length;
    const bag = bagOf(text);
    ids.push(id);
    bags.push(bag);
    index.set(id, d);
    const norm = lengthNorm(stats, bag.len);
    for (const [t, tf] of bag.tf) {
      let p = postings.get(t);
      if (!p) postings.set(t, (p = { docs: [], weights: [] }));
      p.docs.push(d);
      p.weights.push(termWeight(stats.idf(t), tf, norm));
    }
  }
  const scores = new Float64Array(ids.length);
  const touched = new Int32Array(ids.length);
  const termSets = new Map<number, Set<string>>();
  const termsOfDoc = (d: number): Set<string> => {
    let s = termSets.get(d);
    if (!s) termSets.set(d, (s = new Set(bags[d].tf.keys())));
    return s;
  };
  const lists: TrainingList[] = [];
  for (const g of groups) {
    const self = index.get(g.questionId);
    if (self === undefined) continue; // no longer indexed: nothing to learn from
    let count = 0;
    for (const [t, qtf] of bags[self].tf) {
      const p = postings.get(t);
      if (!p) continue;
      for (let j = 0; j < p.docs.length; j++) {
        const d = p.docs[j];
        if (scores[d] === 0) touched[count++] = d;
        scores[d] += qtf * p.weights[j];
      }
    }
    scores[self] = 0; // the question itself is never its own duplicate
    const top = topK(scores, touched, count, k + 1).filter((d) => d !== self && scores[d] > 0);
    const candidates = top.slice(0, k).map((d) => ({
      terms: termsOfDoc(d),
      bm25: scores[d],
      positive: g.linkedIds.has(ids[d]),
    }));
    for (let j = 0; j < count; j++) scores[touched[j]] = 0;
    if (candidates.some((c) => c.positive)) lists.push({ query: termsOfDoc(self), candidates });
  }
  return lists;
}
