/**
 * Several instances (issue 13): two API instances and one worker on this machine sharing MySQL, Redis
 * and Meilisearch, on the forum `npm run bench:api -- --sizes N --keep` left (.data/bench-api). Searches
 * go to both instances at once; 8 members ask alternately through both; then the outbox must drain
 * (relayed once, by the worker) and every asked question must be found in the index. Then: a member
 * subscribed (graphql-ws) on api1 must receive each notification caused by answers posted on api2
 * (Redis pub/sub), exactly once; and a rate limit (markNotificationsRead, 6 per 10 min here) must hold
 * across both instances (shared Redis counters): 12 calls alternating between them, 6 accepted.
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
import { Client, createClient } from 'graphql-ws';
import { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { gql, measure } from './lib/api/load';
import * as ops from './lib/api/operations';
import { load, memoryOf, REPO, startChild, stopChild, waitForGraphql, type Child } from './lib/api/processes';
import { percentile } from './lib/percentile';

const WORK = path.join(REPO, '.data/bench-api');
const NOTIFICATIONS_LIMIT = 6;
const generous = (n: number) => ({ newMember: [[n, 60]], member: [[n, 60]], staff: [[n, 60]] });
const LIMITS = JSON.stringify({
  ask: generous(1000000),
  answer: generous(1000000),
  register: generous(10000),
  subscribe: generous(10000),
  wsConnect: generous(10000),
  notifications: {
    newMember: [[NOTIFICATIONS_LIMIT, 600]],
    member: [[NOTIFICATIONS_LIMIT, 600]],
    staff: [[NOTIFICATIONS_LIMIT, 600]],
  },
});
const SUBSCRIBE = 'subscription { notificationAdded { id kind question { id } } }';
const MARK_READ = 'mutation { markNotificationsRead { marked unreadCount } }';

/** A graphql-ws subscriber to notificationAdded; resolves once connected and registered. */
async function subscribe(
  httpUrl: string,
  token: string,
): Promise<{ received: { id: string; at: number }[]; errors: unknown[]; close: () => Promise<void> }> {
  const out = {
    received: [] as { id: string; at: number }[],
    errors: [] as unknown[],
    close: async () => {},
  };
  const client: Client = createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: (e) => out.errors.push(e),
  });
  const connected = new Promise<void>((resolve) => client.on('connected', () => resolve()));
  const dispose = client.subscribe<{ notificationAdded: { id: string } }>(
    { query: SUBSCRIBE },
    {
      next: (v) => {
        if (v.data) out.received.push({ id: v.data.notificationAdded.id, at: performance.now() });
        else out.errors.push(v.errors);
      },
      error: (e) => out.errors.push(e),
      complete: () => undefined,
    },
  );
  out.close = async () => {
    dispose();
    await client.dispose();
  };
  await connected;
  await new Promise((r) => setTimeout(r, 300)); // the server registers the subscription after the message
  return out;
}

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
    // Limits on (shared through Redis), generous for what the bench does, except the one it checks.
    RATE_LIMIT: 'on',
    RATE_LIMITS: LIMITS,
    EMBEDDINGS: process.env.BENCH_EMBEDDINGS ?? 'off',
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

    // Fan-out: member 0 listens on api1; members 1..7 answer its question on api2.
    const FANOUT = 14;
    const listener = await subscribe(urls[0], members[0]);
    const own = await gql<{ askQuestion: { question: { id: string } } }>(
      urls[0],
      ops.ASK,
      { input: { title: `花呗集群订阅测试 ${run}`, body: '订阅在另一个实例上。', tags: ['花呗'] } },
      members[0],
    );
    const answeredAt: number[] = [];
    for (let i = 0; i < FANOUT; i++) {
      answeredAt.push(performance.now());
      await gql(
        urls[1],
        ops.ANSWER,
        { input: { questionId: own.askQuestion.question.id, body: `另一个实例上的回答 ${i}` } },
        members[1 + (i % 7)],
      );
    }
    const fanStart = Date.now();
    while (listener.received.length < FANOUT && Date.now() - fanStart < 30000)
      await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 1000)); // late duplicates, if any
    await listener.close();
    const ids = listener.received.map((r) => r.id);
    const fanLags = listener.received.slice(0, FANOUT).map((r, i) => r.at - answeredAt[i]);
    const fanout = {
      sent: FANOUT,
      received: listener.received.length,
      distinct: new Set(ids).size,
      errors: listener.errors.length,
      p50: percentile(fanLags, 50),
      max: fanLags.length > 0 ? Math.max(...fanLags) : NaN,
    };
    // Shared limits: 12 calls alternating between the instances, NOTIFICATIONS_LIMIT may pass.
    const limited = { ok: 0, rateLimited: 0, other: 0 };
    for (let i = 0; i < 2 * NOTIFICATIONS_LIMIT; i++) {
      const res = await fetch(urls[i % 2], {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${members[7]}` },
        body: JSON.stringify({ query: MARK_READ }),
      });
      const b = (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
      const code = b.errors?.[0]?.extensions?.code;
      if (!b.errors) limited.ok++;
      else if (code === 'RATE_LIMITED') limited.rateLimited++;
      else limited.other++;
    }
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
      fanout,
      sharedLimit: { limit: NOTIFICATIONS_LIMIT, ...limited },
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
    console.log(
      `fan-out: ${fanout.sent} answers on api2 -> ${fanout.received} notifications (${fanout.distinct} distinct) on an api1 subscriber, p50 ${fanout.p50.toFixed(0)} ms, max ${fanout.max.toFixed(0)} ms, ${fanout.errors} errors`,
    );
    console.log(
      `shared rate limit (${NOTIFICATIONS_LIMIT} per 10 min) over both instances: ${limited.ok} accepted, ${limited.rateLimited} RATE_LIMITED, ${limited.other} other`,
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
