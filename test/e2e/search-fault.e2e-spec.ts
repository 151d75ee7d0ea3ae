import { OutboxRelay } from '@app/search';
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { dropDatabase } from '../../libs/core/src/database/ensure-database';
import {
  EmbeddedMeili,
  freePort,
  startEmbeddedMeilisearch,
} from '../../libs/search/src/meili/embedded-meilisearch';
import { runCli } from '../helpers/cli';
import { eventually } from '../helpers/eventually';
import { ACCEPT, ANSWER } from '../helpers/forum-ops';
import { TestApp, TestUser, codes } from '../helpers/test-app';

// Faults need a Meilisearch of their own (stopped and restarted on the same port) and a database of
// their own (the other files' relays would otherwise take these outbox rows to the shared server).

const root = path.join(__dirname, '..', '..');
const run = `${process.pid.toString(36)}${Date.now().toString(36)}`;
// Marker words for searches. Each is random on its own: markers sharing a suffix would be one or two
// typos apart and match each other.
const newMarker = (): string => `m${Math.random().toString(36).slice(2, 10)}`;

const SEARCH = `query($q: String!, $f: SearchFilter, $first: Int) {
  searchQuestions(query: $q, filter: $f, first: $first) { edges { node { id isSolved } } estimatedTotalCount }
}`;
const SIMILAR = `query($title: String!) { similarQuestions(title: $title) { question { id } } }`;
const ASK = `mutation($input: AskQuestionInput!) {
  askQuestion(input: $input) { question { id } similarQuestions { question { id } } }
}`;

interface Health {
  ok: boolean;
  meilisearch: { reachable: boolean; documents: number | null };
  outbox: { pending: number; failing: number };
}

