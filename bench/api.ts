/**
 * Whole-API benchmark (issue 13): seeds N threads in bulk through the product's entities and its own
 * reindex, starts the API as production runs it (compiled, NODE_ENV=production, its own process),
 * then measures side by side in one run, each path next to its floor:
 *
 *   searchQuestions (10 hits, hydrated)  vs  a raw Meilisearch search of the same query, 1 and 8 connections
 *   similarQuestions                    vs  a raw Meilisearch search of the same title (limit 5)
 *   thread page (30 answers)            vs  a bare node:http + mysql2 handler running the same SQL
 *   question list, user page; ask / answer / vote / accept throughput; asked → searchable lag at
 *   about 50 writes/s; API resident memory; reindex time.
 *
 *   npm run bench:api -- [--sizes 10000,100000] [--million] [--seconds 10] [--only search,thread,…]
 *                        [--lag-rate 50] [--profile] [--no-build] [--keep] [--reuse]
 *
 * --keep leaves the database and the Meilisearch data in place; --reuse then skips seeding and reindexing
 * when they hold the same size (one size per run), for before/after runs of the same forum; --dist runs
 * the API compiled elsewhere (--no-build), e.g. the code before a change.
 *
 * Prints a table per size and one final JSON line. Figures are for comparing within one run (the
 * ratios); the machine's load average is printed with each of them. --profile runs the API under
 * --cpu-prof and prints its top self-time functions (.data/bench-api/profile/*.cpuprofile).
 * --instances 2 runs two API instances and a worker sharing MySQL and Redis (see bench/lib/api/cluster.ts).
 */
import 'reflect-metadata';
import { CoreModule, parseDatabaseUrl } from '@app/core';
import { FollowsModule } from '@app/notifications';
import {
  ReindexService,
  SearchIndexModule,
  buildSearchFilter,
  cleanQuery,
  searchParams,
  searchRequest,
  startEmbeddedMeilisearch,
  freePort,
  type EmbeddedMeili,
} from '@app/search';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { dropBenchDatabase } from './lib/bench-context';
import { readCorpus, readQueries } from './lib/dataset';
import { percentile } from './lib/percentile';
import { gql, LoadResult, measure } from './lib/api/load';
import * as ops from './lib/api/operations';
import { captureThreadSql } from './lib/api/capture-sql';
import { summarizeProfiles } from './lib/api/profile-summary';
import {
  buildServer,
  Child,
  diskMb,
  load,
  memoryOf,
  REPO,
  startChild,
  stopChild,
  waitForGraphql,
  waitForLogLine,
} from './lib/api/processes';
import { seedThreads, SeedResult } from './lib/api/seed-threads';

const DATABASE = 'qa_forum_bench_api';
const PREFIX = 'bench_api';
const WORK = path.join(REPO, '.data/bench-api');
const AFQMC = process.env.BENCH_AFQMC_DIR ?? '/work/shared/data/afqmc';
const PHASES = ['search', 'similar', 'thread', 'lists', 'writes', 'lag'] as const;
type Phase = (typeof PHASES)[number];
const USAGE =
  'usage: npm run bench:api -- [--sizes 10000,100000] [--million] [--seconds 10] [--only search,similar,thread,lists,writes,lag] [--lag-rate 50] [--profile] [--no-build] [--keep] [--reuse] [--dist dist]';

interface Options {
  sizes: number[];
  seconds: number;
  only: Set<Phase>;
  profile: boolean;
  build: boolean;
  keep: boolean;
  reuse: boolean;
  lagRate: number;
  dist: string;
}

