/**
 * Limited-memory BFGS with a backtracking (Armijo) line search: enough to fit a smooth convex loss
 * with a few hundred thousand parameters in process, with no numeric dependency.
 */

/** Writes the gradient at x into `grad` and returns the loss. */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

export interface LbfgsOptions {
  maxIterations: number;
  /** Pairs of correction vectors kept. */
  memory?: number;
  /** Stop when the relative decrease of the loss over one iteration is below this. */
  tolerance?: number;
}

export interface LbfgsResult {
  x: Float64Array;
  loss: number;
  iterations: number;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

export function minimizeLbfgs(f: Objective, x0: Float64Array, opts: LbfgsOptions): LbfgsResult {
  const n = x0.length;
  const m = opts.memory ?? 10;
  const tol = opts.tolerance ?? 1e-7;
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let loss = f(x, g);
  const ss: Float64Array[] = [];
  const ys: Float64Array[] = [];
  const rhos: number[] = [];
  const d = new Float64Array(n);
  let it = 0;
  for (; it < opts.maxIterations; it++) {
    // Two-loop recursion: d = -H g.
    d.set(g);
    const alphas: number[] = [];
    for (let k = ss.length - 1; k >= 0; k--) {
      const a = rhos[k] * dot(ss[k], d);
      alphas[k] = a;
      const y = ys[k];
      for (let i = 0; i < n; i++) d[i] -= a * y[i];
    }
    if (ss.length > 0) {
      const last = ss.length - 1;
      const gamma = dot(ss[last], ys[last]) / dot(ys[last], ys[last]);
      for (let i = 0; i < n; i++) d[i] *= gamma;
    }
    for (let k = 0; k < ss.length; k++) {
      const b = rhos[k] * dot(ys[k], d);
      const s = ss[k];
      for (let i = 0; i < n; i++) d[i] += s[i] * (alphas[k] - b);
    }
    for (let i = 0; i < n; i++) d[i] = -d[i];
    let slope = dot(g, d);
    if (slope >= 0) {
      // Not a descent direction (curvature information went stale): restart from steepest descent.
      for (let i = 0; i < n; i++) d[i] = -g[i];
      slope = dot(g, d);
      ss.length = ys.length = rhos.length = 0;
    }
    let step = ss.length === 0 ? Math.min(1, 1 / Math.sqrt(-slope)) : 1;
    const xNew = new Float64Array(n);
    const gNew = new Float64Array(n);
    let lossNew = Infinity;
    for (let tries = 0; tries < 40; tries++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i] + step * d[i];
      lossNew = f(xNew, gNew);
      if (lossNew <= loss + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(lossNew < loss)) break; // no progress possible along d
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i] - x[i];
      y[i] = gNew[i] - g[i];
    }
    const sy = dot(s, y);
    if (sy > 1e-12) {
      ss.push(s);
      ys.push(y);
      rhos.push(1 / sy);
      if (ss.length > m) {
        ss.shift();
        ys.shift();
        rhos.shift();
      }
    }
    const decrease = (loss - lossNew) / Math.max(1, Math.abs(loss));
    x = xNew;
    g = gNew;
    loss = lossNew;
    if (decrease < tol) {
      it++;
      break;
    }
  }
  return { x, loss, iterations: it };
}