describe('search index under faults', () => {
  const dataDir = path.join(root, '.data', `test-fault-meili-${run}`);
  const databaseUrl = (() => {
    const url = new URL(process.env.DATABASE_URL as string);
    url.pathname = `${url.pathname}_sf`;
    return url.toString();
  })();
  let port: number;
  let meili: EmbeddedMeili;
  let env: Record<string, string>;
  const apps: TestApp[] = [];
  let outageMarker = '';

  const startMeili = async (): Promise<void> => {
    meili = await startEmbeddedMeilisearch({ dataDir, port });
  };
  const startApp = async (extra: Record<string, string> = {}): Promise<TestApp> => {
    const app = await TestApp.start({ ...env, ...extra });
    apps.push(app);
    return app;
  };
  const closeApp = async (app: TestApp): Promise<void> => {
    apps.splice(apps.indexOf(app), 1);
    await app.close();
  };

  beforeAll(async () => {
    port = await freePort();
    await startMeili();
    env = {
      DATABASE_URL: databaseUrl,
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: meili.masterKey,
      MEILI_INDEX_PREFIX: `fault_${run}`,
      RATE_LIMIT: 'off',
      SEARCH_RELAY_INTERVAL_MS: '100',
      SEARCH_RELAY_MAX_BACKOFF_MS: '2000',
      MEILI_TIMEOUT_MS: '2000',
    };
  });

  afterAll(async () => {
    try {
      for (const app of [...apps]) await app.close();
      // Undefined when start-up failed.
      await (meili as EmbeddedMeili | undefined)?.stop();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
      await dropDatabase(databaseUrl);
    }
  });

  const ask = async (t: TestApp, user: TestUser, title: string, body = '详细情况见标题') =>
    (
      await t.ok<{ askQuestion: { question: { id: string }; similarQuestions: unknown[] } }>(
        ASK,
        { input: { title, body, tags: [] } },
        user.token,
      )
    ).askQuestion;
  const answerAndAccept = async (t: TestApp, asker: TestUser, helper: TestUser, id: string, body: string) => {
    const a = await t.ok<{ postAnswer: { id: string } }>(
      ANSWER,
      { input: { questionId: id, body } },
      helper.token,
    );
    await t.ok(ACCEPT, { id: a.postAnswer.id }, asker.token);
  };
  const solvedIds = async (t: TestApp, q: string): Promise<string[]> => {
    const res = await t.ok<{ searchQuestions: { edges: { node: { id: string; isSolved: boolean } }[] } }>(
      SEARCH,
      { q, f: { solvedOnly: true }, first: 50 },
    );
    return res.searchQuestions.edges.map((e) => e.node.id).sort();
  };
  const health = async (t: TestApp): Promise<{ status: number; body: Health }> => {
    const res = await fetch(`${t.url}/health/search`);
    return { status: res.status, body: (await res.json()) as Health };
  };
  const pendingRows = async (t: TestApp): Promise<number> =>
    Number((await t.db.query('SELECT COUNT(*) AS n FROM outbox_events WHERE processed_at IS NULL'))[0].n);

  it('loses no write while Meilisearch is down, and catches up when it is back', async () => {
    const t = await startApp();
    const asker = await t.register('fasker');
    const helper = await t.register('fhelper');
    const warmMarker = newMarker();
    const warm = await ask(t, asker, `${warmMarker} 预热问题`);
    await eventually(async () => {
      const res = await t.ok<{ searchQuestions: { edges: unknown[] } }>(SEARCH, { q: warmMarker });
      expect(res.searchQuestions.edges).toHaveLength(1);
    });
    expect(warm.similarQuestions).toEqual([]);

    await meili.stop();
    expect((await health(t)).status).toBe(503);
    const marker = newMarker();
    outageMarker = marker;
    const asked: string[] = [];
    for (let i = 0; i < 50; i++) {
      const q = await ask(t, asker, `${marker} 花呗还款失败第${i}次`, `第${i}次还款失败了`);
      expect(q.similarQuestions).toEqual([]); // the question is saved; suggestions simply stay empty
      await answerAndAccept(t, asker, helper, q.question.id, `解决办法${i}：重新绑定银行卡`);
      asked.push(q.question.id);
    }
    expect(codes(await t.gql(SEARCH, { q: marker }))).toEqual(['SERVICE_UNAVAILABLE']);
    expect(codes(await t.gql(SIMILAR, { title: `${marker} 花呗` }))).toEqual(['SERVICE_UNAVAILABLE']);
    const down = await health(t);
    expect(down.body).toMatchObject({ ok: false, meilisearch: { reachable: false } });
    expect(down.body.outbox.pending).toBeGreaterThanOrEqual(150);

    const restartedAt = Date.now();
    await startMeili();
    await eventually(async () => expect(await solvedIds(t, marker)).toEqual([...asked].sort()), 60000);
    console.log(
      `search fault: 150 changes made while Meilisearch was down searchable ${Date.now() - restartedAt} ms after it came back`,
    );
    await eventually(async () => expect(await pendingRows(t)).toBe(0));
    const up = await health(t);
    expect(up.status).toBe(200);
    expect(up.body.outbox).toMatchObject({ pending: 0, failing: 0 });
    // The accepted answers are in the index too.
    const answers = await t.ok<{ searchQuestions: { estimatedTotalCount: number } }>(SEARCH, {
      q: `${marker} 解决办法`,
    });
    expect(answers.searchQuestions.estimatedTotalCount).toBe(50);
  }, 180000);

  it('loses no write when the API also restarts during the outage', async () => {
    const t = apps[0];
    const asker = await t.register('fasker2');
    const helper = await t.register('fhelper2');
    await meili.stop();
    const marker = newMarker();
    const asked: string[] = [];
    for (let i = 0; i < 20; i++) {
      const q = await ask(t, asker, `${marker} 转账被风控拦截第${i}次`);
      await answerAndAccept(t, asker, helper, q.question.id, `人脸验证后恢复${i}`);
      asked.push(q.question.id);
    }
    await closeApp(t);
    // The API boots while Meilisearch is still down (search is degraded, writes work)...
    const t2 = await startApp();
    const late = await ask(t2, asker, `${marker} 重启之后提的问题`);
    await answerAndAccept(t2, asker, helper, late.question.id, '重启后的回答');
    asked.push(late.question.id);
    // ...and everything arrives once Meilisearch is back: state lived only in MySQL.
    await startMeili();
    await eventually(async () => expect(await solvedIds(t2, marker)).toEqual([...asked].sort()), 60000);
    await eventually(async () => expect(await pendingRows(t2)).toBe(0));
  }, 180000);

  it('never lets two relays process the same outbox row', async () => {
    const quiet = await startApp({ SEARCH_RELAY: 'off', SEARCH_RELAY_BATCH_SIZE: '7' });
    const asker = await quiet.register('fasker3');
    const marker = newMarker();
    const asked: string[] = [];
    for (let i = 0; i < 60; i++)
      asked.push((await ask(quiet, asker, `${marker} 余额宝收益第${i}天`)).question.id);
    const [{ first }] = await quiet.db.query(
      'SELECT MIN(id) AS first FROM outbox_events WHERE aggregate_id IN (?)',
      [asked],
    );
    // Four relays in this process, plus the inline relay of the other API, all at once.
    const relay = quiet.app.get(OutboxRelay);
    const drain = async (): Promise<void> => {
      while ((await relay.runOnce()).claimed > 0);
    };
    await Promise.all([drain(), drain(), drain(), drain()]);
    await eventually(async () => expect(await pendingRows(quiet)).toBe(0));
    const rows = await quiet.db.query(
      'SELECT attempts, processed_at AS processedAt FROM outbox_events WHERE id >= ?',
      [first],
    );
    expect(rows.length).toBeGreaterThanOrEqual(60);
    expect(
      rows.every((r: { attempts: number; processedAt: Date | null }) => r.attempts === 1 && r.processedAt),
    ).toBe(true);
    await eventually(async () => {
      const res = await quiet.ok<{ searchQuestions: { estimatedTotalCount: number } }>(SEARCH, { q: marker });
      expect(res.searchQuestions.estimatedTotalCount).toBe(60);
    });
  }, 120000);

  it('runs the relay as its own worker process when the API has SEARCH_RELAY=off', async () => {
    for (const app of apps.filter((a) => a !== apps[apps.length - 1])) await closeApp(app);
    const quiet = apps[0];
    const worker = spawnWorker(env);
    try {
      const asker = await quiet.register('fasker4');
      const marker = newMarker();
      const q = await ask(quiet, asker, `${marker} 工作进程索引的问题`);
      await eventually(async () => {
        const res = await quiet.ok<{ searchQuestions: { edges: { node: { id: string } }[] } }>(SEARCH, {
          q: marker,
        });
        expect(res.searchQuestions.edges.map((e) => e.node.id)).toEqual([q.question.id]);
      }, 60000);
    } finally {
      // Graceful: Nest runs the shutdown hooks (the relay finishes its batch), then the worker exits 0
      // through process.exit, as the API does (so its asynchronous log destination flushes).
      expect(await stopWorker(worker)).toEqual({ code: 0, signal: null });
    }
  }, 120000);

  it('rebuilds the index with the CLI and swaps it in while searches keep working', async () => {
    const t = apps[0];
    const [{ n }] = await t.db.query('SELECT COUNT(*) AS n FROM questions');
    const marker = outageMarker;
    let searches = 0;
    let stop = false;
    const searching = (async () => {
      while (!stop) {
        expect(await solvedIds(t, marker)).toHaveLength(50);
        searches++;
      }
    })();
    const result = await runCli(['reindex'], env);
    stop = true;
    await searching;
    expect({ code: result.code, stderr: result.code === 0 ? '' : result.stderr }).toEqual({
      code: 0,
      stderr: '',
    });
    expect(result.stdout).toContain(`Indexed ${n} questions`);
    expect(searches).toBeGreaterThan(0);

    const { body } = await health(t);
    expect(body.meilisearch.documents).toBe(Number(n));
    const indexes = (
      (await await fetch(`${meili.url}/indexes?limit=100`, {
        headers: { authorization: `Bearer ${meili.masterKey}` },
      }).then((r) => r.json())) as { results: { uid: string }[] }
    ).results.map((i) => i.uid);
    // The questions index and its duplicate-detection companion, both swapped in, and the record of
    // the database they mirror (never swapped); no leftovers.
    expect(indexes.sort()).toEqual([
      `fault_${run}_questions`,
      `fault_${run}_questions_identity`,
      `fault_${run}_questions_similar`,
    ]);

    const settings = await runCli(['search:settings'], env);
    expect(settings.stdout).toContain('settings already up to date');
  }, 120000);
});

function spawnWorker(env: Record<string, string>): ChildProcess {
  return spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/worker/src/main.ts'],
    { cwd: root, env: { ...process.env, ...env, LOG_LEVEL: 'warn' }, stdio: 'ignore' },
  );
}

function stopWorker(worker: ChildProcess): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((resolve) => {
    worker.once('exit', (code, signal) => resolve({ code, signal }));
    worker.kill('SIGTERM');
  });
}
