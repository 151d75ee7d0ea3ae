/**
 * Several instances (issue 13): two API instances and one worker on this machine sharing MySQL, Redis
 * and Meilisearch, on the forum `npm run bench:api -- --sizes N --keep` left (.data/bench-api). Searches
 * go to both instances at once; 8 members ask alternately through both; then the outbox must drain
 * (relayed once, by the worker) and every asked question must be found in the index.
 *
 *   npm run bench:cluster -- [--seconds 10] [--dist dist]
 */
import 'reflect-metadata';
import { parseDatabaseUrl } from '@app/core';
import { freePort, startEmbeddedMeilisearch } from '@app/search';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { gql, measure } from './lib/api/load';
import * as ops from './lib/api/operations';
import { load, memoryOf, REPO, startChild, stopChild, waitForGraphql, type Child } from './lib/api/processes';
import { percentile } from './lib/percentile';

const WORK = path.join(REPO, '.data/bench-api');

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string, fallback: string): string => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
  };
  const seconds = Number(arg('seconds', '10'));
  const dist = path.resolve(REPO, arg('dist', 'dist'));
  if (!fs.existsSync(path.join(WORK, 'meili')))
    throw new Error('run npm run bench:api -- --sizes 10000 --keep first');
  const url = new URL(process.env.DATABASE_URL || 'mysql://root@127.0.0.1:3306/qa_forum');
  url.pathname = '/qa_forum_bench_api';
  const meili = await startEmbeddedMeilisearch({ dataDir: path.join(WORK, 'meili'), port: await freePort() });
  const redisPort = await freePort();
  const redis = spawn('redis-server', ['--port', String(redisPort), '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const env = (port: number, extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL: url.toString(),
    JWT_SECRET: secret,
    MEILI_URL: meili.url,
    MEILI_MASTER_KEY: meili.masterKey,
    MEILI_INDEX_PREFIX: 'bench_api',
    REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    RATE_LIMIT: 'off',
    LOG_LEVEL: 'warn',
    LOG_PRETTY: 'false',
    ...extra,
  });
  const secret = randomBytes(32).toString('hex');
  const children: Child[] = [];
  const db = new DataSource({ type: 'mysql', ...parseDatabaseUrl(url.toString()) });
  try {
    const ports = [await freePort(), await freePort()];
    for (const [i, port] of ports.entries()) {
      children.push(
        startChild(
          `api${i + 1}`,
          path.join(dist, 'apps/api/src/main.js'),
          env(port, { SEARCH_RELAY: 'off' }),
          WORK,
        ),
      );
    }
    children.push(startChild('worker', path.join(dist, 'apps/worker/src/main.js'), env(0, {}), WORK));
    const urls = ports.map((p) => `http://127.0.0.1:${p}/graphql`);
    for (const [i, u] of urls.entries()) await waitForGraphql(children[i], u);
    await db.initialize();
    // Searches on both instances at once.
    const queries = ['花呗怎么还款', '借呗额度', '余额宝提现', '花呗逾期', '银行卡转账'];
    const search = await Promise.all(
      urls.map((u, i) =>
        measure({
          label: `searchQuestions on api${i + 1}`,
          url: u,
          connections: 8,
          seconds,
          body: (n) =>
            JSON.stringify({ query: ops.SEARCH, variables: { query: queries[n % queries.length] } }),
        }),
      ),
    );
    // 8 members ask alternately through both instances.
    const run = Date.now().toString(36);
    const members: string[] = [];
    for (let i = 0; i < 8; i++) {
      const d = await gql<{ register: { token: string } }>(urls[i % 2], ops.REGISTER, {
        input: {
          handle: `bc_${run}_${i}`,
          password: 'correct horse battery staple',
          displayName: `集群成员${i}`,
        },
      });
      members.push(d.register.token);
    }
    const asked: string[] = [];
    let failed = 0;
    const latencies: number[] = [];
    const deadline = Date.now() + seconds * 1000;
    const started = Date.now();
    await Promise.all(
      members.map(async (token, m) => {
        for (let n = 0; Date.now() < deadline; n++) {
          const t = performance.now();
          try {
            const d = await gql<{ askQuestion: { question: { id: string } } }>(
              urls[(m + n) % 2],
              ops.ASK,
              {
                input: {
                  title: `花呗集群测试 ${run} ${m}-${n}`,
                  body: '两个实例一起接收提问。',
                  tags: ['花呗'],
                },
              },
              token,
            );
            asked.push(d.askQuestion.question.id);
            latencies.push(performance.now() - t);
          } catch {
            failed++;
          }
        }
      }),
    );
    const askSeconds = (Date.now() - started) / 1000;
    // Drained once: no pending outbox row, and every asked question in the index.
    const drainStart = Date.now();
    let pending = -1;
    let missing = asked.length;
    while (Date.now() - drainStart < 120000) {
      pending = Number(
        (
          (await db.query('SELECT COUNT(*) AS n FROM outbox_events WHERE processed_at IS NULL')) as {
            n: string;
          }[]
        )[0].n,
      );
      const res = await fetch(`${meili.url}/indexes/bench_api_questions/documents/fetch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${meili.masterKey}` },
        body: JSON.stringify({ ids: asked, fields: ['id'], limit: asked.length + 1 }),
      });
      const found = ((await res.json()) as { results?: { id: string }[] }).results ?? [];
      missing = asked.length - found.length;
      if (pending === 0 && missing === 0) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const drainedMs = Date.now() - drainStart;
    const report = {
      bench: 'cluster',
      cores: os.cpus().length,
      load: os.loadavg(),
      search: search.map((s) => ({
        label: s.label,
        rps: s.rps,
        p50: s.p50,
        p99: s.p99,
        errors: s.errors + s.non2xx,
      })),
      searchTotalRps: search.reduce((a, s) => a + s.rps, 0),
      asks: {
        accepted: asked.length,
        failed,
        perSecond: asked.length / askSeconds,
        p50: percentile(latencies, 50),
      },
      drain: { ms: drainedMs, pendingOutbox: pending, missingFromIndex: missing },
      rssMb: children.map((c) => ({ name: c.name, ...memoryOf(c.proc.pid) })),
    };
    for (const s of report.search)
      console.log(`${s.label}: ${s.rps.toFixed(1)} req/s, p50 ${s.p50} ms, p99 ${s.p99} ms`);
    console.log(
      `asks through both: ${asked.length} accepted (${report.asks.perSecond.toFixed(1)}/s), ${failed} failed`,
    );
    console.log(
      `outbox drained by the worker in ${drainedMs} ms: ${pending} pending, ${missing} asked questions missing from the index (load ${load()})`,
    );
    console.log(JSON.stringify(report));
  } finally {
    for (const c of children) await stopChild(c);
    redis.kill('SIGTERM');
    await meili.stop();
    if (db.isInitialized) await db.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
