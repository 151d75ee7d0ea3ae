import { FollowsModule } from '@app/notifications';
/**
 * The embedding model inside the running API (issue #12): the API compiled and started as production
 * runs it (its own process, the outbox relay inline), on a forum of N seeded threads, twice: with the
 * model (EMBEDDINGS=on) and lexical-only (EMBEDDINGS=off). Each run measures:
 *
 *   - `{ __typename }` p99 on one connection while 8 connections send similarQuestions drafts (all
 *     different, so the LRU never answers): the model runs in worker threads and must never block the
 *     event loop (target < 50 ms); the same probe alone, as its floor;
 *   - asked → embedded → suggestible (on only): one askQuestion every 1/rate s; a question counts as
 *     suggestible when its document in the duplicate-detection index carries its vector (what the
 *     vector search of similarQuestions reads); p95 target ≤ 2 s at 20 asks/s;
 *   - the API's resident memory after the load (model loaded vs off: target ≤ 200 MB above).
 *
 *   npm run bench:embeddings -- [--threads 2000] [--seconds 10] [--rate 20] [--no-build]
 *
 * Reuses bench/api.ts's helpers (bench/lib/api/*). Figures are for comparing within one run; the
 * machine's load average is printed with each.
 */
import 'reflect-metadata';
import { CoreModule } from '@app/core';
import {
  ReindexService,
  SearchIndexModule,
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
import {
  buildServer,
  load,
  memoryOf,
  REPO,
  startChild,
  stopChild,
  waitForGraphql,
} from './lib/api/processes';
import { seedThreads } from './lib/api/seed-threads';
// The entity only (NotificationsModule would start its relay and runner in the seeding context).
// eslint-disable-next-line no-restricted-imports
import { NotificationEntity } from '@app/notifications/entities/notification.entity';
import { TypeOrmModule } from '@nestjs/typeorm';

const DATABASE = 'qa_forum_bench_emb';
const PREFIX = 'bench_emb';
const WORK = path.join(REPO, '.data/bench-embeddings');
const AFQMC = process.env.BENCH_AFQMC_DIR ?? '/work/shared/data/afqmc';
const USAGE = 'usage: npm run bench:embeddings -- [--threads 2000] [--seconds 10] [--rate 20] [--no-build]';

interface Options {
  threads: number;
  seconds: number;
  rate: number;
  build: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const values = new Map<string, string>();
  let build = true;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--no-build') build = false;
    else if (a.startsWith('--') && i + 1 < argv.length) values.set(a.slice(2), argv[++i]);
    else throw new Error(`${USAGE}\nunexpected: ${a}`);
  }
  const threads = Number(values.get('threads') ?? 2000);
  const seconds = Number(values.get('seconds') ?? 10);
  const rate = Number(values.get('rate') ?? 20);
  if (!(Number.isInteger(threads) && threads >= 100)) throw new Error('--threads: ≥ 100');
  if (!(seconds >= 1 && seconds <= 300)) throw new Error('--seconds: 1..300');
  if (!(rate > 0 && rate <= 200)) throw new Error('--rate: 1..200 asks/s');
  return { threads, seconds, rate, build };
}

// NotificationEntity: seedThreads writes notifications by entity name.
@Module({
  imports: [
    CoreModule.forRoot({ migrateOutsideProduction: true }),
    FollowsModule,
    SearchIndexModule,
    TypeOrmModule.forFeature([NotificationEntity]),
  ],
})
class SeedModule {}

function databaseUrl(): string {
  const url = new URL(process.env.DATABASE_URL || 'mysql://root@127.0.0.1:3306/qa_forum');
  url.pathname = `/${DATABASE}`;
  return url.toString();
}

const fmt = (v: number, d = 1): string => (Number.isFinite(v) ? v.toFixed(d) : 'n/a');
const body = (query: string, variables: object): string => JSON.stringify({ query, variables });

interface RunReport {
  embeddings: 'on' | 'off';
  typenameAlone: LoadResult;
  typenameUnderDrafts: LoadResult;
  drafts: LoadResult;
  lag: {
    n: number;
    p50: number;
    p95: number;
    max: number;
    asksPerSecond: number;
    lost: number;
    failed: number;
  } | null;
  rssMb: number;
  peakMb: number;
  idleRssMb: number;
  load: number[];
}

