/**
 * The scores of tools/dupbench/eval_run.py, ported: binary relevance (positives = positive_ids),
 * the query's own doc removed before scoring, missing queries score 0, every figure averaged over
 * the queries and rounded to 4 decimals the way Python's round() does (ties to even on the exact
 * binary value). ranking-metrics.spec.ts pins it to figures the script printed.
 */

export const CUTOFFS = [1, 5, 10, 20, 100] as const;

export interface ScoredQuery {
  _id: string;
  doc_id: string;
  positive_ids: string[];
}

export type Metrics = Record<string, number>;

/** Python's round(x, digits) for finite x: exact decimal expansion, ties to even. */
export function pyRound(x: number, digits = 4): number {
  const negative = x < 0;
  const exact = Math.abs(x).toFixed(100); // exact: every double has a finite decimal expansion
  const [int, frac] = exact.split('.');
  const kept = int + frac.slice(0, digits);
  const rest = frac.slice(digits);
  const half = '5'.padEnd(rest.length, '0');
  let n = BigInt(kept);
  if (rest > half || (rest === half && n % 2n === 1n)) n += 1n;
  const s = n.toString().padStart(digits + 1, '0');
  const value = Number(`${s.slice(0, s.length - digits)}.${s.slice(s.length - digits)}`);
  return negative ? -value : value;
}

export function scoreRun(
  queries: readonly ScoredQuery[],
  ranked: ReadonlyMap<string, readonly string[]>,
): Metrics {
  const agg: Metrics = {};
  for (const k of CUTOFFS) agg[`Hit@${k}`] = 0;
  for (const k of CUTOFFS) agg[`Recall@${k}`] = 0;
  agg['MRR@10'] = 0;
  agg['nDCG@10'] = 0;
  agg['P@1'] = 0;
  const maxK = Math.max(...CUTOFFS);
  for (const q of queries) {
    const pos = new Set(q.positive_ids);
    const r = (ranked.get(q._id) ?? []).filter((d) => d !== q.doc_id);
    const rel: number[] = r.slice(0, maxK).map((d) => (pos.has(d) ? 1 : 0));
    for (const k of CUTOFFS) {
      const h = rel.slice(0, k).reduce((a, b) => a + b, 0);
      agg[`Hit@${k}`] += h ? 1 : 0;
      agg[`Recall@${k}`] += h / pos.size;
    }
    const first = rel.slice(0, 10).indexOf(1);
    agg['MRR@10'] += first < 0 ? 0 : 1 / (first + 1);
    let dcg = 0;
    rel.slice(0, 10).forEach((x, i) => (dcg += x / Math.log2(i + 2)));
    let idcg = 0;
    for (let i = 0; i < Math.min(10, pos.size); i++) idcg += 1 / Math.log2(i + 2);
    agg['nDCG@10'] += dcg / idcg;
    agg['P@1'] += rel.length > 0 ? rel[0] : 0;
  }
  const out: Metrics = {};
  for (const [k, v] of Object.entries(agg)) out[k] = pyRound(v / queries.length);
  out.queries = queries.length;
  return out;
}