function parseOptions(argv: readonly string[]): Options {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`${USAGE}\nunexpected: ${a}`);
    if (['--million', '--profile', '--no-build', '--keep', '--reuse'].includes(a)) flags.add(a.slice(2));
    else if (i + 1 < argv.length) values.set(a.slice(2), argv[++i]);
    else throw new Error(`${USAGE}\nmissing value: ${a}`);
  }
  const sizes = (values.get('sizes') ?? '10000,100000').split(',').map(Number);
  if (flags.has('million')) sizes.push(1000000);
  if (sizes.some((n) => !(Number.isInteger(n) && n >= 100 && n <= 5000000)))
    throw new Error('--sizes: 100..5000000');
  const seconds = Number(values.get('seconds') ?? 10);
  if (!(seconds >= 1 && seconds <= 300)) throw new Error('--seconds: 1..300');
  const only = new Set((values.get('only') ?? PHASES.join(',')).split(',') as Phase[]);
  for (const p of only) if (!PHASES.includes(p)) throw new Error(`--only: one of ${PHASES.join(',')}`);
  const lagRate = Number(values.get('lag-rate') ?? 50);
  if (!(lagRate > 0 && lagRate <= 1000)) throw new Error('--lag-rate: 1..1000 asks/s');
  return {
    dist: path.resolve(REPO, values.get('dist') ?? 'dist'),
    reuse: flags.has('reuse'),
    lagRate,
    sizes,
    seconds,
    only,
    profile: flags.has('profile'),
    build: !flags.has('no-build'),
    keep: flags.has('keep'),
  };
}

@Module({
  imports: [CoreModule.forRoot({ migrateOutsideProduction: true }), FollowsModule, SearchIndexModule],
})
class SeedModule {}

interface SizeReport {
  threads: number;
  seed: SeedResult;
  reindexMs: number;
  mysqlMb: number;
  meiliMb: number;
  loads: LoadResult[];
  ratios: Record<string, number>;
  writes: Record<string, number>;
  lag: {
    n: number;
    p50: number;
    p95: number;
    max: number;
    writesPerSecond: number;
    lost: number;
    failed: number;
  } | null;
  threadSqlCount: number | null;
  api: { rssMb: number; peakMb: number };
  loadAvg: number[];
}

function databaseUrl(): string {
  const url = new URL(process.env.DATABASE_URL || 'mysql://root@127.0.0.1:3306/qa_forum');
  url.pathname = `/${DATABASE}`;
  return url.toString();
}

async function mysqlSizeMb(db: DataSource): Promise<number> {
  const [row] = (await db.query(
    'SELECT COALESCE(SUM(data_length + index_length), 0) AS bytes FROM information_schema.tables WHERE table_schema = ?',
    [DATABASE],
  )) as { bytes: string }[];
  return Number(row.bytes) / 1048576;
}

/** Fresh database, N threads, the index rebuilt by the product's reindex. */
async function seed(
  n: number,
  corpus: string[],
): Promise<{ seed: SeedResult; reindexMs: number; mysqlMb: number }> {
  await dropBenchDatabase(DATABASE);
  const ctx = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  try {
    const db = ctx.get(DataSource);
    let last = Date.now();
    const seeded = await seedThreads(db, {
      threads: n,
      corpus,
      onProgress: (done, total) => {
        if (Date.now() - last > 5000 || done === total) {
          last = Date.now();
          console.log(`  seeded ${done}/${total} threads`);
        }
      },
    });
    console.log(
      `  seed: ${seeded.questions} questions, ${seeded.answers} answers, ${seeded.votes} votes, ${seeded.users} users in ${(seeded.ms / 1000).toFixed(1)} s (load ${load()})`,
    );
    const reindex = await ctx.get(ReindexService).reindex();
    console.log(
      `  reindex: ${reindex.documents} documents in ${(reindex.ms / 1000).toFixed(1)} s (load ${load()})`,
    );
    return { seed: seeded, reindexMs: reindex.ms, mysqlMb: await mysqlSizeMb(db) };
  } finally {
    await ctx.close();
  }
}

function apiEnv(port: number, meili: EmbeddedMeili, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL: databaseUrl(),
    JWT_SECRET: randomBytes(32).toString('hex'),
    MEILI_URL: meili.url,
    MEILI_MASTER_KEY: meili.masterKey,
    MEILI_INDEX_PREFIX: PREFIX,
    RATE_LIMIT: 'off',
    // The memory target is without an embedding model (BENCH_EMBEDDINGS=on loads it, as production may).
    EMBEDDINGS: process.env.BENCH_EMBEDDINGS ?? 'off',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
    LOG_PRETTY: 'false',
    ...extra,
  };
}