/** asked → embedded → suggestible: one ask every 1/rate s; each polled until its similar document has a vector. */
async function measureLag(
  graphql: string,
  token: string,
  meili: EmbeddedMeili,
  corpus: string[],
  o: Options,
): Promise<NonNullable<RunReport['lag']>> {
  const run = Date.now().toString(36);
  const lags: number[] = [];
  let lost = 0;
  let failed = 0;
  const total = Math.round(o.rate * o.seconds);
  const started = Date.now();
  const pending: Promise<void>[] = [];
  const probe = async (n: number): Promise<void> => {
    const d = await gql<{ askQuestion: { question: { id: string } } }>(
      graphql,
      ops.ASK,
      {
        // A text never embedded before (no stored vector to reuse).
        input: {
          title: `${corpus[(n * 7919) % corpus.length]} ${run}x${n}`,
          body: '请帮忙看看。',
          tags: ['花呗'],
        },
      },
      token,
    );
    const id = d.askQuestion.question.id;
    const asked = performance.now();
    const deadline = asked + 30000;
    while (performance.now() < deadline) {
      const res = await fetch(
        `${meili.url}/indexes/${PREFIX}_questions_similar/documents/${id}?retrieveVectors=true&fields=id`,
        { headers: { authorization: `Bearer ${meili.masterKey}` } },
      );
      if (res.ok) {
        const doc = (await res.json()) as { _vectors?: { bge?: { embeddings?: number[][] } } };
        if ((doc._vectors?.bge?.embeddings?.length ?? 0) > 0) {
          lags.push(performance.now() - asked);
          return;
        }
      } else await res.arrayBuffer();
      await new Promise((r) => setTimeout(r, 25));
    }
    lost++;
  };
  for (let n = 0; n < total; n++) {
    const wait = started + (n * 1000) / o.rate - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(probe(n).catch(() => void failed++));
  }
  const sent = (Date.now() - started) / 1000;
  await Promise.all(pending);
  return {
    n: lags.length,
    p50: percentile(lags, 50),
    p95: percentile(lags, 95),
    max: lags.length ? Math.max(...lags) : NaN,
    asksPerSecond: total / sent,
    lost,
    failed,
  };
}

