/**
 * Hostile-text timing (issue 10): every function applied to user text on every hostile input at the
 * largest size the API accepts (test/helpers/hostile-text.ts), against the 50 ms bound per call.
 *
 *   npm run bench:hostile-text -- [--runs 10]
 *
 * Each case runs up to --runs times and the best run counts, by the smaller of its CPU time (user +
 * system, which on a quiet machine also counts the garbage collector's threads) and its wall-clock time
 * (which on a shared machine mostly measures the scheduler); anything quadratic on 20,000 characters
 * costs hundreds of milliseconds by both clocks. Each function is also timed on an ordinary post of the
 * same size (BENIGN), so a loaded machine shows as every figure rising alike, and a super-linear case as
 * one figure far above its function's ordinary post. Prints one row per function (its worst input), the
 * machine's load, and one final JSON line. It measures; it does not gate CI (the unit tier checks that
 * every case completes, and the lint refuses super-linear regular expressions).
 */
import * as os from 'node:os';
import { BENIGN, FUNCTIONS, INPUTS } from '../test/helpers/hostile-text';

const BUDGET_MS = 50;
/** A case within this many times its function's ordinary post is linear work on a slow machine. */
const SLACK = 3;

interface Timing {
  cpu: number;
  wall: number;
}

const costOf = (t: Timing): number => Math.min(t.cpu, t.wall);

function bestOf(runs: number, f: () => unknown): Timing {
  let best: Timing = { cpu: Infinity, wall: Infinity };
  for (let run = 0; run < runs; run++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    f();
    const wall = performance.now() - start;
    const used = process.cpuUsage(cpuStart);
    const t = { cpu: (used.user + used.system) / 1000, wall };
    if (costOf(t) < costOf(best)) best = t;
  }
  return best;
}

interface Row {
  fn: string;
  worstInput: string;
  worstMs: number;
  ordinaryMs: number;
  overBudget: number;
  superLinear: number;
  cases: number;
}

function main(): void {
  const argIndex = process.argv.indexOf('--runs');
  const runs = argIndex > 0 ? Math.max(1, Number(process.argv[argIndex + 1]) || 10) : 10;
  const loadBefore = os.loadavg()[0];
  const rows: Row[] = [];
  for (const [fn, f] of Object.entries(FUNCTIONS)) {
    f('warm up the JIT and caches');
    const ordinaryMs = costOf(bestOf(runs, () => f(BENIGN)));
    let worstInput = '';
    let worstMs = 0;
    let overBudget = 0;
    let superLinear = 0;
    for (const [input, text] of Object.entries(INPUTS)) {
      const ms = costOf(bestOf(runs, () => f(text)));
      if (ms > worstMs) [worstMs, worstInput] = [ms, input];
      if (ms > BUDGET_MS) overBudget++;
      if (ms > BUDGET_MS && ms > SLACK * ordinaryMs) superLinear++;
    }
    rows.push({
      fn,
      worstInput,
      worstMs,
      ordinaryMs,
      overBudget,
      superLinear,
      cases: Object.keys(INPUTS).length,
    });
    process.stderr.write('.');
  }
  process.stderr.write('\n');

  const table = [
    ['function', 'worst ms', 'on input', 'ordinary post ms', `> ${BUDGET_MS} ms`, `> ${SLACK}x ordinary`],
  ];
  for (const r of rows)
    table.push([
      r.fn,
      r.worstMs.toFixed(1),
      r.worstInput,
      r.ordinaryMs.toFixed(1),
      String(r.overBudget),
      String(r.superLinear),
    ]);
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  for (const row of table) console.log(row.map((c, i) => c.padEnd(widths[i])).join('  '));
  const cases = rows.reduce((n, r) => n + r.cases, 0);
  const over = rows.reduce((n, r) => n + r.overBudget, 0);
  const superLinear = rows.reduce((n, r) => n + r.superLinear, 0);
  console.log(
    `\n${cases} cases (${Object.keys(INPUTS).length} inputs x ${rows.length} functions), best of ${runs}; ` +
      `${over} over ${BUDGET_MS} ms, ${superLinear} of them over ${SLACK}x the ordinary post; ` +
      `load ${loadBefore.toFixed(2)} before, ${os.loadavg()[0].toFixed(2)} after (${os.cpus().length} cores)`,
  );
  console.log(
    JSON.stringify({
      budgetMs: BUDGET_MS,
      cases,
      overBudget: over,
      superLinear,
      load: os.loadavg()[0],
      functions: rows.map((r) => ({
        fn: r.fn,
        worstMs: Number(r.worstMs.toFixed(2)),
        worstInput: r.worstInput,
        ordinaryMs: Number(r.ordinaryMs.toFixed(2)),
        overBudget: r.overBudget,
      })),
    }),
  );
}

main();
