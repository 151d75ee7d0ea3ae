import type { Metrics } from './ranking-metrics';

export interface Latency {
  p50: number;
  p95: number;
}

export interface BenchReport {
  project: Metrics;
  plain: Metrics;
  bm25: Metrics | null;
  latency: { project: Latency; plain: Latency; ratio_p50: number; ratio_p95: number };
  /** Extra rows (issue 12): the ranker without the draft vector, and the vector store alone. */
  lexical?: Metrics;
  embedding?: Metrics;
  latency_rows?: Record<string, Latency>;
  [extra: string]: unknown;
}

const SHOWN = ['Hit@1', 'Hit@5', 'Hit@10', 'MRR@10', 'nDCG@10'];

const fmt = (v: number | undefined, digits = 4): string =>
  v === undefined || Number.isNaN(v) ? 'n/a' : v.toFixed(digits);

/** The side-by-side table, then one JSON line for scripts. */
export function printReport(r: BenchReport, title: string): void {
  const rows: string[][] = [
    ['metric', 'project', 'lexical', 'embedding', 'plain', 'BM25 ref', 'project/BM25'],
  ];
  for (const m of SHOWN) {
    const b = r.bm25?.[m];
    rows.push([
      m,
      fmt(r.project[m]),
      fmt(r.lexical?.[m]),
      fmt(r.embedding?.[m]),
      fmt(r.plain[m]),
      fmt(b),
      b ? `${(r.project[m] / b).toFixed(3)}x` : 'n/a',
    ]);
  }
  const lp = r.latency.project;
  const lq = r.latency.plain;
  const extra = (k: 'p50' | 'p95'): string[] => [
    fmt(r.latency_rows?.lexical?.[k], 1),
    fmt(r.latency_rows?.embedding?.[k], 1),
  ];
  rows.push([
    'p50 ms',
    fmt(lp.p50, 1),
    ...extra('p50'),
    fmt(lq.p50, 1),
    '',
    `project/plain ${r.latency.ratio_p50.toFixed(2)}x`,
  ]);
  rows.push([
    'p95 ms',
    fmt(lp.p95, 1),
    ...extra('p95'),
    fmt(lq.p95, 1),
    '',
    `project/plain ${r.latency.ratio_p95.toFixed(2)}x`,
  ]);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  console.log(`\n${title}`);
  rows.forEach((row, i) => {
    console.log(row.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  });
  console.log(JSON.stringify(r));
}
