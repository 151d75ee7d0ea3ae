/**
 * Batch fit of LearnedTermWeights: listwise softmax over each training list (the linked questions
 * are the positives), minimised with L-BFGS, L2 penalty `l2` on the term weights (not on the BM25
 * scale). Loss = sum over lists of -log(sum_pos p_i) + l2/2 * |w|^2, p = softmax(score).
 *
 * l2 = 300 was chosen on folds of AFQMC train links (sum over ~10k lists, so it scales with the
 * number of links: with few links the weights stay near 0 and the ranking near BM25).
 */
import { minimizeLbfgs } from './lbfgs';
import { LearnedTermWeights } from './learned-term-weights';
import type { TrainingList } from './training-lists';

export interface FitOptions {
  l2: number;
  maxIterations: number;
  /** Weights smaller than this are dropped from the snapshot. */
  pruneBelow: number;
}

export const DEFAULT_FIT_OPTIONS: FitOptions = { l2: 300, maxIterations: 150, pruneBelow: 1e-4 };

export interface FitResult {
  weights: LearnedTermWeights;
  lists: number;
  iterations: number;
  loss: number;
}

export function fitTermWeights(
  lists: readonly TrainingList[],
  opts: FitOptions = DEFAULT_FIT_OPTIONS,
): FitResult {
  // Lists where every candidate is positive (or none is) carry no ranking information.
  const usable = lists.filter(
    (l) => l.candidates.some((c) => c.positive) && l.candidates.some((c) => !c.positive),
  );
  if (usable.length === 0) return { weights: new LearnedTermWeights(), lists: 0, iterations: 0, loss: 0 };

  const vocab = new Map<string, number>();
  const id = (t: string): number => {
    let i = vocab.get(t);
    if (i === undefined) vocab.set(t, (i = vocab.size));
    return i;
  };
  // Rows: per candidate, its feature slots. Slot 2i = shared weight of term i, 2i+1 = mismatch.
  const rowStart: number[] = [0];
  const slots: number[] = [];
  const bm25: number[] = [];
  const label: number[] = [];
  const listStart: number[] = [0];
  for (const l of usable) {
    for (const c of l.candidates) {
      for (const t of l.query) slots.push(2 * id(t) + (c.terms.has(t) ? 0 : 1));
      for (const t of c.terms) if (!l.query.has(t)) slots.push(2 * id(t) + 1);
      rowStart.push(slots.length);
      bm25.push(c.bm25);
      label.push(c.positive ? 1 : 0);
    }
    listStart.push(bm25.length);
  }
  const slot = Int32Array.from(slots);
  const starts = Int32Array.from(rowStart);
  const bm = Float64Array.from(bm25);
  const y = Float64Array.from(label);
  const s = new Float64Array(bm.length);

  // x[0] = bm25Scale, x[1 + slot] = term weights.
  const objective = (x: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    let loss = 0;
    for (let r = 0; r < bm.length; r++) {
      let v = x[0] * bm[r];
      for (let j = starts[r]; j < starts[r + 1]; j++) v += x[1 + slot[j]];
      s[r] = v;
    }
    for (let l = 0; l + 1 < listStart.length; l++) {
      const a = listStart[l];
      const b = listStart[l + 1];
      let max = -Infinity;
      for (let r = a; r < b; r++) max = Math.max(max, s[r]);
      let z = 0;
      let zp = 0;
      for (let r = a; r < b; r++) {
        const e = Math.exp(s[r] - max);
        s[r] = e; // reused as exp(score - max)
        z += e;
        zp += e * y[r];
      }
      loss -= Math.log(zp) - Math.log(z);
      for (let r = a; r < b; r++) {
        const g = s[r] / z - (y[r] ? s[r] / zp : 0); // d loss / d score
        if (g === 0) continue;
        grad[0] += g * bm[r];
        for (let j = starts[r]; j < starts[r + 1]; j++) grad[1 + slot[j]] += g;
      }
    }
    for (let i = 1; i < x.length; i++) {
      loss += 0.5 * opts.l2 * x[i] * x[i];
      grad[i] += opts.l2 * x[i];
    }
    return loss;
  };
  const x0 = new Float64Array(1 + 2 * vocab.size);
  x0[0] = 1;
  const res = minimizeLbfgs(objective, x0, { maxIterations: opts.maxIterations });
  const weights = new LearnedTermWeights(res.x[0]);
  for (const [t, i] of vocab) weights.set(t, res.x[1 + 2 * i], res.x[2 + 2 * i], opts.pruneBelow);
  return { weights, lists: usable.length, iterations: res.iterations, loss: res.loss };
}
