/**
 * Write throughput benchmark (issue 18): askQuestion over GraphQL over HTTP at 1, 8 and 32 concurrent
 * writers, each writer its own member, most questions carrying the popular tag 花呗 (the shape that
 * deadlocked on question_tags before the fix).
 *
 *   npm run bench:writes -- [--seconds 10] [--max-asks 3000] [--levels 1,8,32]
 *
 * The whole API is booted in-process exactly as production builds it (createApiApp) on a fresh
 * database (qa_forum_bench_writes, dropped before and after), with RATE_LIMIT=off and SEARCH_RELAY=off
 * (the outbox rows are written as always; nothing feeds Meilisearch, whose embedded server, if any part
 * of the app asks for it, runs under .data/bench-writes). Each level runs for --seconds or until
 * --max-asks questions, whichever comes first, and prints asks per second, p50/p95 latency, failed
 * writes (any GraphQL error), and the deadlock / lock-wait retries and give-ups that inTransaction
 * counted in /metrics during the level.
 */
import 'reflect-metadata';
import { Metrics } from '@app/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { createApiApp } from '../apps/api/src/bootstrap';
import { dropBenchDatabase } from './lib/bench-context';
import { percentile } from './lib/percentile';

const DATABASE = 'qa_forum_bench_writes';
const POPULAR = '花呗';
const SECOND_TAGS = ['还款', '自动扣款', '逾期', '额度', '分期'];
const ASK = `mutation BenchAsk($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }`;
const USAGE = 'usage: npm run bench:writes -- [--seconds 10] [--max-asks 3000] [--levels 1,8,32]';

interface Options {
  seconds: number;
  maxAsks: number;
  levels: number[];
}

interface LevelResult {
  writers: number;
  asks: number;
  failed: number;
  seconds: number;
  p50: number;
  p95: number;
  retries: number;
  giveUps: number;
  errorCodes: Record<string, number>;
}

function parseOptions(argv: readonly string[]): Options {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || i + 1 >= argv.length)
      throw new Error(`${USAGE}\nunexpected: ${argv[i]}`);
    values.set(argv[i].slice(2), argv[i + 1]);
  }
  const seconds = Number(values.get('seconds') ?? 10);
  const maxAsks = Number(values.get('max-asks') ?? 3000);
  const levels = (values.get('levels') ?? '1,8,32').split(',').map(Number);
  if (!(seconds > 0 && seconds <= 600)) throw new Error('--seconds must be in (0, 600]');
  if (!(Number.isInteger(maxAsks) && maxAsks > 0)) throw new Error('--max-asks must be > 0');
  if (levels.some((l) => !(Number.isInteger(l) && l > 0 && l <= 256))) throw new Error('--levels: 1..256');
  return { seconds, maxAsks, levels };
}

function benchWritesEnvironment(): void {
  const url = new URL(process.env.DATABASE_URL || 'mysql://root@127.0.0.1:3306/qa_forum');
  url.pathname = `/${DATABASE}`;
  process.env.DATABASE_URL = url.toString();
  process.env.NODE_ENV = 'development';
  process.env.DB_AUTO_CREATE = 'true';
  process.env.RATE_LIMIT = 'off';
  process.env.SEARCH_RELAY = 'off';
  process.env.MEILI_DATA_DIR = process.env.MEILI_URL ? process.env.MEILI_DATA_DIR : '.data/bench-writes';
  process.env.MEILI_INDEX_PREFIX = 'bench_writes';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'error';
  process.env.LOG_PRETTY = 'false';
}

async function gql<T>(
  url: string,
  query: string,
  variables: object,
  token?: string,
): Promise<{ data?: T; errors?: { extensions?: { code?: string } }[] }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: T; errors?: { extensions?: { code?: string } }[] };
}

async function registerMembers(url: string, n: number): Promise<string[]> {
  const tokens: string[] = [];
  const run = Date.now().toString(36);
  for (let i = 0; i < n; i++) {
    const res = await gql<{ register: { token: string } }>(
      url,
      'mutation($input: RegisterInput!) { register(input: $input) { token } }',
      { input: { handle: `bw_${run}_${i}`, password: 'correct horse battery', displayName: `压测用户${i}` } },
    );
    if (!res.data) throw new Error(`register failed: ${JSON.stringify(res.errors)}`);
    tokens.push(res.data.register.token);
  }
  return tokens;
}