const fmt = (v: number, d = 1): string => (Number.isFinite(v) ? v.toFixed(d) : 'n/a');

function printSize(r: SizeReport): void {
  console.log(
    `\n== ${r.threads} threads ==  (machine load avg ${r.loadAvg.map((l) => l.toFixed(2)).join(' ')}, ${os.cpus().length} cores)`,
  );
  const rows = [['path', 'conns', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'load(1m)']];
  for (const l of r.loads) {
    rows.push([
      l.label,
      String(l.connections),
      fmt(l.rps),
      fmt(l.p50),
      fmt(l.p99),
      String(l.errors + l.non2xx),
      fmt(l.load[0], 2),
    ]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  for (const row of rows)
    console.log(
      row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '),
    );
  for (const [k, v] of Object.entries(r.ratios)) console.log(`  ${k.padEnd(44)} ${fmt(v, 2)}`);
  for (const [k, v] of Object.entries(r.writes)) console.log(`  ${k.padEnd(44)} ${fmt(v, 1)}`);
  if (r.lag) {
    console.log(
      `  asked → searchable at ${fmt(r.lag.writesPerSecond)} writes/s: p50 ${fmt(r.lag.p50)} ms, p95 ${fmt(r.lag.p95)} ms, max ${fmt(r.lag.max)} ms over ${r.lag.n} asks, ${r.lag.lost} never found, ${r.lag.failed} asks failed`,
    );
  }
  if (r.threadSqlCount !== null) console.log(`  thread page SQL statements: ${r.threadSqlCount}`);
  console.log(
    `  seed ${fmt(r.seed.ms / 1000)} s, reindex ${fmt(r.reindexMs / 1000)} s, MySQL ${fmt(r.mysqlMb)} MB, Meilisearch data ${fmt(r.meiliMb)} MB, API RSS ${fmt(r.api.rssMb)} MB (peak ${fmt(r.api.peakMb)} MB)`,
  );
}

async function registerMembers(url: string, n: number): Promise<{ token: string; id: string }[]> {
  const run = Date.now().toString(36);
  const out: { token: string; id: string }[] = [];
  for (let i = 0; i < n; i++) {
    const d = await gql<{ register: { token: string; user: { id: string } } }>(url, ops.REGISTER, {
      input: {
        handle: `ba_${run}_${i}`,
        password: 'correct horse battery staple',
        displayName: `压测成员${i}`,
      },
    });
    out.push({ token: d.register.token, id: d.register.user.id });
  }
  return out;
}

const body = (query: string, variables: object): string => JSON.stringify({ query, variables });

async function measurePaths(
  o: Options,
  apiUrl: string,
  meili: EmbeddedMeili,
  queries: string[],
  seeded: SeedResult,
  bareUrl: string | null,
  report: SizeReport,
): Promise<void> {
  const s = o.seconds;
  const graphql = `${apiUrl}/graphql`;
  const meiliSearch = (uid: string): string => `${meili.url}/indexes/${uid}/search`;
  const meiliHeaders = { authorization: `Bearer ${meili.masterKey}` };
  const q = (n: number): string => queries[n % queries.length];
  const byLabel = (label: string, c: number): LoadResult | undefined =>
    report.loads.find((l) => l.label === label && l.connections === c);
  const add = async (spec: Parameters<typeof measure>[0]): Promise<LoadResult> => {
    const r = await measure(spec);
    console.log(
      `  ${spec.label} ×${spec.connections}: ${fmt(r.rps)} req/s, p50 ${fmt(r.p50)} ms, p99 ${fmt(r.p99)} ms (load ${load()})`,
    );
    report.loads.push(r);
    return r;
  };
  // Warm-up, not recorded: the API's first seconds (JIT, pools, caches, start-up work) are not the path's cost.
  const warm = Math.min(3, s);
  if (o.only.has('search')) {
    // A sanity request each: the load runs measure answers, not errors.
    await gql(graphql, ops.SEARCH, { query: q(0) });
    await measure({
      label: 'warm-up',
      url: graphql,
      connections: 8,
      seconds: warm,
      body: (n) => body(ops.SEARCH, { query: q(n) }),
    });
    // The request searchQuestions itself sends (federated rotations, highlight, crop, facets): what
    // Meilisearch alone costs the path, beside the plain search the targets compare with.
    // (Federated multi-searches only: one URL per load run; the AFQMC queries nearly all have several words.)
    const productBodies = queries
      .map((text) => {
        const query = cleanQuery(text);
        return searchRequest(`${PREFIX}_questions`, query, searchParams(buildSearchFilter({}), false), 0, 11);
      })
      .filter((r) => r.path === 'multi-search')
      .map((r) => JSON.stringify(r.body));
    console.log(
      `  product requests: ${productBodies.length} of ${queries.length} queries are federated multi-searches`,
    );
    for (const c of [1, 8]) {
      await add({
        label: 'meili raw search',
        url: meiliSearch(`${PREFIX}_questions`),
        connections: c,
        seconds: s,
        headers: meiliHeaders,
        body: (n) => JSON.stringify({ q: q(n), limit: 10 }),
      });
      await add({
        label: 'meili raw, product request',
        url: `${meili.url}/multi-search`,
        connections: c,
        seconds: s,
        headers: meiliHeaders,
        body: (n) => productBodies[n % productBodies.length],
      });
      await add({
        label: 'searchQuestions',
        url: graphql,
        connections: c,
        seconds: s,
        body: (n) => body(ops.SEARCH, { query: q(n) }),
      });
    }
    const raw1 = byLabel('meili raw search', 1);
    const api1 = byLabel('searchQuestions', 1);
    const raw8 = byLabel('meili raw search', 8);
    const api8 = byLabel('searchQuestions', 8);
    if (raw1 && api1) report.ratios['search p50 api/raw ×1 (target ≤ 2)'] = api1.p50 / raw1.p50;
    if (raw8 && api8) report.ratios['search throughput api/raw ×8 (target ≥ 0.5)'] = api8.rps / raw8.rps;
    const prod1 = byLabel('meili raw, product request', 1);
    const prod8 = byLabel('meili raw, product request', 8);
    if (prod1 && api1) report.ratios['search p50 api/raw product request ×1'] = api1.p50 / prod1.p50;
    if (prod8 && api8) report.ratios['search throughput api/raw product request ×8'] = api8.rps / prod8.rps;
  }
  if (o.only.has('similar')) {
    await gql(graphql, ops.SIMILAR, { title: q(1) });
    await add({
      label: 'meili raw search (limit 5)',
      url: meiliSearch(`${PREFIX}_questions`),
      connections: 1,
      seconds: s,
      headers: meiliHeaders,
      body: (n) => JSON.stringify({ q: q(n), limit: 5 }),
    });
    await add({
      label: 'similarQuestions',
      url: graphql,
      connections: 1,
      seconds: s,
      body: (n) => body(ops.SIMILAR, { title: q(n) }),
    });
    const raw = byLabel('meili raw search (limit 5)', 1);
    const api = byLabel('similarQuestions', 1);
    if (raw && api) report.ratios['similar p50 api/raw ×1'] = api.p50 / raw.p50;
  }
  if (o.only.has('thread')) {
    const id = seeded.hotThreadIds[0];
    await gql(graphql, ops.THREAD, { id });
    await measure({
      label: 'warm-up',
      url: graphql,
      connections: 8,
      seconds: warm,
      body: () => body(ops.THREAD, { id }),
    });
    await add({
      label: 'thread page',
      url: graphql,
      connections: 8,
      seconds: s,
      body: () => body(ops.THREAD, { id }),
    });
    if (bareUrl) {
      await add({
        label: 'bare http+mysql2 (same SQL)',
        url: bareUrl,
        connections: 8,
        seconds: s,
        method: 'GET',
      });
      const api = byLabel('thread page', 8);
      const bare = byLabel('bare http+mysql2 (same SQL)', 8);
      if (api && bare) report.ratios['thread throughput api/bare ×8 (target ≥ 0.5)'] = api.rps / bare.rps;
    }
  }
  if (o.only.has('lists')) {
    await gql(graphql, ops.LIST, {});
    await gql(graphql, ops.PROFILE, { handle: seeded.busyHandle });
    await add({
      label: 'question list (20)',
      url: graphql,
      connections: 8,
      seconds: s,
      body: () => body(ops.LIST, {}),
    });
    await add({
      label: 'user page',
      url: graphql,
      connections: 8,
      seconds: s,
      body: () => body(ops.PROFILE, { handle: seeded.busyHandle }),
    });
  }
}

/** Write throughput over HTTP: 8 connections, each its own member; successes counted from the database. */
async function measureWrites(
  o: Options,
  graphql: string,
  members: { token: string; id: string }[],
  corpus: string[],
  seeded: SeedResult,
  db: DataSource,
  report: SizeReport,
): Promise<void> {
  const count = async (table: string): Promise<number> =>
    Number(((await db.query(`SELECT COUNT(*) AS n FROM ${table}`)) as { n: string }[])[0].n);
  // One autocannon run per member (its token in the headers), all at once: 8 members, 8 connections.
  const perMember = async (
    label: string,
    table: string | (() => Promise<number>),
    make: (n: number, m: number) => string,
  ): Promise<void> => {
    const counted = (): Promise<number> => (typeof table === 'string' ? count(table) : table());
    const before = await counted();
    const started = Date.now();
    const results = await Promise.all(
      members.map((m, i) =>
        measure({
          label,
          url: graphql,
          connections: 1,
          seconds: o.seconds,
          headers: { authorization: `Bearer ${m.token}` },
          body: (n) => make(n, i),
        }),
      ),
    );
    const seconds = (Date.now() - started) / 1000;
    const written = (await counted()) - before;
    const total: LoadResult = {
      ...results[0],
      connections: members.length,
      rps: results.reduce((a, r) => a + r.rps, 0),
      p50: percentile(
        results.map((r) => r.p50),
        50,
      ),
      p99: Math.max(...results.map((r) => r.p99)),
      requests: results.reduce((a, r) => a + r.requests, 0),
      errors: results.reduce((a, r) => a + r.errors, 0),
      non2xx: results.reduce((a, r) => a + r.non2xx, 0),
    };
    report.loads.push(total);
    report.writes[`${label}: rows written/s (×${members.length})`] = written / seconds;
    console.log(
      `  ${label} ×${members.length}: ${fmt(written / seconds)} rows/s, p50 ${fmt(total.p50)} ms (load ${load()})`,
    );
  };
  await perMember('askQuestion', 'questions', (n, m) =>
    body(ops.ASK, {
      input: {
        title: `${corpus[(n * 8 + m) % corpus.length]} ${m}-${n}`,
        body: corpus[(n * 5 + m + 1) % corpus.length],
        tags: ['花呗'],
      },
    }),
  );
  // Answers go to the questions the other members just asked, so that each asker can accept them next.
  const memberIds = members.map((m) => m.id);
  const asked = (await db.query(
    `SELECT id, author_id AS authorId FROM questions WHERE author_id IN (${memberIds.map(() => '?').join(',')}) ORDER BY id`,
    memberIds,
  )) as { id: string; authorId: string }[];
  const othersOf = members.map((m) =>
    asked.filter((q) => String(q.authorId) !== m.id).map((q) => String(q.id)),
  );
  await perMember('postAnswer', 'answers', (n, m) =>
    body(ops.ANSWER, {
      input: {
        questionId:
          othersOf[m].length > 0
            ? othersOf[m][(n * 7) % othersOf[m].length]
            : String(1 + (((n * 8 + m) * 37) % seeded.questions)),
        body: `${corpus[(n + m * 3) % corpus.length]}，试试重新绑卡。`,
      },
    }),
  );
  // Each asker accepts an answer on each of its questions (rows: its questions that became accepted).
  const answered = (await db.query(
    `SELECT q.author_id AS authorId, MIN(a.id) AS answerId FROM questions q
       JOIN answers a ON a.question_id = q.id AND a.author_id <> q.author_id
      WHERE q.author_id IN (${memberIds.map(() => '?').join(',')}) AND q.accepted_answer_id IS NULL
      GROUP BY q.id, q.author_id ORDER BY q.id`,
    memberIds,
  )) as { authorId: string; answerId: string }[];
  const acceptable = members.map((m) =>
    answered.filter((r) => String(r.authorId) === m.id).map((r) => String(r.answerId)),
  );
  const accepted = async (): Promise<number> =>
    Number(
      (
        (await db.query(
          `SELECT COUNT(*) AS n FROM questions WHERE accepted_answer_id IS NOT NULL AND author_id IN (${memberIds.map(() => '?').join(',')})`,
          memberIds,
        )) as { n: string }[]
      )[0].n,
    );
  console.log(`  accept: ${answered.length} answered questions of the members to accept`);
  await perMember('acceptAnswer', accepted, (n, m) =>
    body(ops.ACCEPT, { answerId: acceptable[m][n % Math.max(1, acceptable[m].length)] ?? '1' }),
  );
  await perMember('vote', 'votes', (n, m) =>
    body(ops.VOTE, {
      input: {
        targetType: 'QUESTION',
        targetId: String(1 + (((n * 8 + m) * 13) % seeded.questions)),
        value: 'UP',
      },
    }),
  );
}

/** asked → searchable: one ask every 1/rate s (not waiting for the previous), each polled in raw Meilisearch. */
async function measureLag(
  o: Options,
  graphql: string,
  token: string,
  meili: EmbeddedMeili,
  rate: number,
): Promise<SizeReport['lag']> {
  const letters = (n: number): string => {
    let s = '';
    do {
      s = String.fromCharCode(97 + (n % 26)) + s;
      n = Math.floor(n / 26);
    } while (n > 0);
    return s;
  };
  const run = letters(Date.now() % 1000000);
  const lags: number[] = [];
  let lost = 0;
  const pending: Promise<void>[] = [];
  const started = Date.now();
  const total = Math.round(rate * o.seconds);
  let failed = 0;
  const probe = async (n: number): Promise<void> => {
    try {
      await probeOnce(n);
    } catch {
      failed++; // a refused or timed-out ask: counted, not measured
    }
  };
  const probeOnce = async (n: number): Promise<void> => {
    const marker = `lagprobe${run}q${letters(n)}`;
    const d = await gql<{ askQuestion: { question: { id: string } } }>(
      graphql,
      ops.ASK,
      { input: { title: `花呗还款延迟测试 ${marker}`, body: '自动还款失败，余额充足。', tags: ['花呗'] } },
      token,
    );
    const id = d.askQuestion.question.id;
    const asked = performance.now();
    const deadline = asked + 30000;
    while (performance.now() < deadline) {
      const res = await fetch(`${meili.url}/indexes/${PREFIX}_questions/search`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${meili.masterKey}` },
        body: JSON.stringify({ q: marker, limit: 20, attributesToRetrieve: ['id'] }),
      });
      const hits = ((await res.json()) as { hits: { id: string }[] }).hits;
      if (hits.some((h) => String(h.id) === id)) {
        lags.push(performance.now() - asked);
        return;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    lost++;
  };
  for (let n = 0; n < total; n++) {
    const due = started + (n * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(probe(n));
  }
  const sentSeconds = (Date.now() - started) / 1000;
  await Promise.all(pending);
  return {
    n: lags.length,
    p50: percentile(lags, 50),
    p95: percentile(lags, 95),
    max: Math.max(...lags),
    writesPerSecond: total / sentSeconds,
    lost,
    failed,
  };
}

async function benchSize(
  o: Options,
  n: number,
  meili: EmbeddedMeili,
  corpus: string[],
  queries: string[],
): Promise<SizeReport> {
  const saved = path.join(WORK, `seed-${n}.json`);
  let seeded: { seed: SeedResult; reindexMs: number; mysqlMb: number };
  if (o.reuse && fs.existsSync(saved)) {
    seeded = JSON.parse(fs.readFileSync(saved, 'utf8')) as typeof seeded;
    console.log(`\n-- ${n} threads: reusing the forum seeded earlier (${saved}) (load ${load()})`);
  } else {
    console.log(`\n-- ${n} threads: seeding (load ${load()})`);
    seeded = await seed(n, corpus);
    fs.writeFileSync(saved, JSON.stringify(seeded));
  }
  const report: SizeReport = {
    threads: n,
    seed: seeded.seed,
    reindexMs: seeded.reindexMs,
    mysqlMb: seeded.mysqlMb,
    meiliMb: diskMb(path.join(WORK, 'meili')),
    loads: [],
    ratios: {},
    writes: {},
    lag: null,
    threadSqlCount: null,
    api: { rssMb: NaN, peakMb: NaN },
    loadAvg: [],
  };
  // The thread page's SQL, captured from TypeORM in a throw-away in-process API (bench/lib/api/capture-sql.ts).
  let bare: Child | null = null;
  let bareUrl: string | null = null;
  if (o.only.has('thread')) {
    const captured = await captureThreadSql(
      apiEnv(0, meili, { NODE_ENV: 'test' }),
      seeded.seed.hotThreadIds[0],
    );
    report.threadSqlCount = captured.length;
    const sqlFile = path.join(WORK, 'thread-sql.json');
    fs.writeFileSync(sqlFile, JSON.stringify(captured, null, 1));
    const port = await freePort();
    bare = startChild(
      'bare',
      path.join(__dirname, 'lib/api/bare-thread-server.mjs'),
      { PATH: process.env.PATH, DATABASE_URL: databaseUrl(), PORT: String(port), BARE_SQL_FILE: sqlFile },
      WORK,
    );
    bareUrl = `http://127.0.0.1:${port}/`;
  }
  const port = await freePort();
  const profileDir = path.join(WORK, 'profile', String(n));
  fs.rmSync(profileDir, { recursive: true, force: true });
  const api = startChild(
    'api',
    path.join(o.dist, 'apps/api/src/main.js'),
    apiEnv(port, meili),
    WORK,
    o.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  );
  const apiUrl = `http://127.0.0.1:${port}`;
  const ds = new DataSource({
    type: 'mysql',
    ...parseDatabaseUrl(databaseUrl()),
    supportBigNumbers: true,
    bigNumberStrings: true,
  });
  try {
    await waitForGraphql(api, `${apiUrl}/graphql`);
    // The API builds duplicate detection's term statistics from the whole index after it listens
    // (100k threads: 5-35 s here, Meilisearch paging meanwhile): measured runs start after it, so
    // they compare steady states (issue 13: at 100k the first windows fell inside it).
    const statsMs = await waitForLogLine(api, /term statistics rebuilt/, 300000);
    console.log(
      statsMs === null
        ? `  the API's term statistics were not reported built within 300 s; measuring anyway (load ${load()})`
        : `  the API's start-up term statistics built ${fmt(statsMs / 1000, 1)} s after it answered (load ${load()})`,
    );
    await ds.initialize();
    await measurePaths(o, apiUrl, meili, queries, seeded.seed, bareUrl, report);
    if (o.only.has('writes') || o.only.has('lag')) {
      const members = await registerMembers(`${apiUrl}/graphql`, 9);
      if (o.only.has('writes'))
        await measureWrites(o, `${apiUrl}/graphql`, members.slice(0, 8), corpus, seeded.seed, ds, report);
      if (o.only.has('lag')) {
        const lag = await measureLag(o, `${apiUrl}/graphql`, members[8].token, meili, o.lagRate);
        report.lag = lag;
        console.log(`  lag: p50 ${fmt(lag?.p50 ?? NaN)} ms, p95 ${fmt(lag?.p95 ?? NaN)} ms (load ${load()})`);
      }
    }
    report.api = memoryOf(api.proc.pid);
    report.loadAvg = os.loadavg();
  } finally {
    await stopChild(api);
    if (bare) await stopChild(bare);
    if (ds.isInitialized) await ds.destroy();
  }
  report.meiliMb = diskMb(path.join(WORK, 'meili'));
  printSize(report);
  if (o.profile) {
    const windows = report.loads
      .filter((l) => !l.label.startsWith('meili') && !l.label.startsWith('bare'))
      .map((l) => ({ label: `${l.label} ×${l.connections}`, ...l.window }));
    for (const line of summarizeProfiles(profileDir, windows)) console.log(line);
  }
  return report;
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  process.env.DATABASE_URL = databaseUrl();
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL = 'warn';
  process.env.MEILI_INDEX_PREFIX = PREFIX;
  // The seeding process's reindex embeds every question when the model is on (tens of minutes at
  // 100k on this machine): like the API, off unless BENCH_EMBEDDINGS=on.
  process.env.EMBEDDINGS = process.env.BENCH_EMBEDDINGS ?? 'off';
  const corpus = readCorpus(AFQMC).map((e) => (e.title ? `${e.title} ${e.text}` : e.text).slice(0, 140));
  const queries = readQueries(AFQMC, 'dev')
    .map((q) => q.text.slice(0, 100))
    .slice(0, 500);
  console.log(
    `bench:api sizes ${o.sizes.join(', ')}, ${o.seconds} s per run, ${os.cpus().length} cores, load ${load()}`,
  );
  if (o.build) {
    console.log(`building the server into ${o.dist} (tsc; --no-build to reuse it)`);
    await buildServer(o.dist);
  }
  fs.mkdirSync(WORK, { recursive: true });
  if (o.reuse && o.sizes.length > 1) throw new Error('--reuse: one size per run');
  if (!o.reuse) {
    fs.rmSync(path.join(WORK, 'meili'), { recursive: true, force: true });
    for (const f of fs.readdirSync(WORK).filter((f) => f.startsWith('seed-'))) fs.rmSync(path.join(WORK, f));
  }
  const meili = await startEmbeddedMeilisearch({ dataDir: path.join(WORK, 'meili'), port: await freePort() });
  process.env.MEILI_URL = meili.url;
  process.env.MEILI_MASTER_KEY = meili.masterKey;
  const reports: SizeReport[] = [];
  try {
    for (const n of o.sizes) reports.push(await benchSize(o, n, meili, corpus, queries));
  } finally {
    await meili.stop();
    if (!o.keep) {
      await dropBenchDatabase(DATABASE);
      for (const f of fs.readdirSync(WORK).filter((f) => f.startsWith('seed-')))
        fs.rmSync(path.join(WORK, f));
    }
  }
  const p50 = (r: SizeReport, label: string): number | undefined =>
    r.loads.find((l) => l.label === label && l.connections === (label === 'thread page' ? 8 : 1))?.p50;
  const summary: Record<string, unknown> = {};
  if (reports.length > 1) {
    const [first, last] = [reports[0], reports[reports.length - 1]];
    for (const label of ['searchQuestions', 'thread page']) {
      const a = p50(first, label);
      const b = p50(last, label);
      if (a && b) summary[`${label} p50 ${last.threads}/${first.threads} (target ≤ 1.5)`] = b / a;
    }
    for (const [k, v] of Object.entries(summary)) console.log(`${k}: ${fmt(v as number, 2)}`);
  }
  console.log(
    JSON.stringify({ bench: 'api', cores: os.cpus().length, load: os.loadavg(), reports, summary }),
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