async function runApi(
  o: Options,
  mode: 'on' | 'off',
  meili: EmbeddedMeili,
  corpus: string[],
  drafts: string[],
): Promise<RunReport> {
  const port = await freePort();
  const api = startChild(
    `api-${mode}`,
    path.join(REPO, 'dist/apps/api/src/main.js'),
    {
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
      LOG_LEVEL: 'warn',
      LOG_PRETTY: 'false',
      EMBEDDINGS: mode,
    },
    WORK,
  );
  const graphql = `http://127.0.0.1:${port}/graphql`;
  try {
    await waitForGraphql(api, graphql);
    // Model loaded (on) and the first drafts served before anything is measured.
    for (let i = 0; i < 20; i++) await gql(graphql, ops.SIMILAR, { title: drafts[drafts.length - 1 - i] });
    const idle = memoryOf(api.proc.pid);
    const typename = (label: string): Promise<LoadResult> =>
      measure({
        label,
        url: graphql,
        connections: 1,
        seconds: o.seconds,
        body: () => body('{ __typename }', {}),
      });
    const typenameAlone = await typename('{ __typename } alone');
    console.log(
      `  [${mode}] { __typename } alone: p50 ${fmt(typenameAlone.p50)} ms, p99 ${fmt(typenameAlone.p99)} ms (load ${load()})`,
    );
    const [typenameUnderDrafts, draftLoad] = await Promise.all([
      typename('{ __typename } with 8 similarQuestions drafts'),
      measure({
        label: 'similarQuestions ×8',
        url: graphql,
        connections: 8,
        seconds: o.seconds,
        body: (n) => body(ops.SIMILAR, { title: drafts[n % drafts.length] }),
      }),
    ]);
    console.log(
      `  [${mode}] { __typename } with 8 drafts in flight: p50 ${fmt(typenameUnderDrafts.p50)} ms, p99 ${fmt(typenameUnderDrafts.p99)} ms; similarQuestions ×8 ${fmt(draftLoad.rps)} req/s, p50 ${fmt(draftLoad.p50)} ms, p99 ${fmt(draftLoad.p99)} ms, ${draftLoad.errors + draftLoad.non2xx} errors (load ${load()})`,
    );
    let lag: RunReport['lag'] = null;
    if (mode === 'on') {
      const member = await gql<{ register: { token: string } }>(graphql, ops.REGISTER, {
        input: {
          handle: `be_${Date.now().toString(36)}`,
          password: 'correct horse battery staple',
          displayName: '压测',
        },
      });
      lag = await measureLag(graphql, member.register.token, meili, corpus, o);
      console.log(
        `  [on] asked → embedded → suggestible at ${fmt(lag.asksPerSecond)} asks/s: p50 ${fmt(lag.p50)} ms, p95 ${fmt(lag.p95)} ms, max ${fmt(lag.max)} ms over ${lag.n} asks, ${lag.lost} never embedded, ${lag.failed} asks failed (load ${load()})`,
      );
    }
    const mem = memoryOf(api.proc.pid);
    console.log(
      `  [${mode}] API RSS ${fmt(mem.rssMb)} MB (peak ${fmt(mem.peakMb)} MB, after start-up ${fmt(idle.rssMb)} MB)`,
    );
    return {
      embeddings: mode,
      typenameAlone,
      typenameUnderDrafts,
      drafts: draftLoad,
      lag,
      rssMb: mem.rssMb,
      peakMb: mem.peakMb,
      idleRssMb: idle.rssMb,
      load: os.loadavg(),
    };
  } finally {
    await stopChild(api);
  }
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  process.env.DATABASE_URL = databaseUrl();
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL = 'warn';
  process.env.MEILI_INDEX_PREFIX = PREFIX;
  process.env.EMBEDDINGS = 'on';
  process.env.EMBEDDINGS_POOL_SIZE = process.env.EMBEDDINGS_POOL_SIZE ?? '2';
  const corpus = readCorpus(AFQMC).map((e) => (e.title ? `${e.title} ${e.text}` : e.text).slice(0, 140));
  const drafts = readQueries(AFQMC, 'dev').map((q) => q.text.slice(0, 100));
  console.log(
    `bench:embeddings ${o.threads} threads, ${o.seconds} s per run, ${os.cpus().length} cores, load ${load()}`,
  );
  if (o.build) {
    console.log('building the server into dist (tsc; --no-build to reuse it)');
    await buildServer(path.join(REPO, 'dist'));
  }
  fs.rmSync(WORK, { recursive: true, force: true });
  fs.mkdirSync(WORK, { recursive: true });
  const meili = await startEmbeddedMeilisearch({ dataDir: path.join(WORK, 'meili'), port: await freePort() });
  process.env.MEILI_URL = meili.url;
  process.env.MEILI_MASTER_KEY = meili.masterKey;
  const runs: RunReport[] = [];
  try {
    await dropBenchDatabase(DATABASE);
    const ctx = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
    try {
      const seeded = await seedThreads(ctx.get(DataSource), { threads: o.threads, corpus });
      const reindex = await ctx.get(ReindexService).reindex();
      console.log(
        `seeded ${seeded.questions} questions in ${fmt(seeded.ms / 1000)} s; reindex with vectors ${reindex.documents} documents in ${fmt(reindex.ms / 1000)} s (load ${load()})`,
      );
    } finally {
      await ctx.close();
    }
    runs.push(await runApi(o, 'on', meili, corpus, drafts));
    runs.push(await runApi(o, 'off', meili, corpus, drafts.slice().reverse()));
  } finally {
    await meili.stop();
    await dropBenchDatabase(DATABASE);
  }
  const [on, off] = runs;
  const summary = {
    'typename p99 with 8 drafts, on (target < 50 ms)': on.typenameUnderDrafts.p99,
    'typename p99 with 8 drafts, off': off.typenameUnderDrafts.p99,
    'asked → suggestible p95 ms (target ≤ 2000)': on.lag?.p95 ?? NaN,
    'API RSS on − off, MB (target ≤ 200)': on.rssMb - off.rssMb,
    'API peak RSS on − off, MB': on.peakMb - off.peakMb,
  };
  console.log(
    `\n== embeddings in the API (${o.threads} threads; load avg ${load()}, ${os.cpus().length} cores) ==`,
  );
  for (const [k, v] of Object.entries(summary)) console.log(`  ${k.padEnd(48)} ${fmt(v)}`);
  console.log(
    JSON.stringify({ bench: 'embeddings', cores: os.cpus().length, load: os.loadavg(), runs, summary }),
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
