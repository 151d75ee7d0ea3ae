import { minimizeLbfgs } from './lbfgs';

/**
 * f(x) = ½ xᵀAx − bᵀx with A symmetric positive definite: the minimum is the solution of Ax = b.
 * A is ill-conditioned enough (eigenvalues 1..~400) that steepest descent alone would not get there
 * in the iterations allowed.
 */
function quadratic(n: number): { a: Float64Array[]; b: Float64Array; solution: Float64Array } {
  const a = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    a[i][i] = 1 + (i * i) / 2;
    if (i > 0) a[i][i - 1] = a[i - 1][i] = 0.5;
  }
  const solution = Float64Array.from({ length: n }, (_, i) => Math.sin(i + 1) * 3);
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) b[i] += a[i][j] * solution[j];
  return { a, b, solution };
}

describe('minimizeLbfgs', () => {
  it('finds the minimum of a known quadratic', () => {
    const n = 30;
    const { a, b, solution } = quadratic(n);
    let calls = 0;
    const f = (x: Float64Array, grad: Float64Array): number => {
      calls++;
      let loss = 0;
      for (let i = 0; i < n; i++) {
        let ax = 0;
        for (let j = 0; j < n; j++) ax += a[i][j] * x[j];
        grad[i] = ax - b[i];
        loss += 0.5 * x[i] * ax - b[i] * x[i];
      }
      return loss;
    };
    const result = minimizeLbfgs(f, new Float64Array(n), { maxIterations: 500, tolerance: 1e-14 });
    const minLoss = f(solution, new Float64Array(n));
    expect(result.loss).toBeCloseTo(minLoss, 6);
    for (let i = 0; i < n; i++) expect(result.x[i]).toBeCloseTo(solution[i], 3);
    expect(result.iterations).toBeLessThan(500);
    expect(calls).toBeGreaterThan(result.iterations);
  });

  it('returns the start unchanged when it already is the minimum', () => {
    const f = (x: Float64Array, grad: Float64Array): number => {
      grad[0] = 2 * (x[0] - 1);
      return (x[0] - 1) ** 2;
    };
    const result = minimizeLbfgs(f, Float64Array.from([1]), { maxIterations: 10 });
    expect(result.x[0]).toBe(1);
    expect(result.loss).toBe(0);
  });

  it('never ends above the loss it started from, even when stopped early', () => {
    const f = (x: Float64Array, grad: Float64Array): number => {
      // Rosenbrock: curved valley, far from quadratic.
      grad[0] = -2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] ** 2);
      grad[1] = 200 * (x[1] - x[0] ** 2);
      return (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2;
    };
    const start = Float64Array.from([-1.2, 1]);
    const startLoss = f(start, new Float64Array(2));
    const few = minimizeLbfgs(f, start, { maxIterations: 3 });
    expect(few.loss).toBeLessThan(startLoss);
    const many = minimizeLbfgs(f, start, { maxIterations: 1000, tolerance: 1e-16 });
    expect(many.x[0]).toBeCloseTo(1, 3);
    expect(many.x[1]).toBeCloseTo(1, 3);
  });
});