/** Sum of a counter's series (all reasons). */
async function counterTotal(counter: Metrics['transactionRetries']): Promise<number> {
  const { values } = await counter.get();
  return values.reduce((sum, v) => sum + v.value, 0);
}

async function runLevel(
  url: string,
  tokens: string[],
  writers: number,
  o: Options,
  metrics: Metrics,
): Promise<LevelResult> {
  const retriesBefore = await counterTotal(metrics.transactionRetries);
  const giveUpsBefore = await counterTotal(metrics.transactionGiveUps);
  const latencies: number[] = [];
  const errorCodes: Record<string, number> = {};
  let started = 0;
  let failed = 0;
  const t0 = performance.now();
  const deadline = t0 + o.seconds * 1000;
  const writer = async (w: number): Promise<void> => {
    for (let n = 0; performance.now() < deadline && started < o.maxAsks; n++) {
      started += 1;
      // Nine in ten carry 花呗 (most questions here do), with a second tag from a small set.
      const tags =
        n % 10 === 9
          ? ['借呗', SECOND_TAGS[n % SECOND_TAGS.length]]
          : [POPULAR, SECOND_TAGS[(w + n) % SECOND_TAGS.length]];
      const input = {
        title: `花呗还款失败怎么办（${writers}-${w}-${n}）`,
        body: '绑定的银行卡余额充足，但花呗自动还款一直提示扣款失败，已经重新绑卡了。',
        tags,
      };
      const t = performance.now();
      const res = await gql<{ askQuestion: { question: { id: string } } }>(url, ASK, { input }, tokens[w]);
      latencies.push(performance.now() - t);
      if (res.errors?.length || !res.data) {
        failed += 1;
        const code = res.errors?.[0]?.extensions?.code ?? 'NO_DATA';
        errorCodes[code] = (errorCodes[code] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
  const seconds = (performance.now() - t0) / 1000;
  return {
    writers,
    asks: latencies.length,
    failed,
    seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    retries: (await counterTotal(metrics.transactionRetries)) - retriesBefore,
    giveUps: (await counterTotal(metrics.transactionGiveUps)) - giveUpsBefore,
    errorCodes,
  };
}

function printTable(results: LevelResult[]): void {
  const rows = [['writers', 'asks', 'failed', 'asks/s', 'p50 ms', 'p95 ms', 'lock retries', 'give-ups']];
  for (const r of results) {
    rows.push([
      String(r.writers),
      String(r.asks),
      String(r.failed),
      ((r.asks - r.failed) / r.seconds).toFixed(1),
      r.p50.toFixed(1),
      r.p95.toFixed(1),
      String(r.retries),
      String(r.giveUps),
    ]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  for (const row of rows) console.log(row.map((cell, c) => cell.padStart(widths[c])).join('  '));
  console.log(JSON.stringify({ bench: 'writes', results }));
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  benchWritesEnvironment();
  await dropBenchDatabase(DATABASE);
  let app: NestExpressApplication | undefined;
  try {
    app = await createApiApp();
    await app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}/graphql`;
    const metrics = app.get(Metrics);
    const tokens = await registerMembers(url, Math.max(...o.levels));
    console.log(
      `askQuestion over HTTP: ${o.seconds} s or ${o.maxAsks} asks per level, database ${DATABASE}, pool ${process.env.DATABASE_POOL_SIZE ?? 10}`,
    );
    const results: LevelResult[] = [];
    for (const writers of o.levels) {
      const r = await runLevel(url, tokens, writers, o, metrics);
      results.push(r);
      const codes = Object.keys(r.errorCodes).length ? ` errors ${JSON.stringify(r.errorCodes)}` : '';
      console.log(`  ${writers} writer(s): ${r.asks} asks in ${r.seconds.toFixed(1)} s${codes}`);
    }
    printTable(results);
  } finally {
    await app?.close();
    await dropBenchDatabase(DATABASE);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
