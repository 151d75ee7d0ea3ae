import { QuestionIndex } from '@app/search';
import { Connection, createConnection } from 'mysql2/promise';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDatabaseUrl } from '../../libs/core/src/database/database-url';
import { dropDatabase, ensureDatabase } from '../../libs/core/src/database/ensure-database';
import { ApiProcess, siblingDatabaseUrl } from '../helpers/api-process';
import { runCli } from '../helpers/cli';
import { eventually } from '../helpers/eventually';
import { TestApp } from '../helpers/test-app';

// SIGTERM in the middle of a stream of writes, against a real API process with a database of its own
// (so that no other test's relay takes its outbox rows).

const ASK = `mutation OpsAsk($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }`;
const ANSWER = `mutation OpsAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { id } }`;
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { token } }`;

const WRITERS = 6;
const MAX_WRITES_PER_WRITER = 300;

interface Write {
  kind: 'question' | 'answer';
  id: string;
  at: number;
}

async function query<T>(db: Connection, sql: string, params: unknown[] = []): Promise<T[]> {
  const [rows] = await db.query(sql, params);
  return rows as T[];
}

// Each test spawns the API as its own process (ts-node start, migrations): minutes on a loaded
// machine. A safety limit only; nothing here is timed.
jest.setTimeout(180000);

describe('graceful shutdown', () => {
  const run = `${process.pid.toString(36)}${Date.now().toString(36)}`;
  const databaseUrl = siblingDatabaseUrl('shut');
  const env = { DATABASE_URL: databaseUrl, MEILI_INDEX_PREFIX: `shut_${run}`, LOG_LEVEL: 'info' };
  const processes: ApiProcess[] = [];
  let db: Connection;

  beforeAll(async () => {
    await ensureDatabase(databaseUrl);
    const migrate = await runCli(['migrate'], { DATABASE_URL: databaseUrl });
    expect(migrate.code).toBe(0);
    const p = parseDatabaseUrl(databaseUrl);
    db = await createConnection({
      host: p.host,
      port: p.port,
      user: p.username,
      password: p.password,
      database: p.database,
      supportBigNumbers: true,
      bigNumberStrings: true,
    });
  });

  afterAll(async () => {
    for (const api of processes) await api.kill();
    await db?.end();
    await dropDatabase(databaseUrl);
  });

  it('on SIGTERM finishes in-flight writes, exits 0, leaves no half-written transaction, and loses nothing', async () => {
    const api = await ApiProcess.spawn(env);
    processes.push(api);
    await api.waitListening();

    const tokens: string[] = [];
    for (let i = 0; i < WRITERS; i++) {
      const res = await api.gql<{ register: { token: string } }>(REGISTER, {
        input: {
          handle: `shut_${run}_${i}`.slice(0, 32),
          password: 'correct horse battery',
          displayName: '关机测试',
        },
      });
      tokens.push(res.data?.register.token as string);
    }
    const first = await api.gql<{ askQuestion: { question: { id: string } } }>(
      ASK,
      { input: { title: '关机测试：第一个问题', body: '用来回答的问题', tags: ['关机'] } },
      tokens[0],
    );
    const target = first.data?.askQuestion.question.id as string;

    const writes: Write[] = [{ kind: 'question', id: target, at: Date.now() }];
    let refused = 0;
    const errorCodes: string[] = [];
    let sigtermAt = 0;
    const writer = async (w: number): Promise<void> => {
      for (let i = 0; i < MAX_WRITES_PER_WRITER; i++) {
        const asking = i % 2 === 0;
        try {
          if (asking) {
            const res = await api.gql<{ askQuestion: { question: { id: string } } }>(
              ASK,
              {
                input: {
                  title: `关机测试 写入者${w} 第${i}个问题`,
                  body: '花呗还款失败怎么办',
                  tags: [`关机${w}`],
                },
              },
              tokens[w],
            );
            if (res.data?.askQuestion)
              writes.push({ kind: 'question', id: res.data.askQuestion.question.id, at: Date.now() });
            else errorCodes.push(String(res.errors?.[0]?.extensions?.code));
          } else {
            const res = await api.gql<{ postAnswer: { id: string } }>(
              ANSWER,
              { input: { questionId: target, body: `写入者${w}的第${i}个回答` } },
              tokens[w],
            );
            if (res.data?.postAnswer)
              writes.push({ kind: 'answer', id: res.data.postAnswer.id, at: Date.now() });
            else errorCodes.push(String(res.errors?.[0]?.extensions?.code));
          }
        } catch {
          // Refused or reset: the server has stopped accepting. This writer is done.
          refused += 1;
          return;
        }
      }
    };
    const stream = Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    await eventually(async () => expect(writes.length).toBeGreaterThanOrEqual(40), 60000, 20);
    sigtermAt = Date.now();
    api.child.kill('SIGTERM');
    const exit = await api.waitExit(20000);
    const exitedAfterMs = Date.now() - sigtermAt;
    await stream;

    const afterSigterm = writes.filter((w) => w.at > sigtermAt).length;
    console.log(
      `shutdown: ${writes.length} writes succeeded (${afterSigterm} answered after SIGTERM), ` +
        `${refused} refused, errors ${JSON.stringify(errorCodes)}, exit ${JSON.stringify(exit)} ${exitedAfterMs} ms after SIGTERM`,
    );
    expect(exit).toEqual({ code: 0, signal: null, timedOut: false });
    expect(exitedAfterMs).toBeLessThan(10000);
    expect(writes.filter((w) => w.at > sigtermAt).length).toBeGreaterThan(0); // in-flight ones finished
    expect(api.logLines().map((l) => l.msg)).toContain('SIGTERM received: shutting down gracefully');

    // Every acknowledged write is in MySQL with its outbox row.
    const questionIds = writes.filter((w) => w.kind === 'question').map((w) => w.id);
    const answerIds = writes.filter((w) => w.kind === 'answer').map((w) => w.id);
    const storedQuestions = await query<{ id: string }>(db, 'SELECT id FROM questions WHERE id IN (?)', [
      questionIds,
    ]);
    expect(storedQuestions.map((r) => String(r.id)).sort()).toEqual([...questionIds].sort());
    const storedAnswers = await query<{ id: string }>(db, 'SELECT id FROM answers WHERE id IN (?)', [
      answerIds,
    ]);
    expect(storedAnswers.map((r) => String(r.id)).sort()).toEqual([...answerIds].sort());
    // No half-written transaction: every question and every answer has its outbox row.
    const orphanQuestions = await query(
      db,
      `SELECT q.id FROM questions q
         LEFT JOIN outbox_events o ON o.aggregate_type = 'question' AND o.aggregate_id = q.id AND o.topic = 'question.asked'
        WHERE o.id IS NULL`,
    );
    expect(orphanQuestions).toEqual([]);
    const orphanAnswers = await query(
      db,
      `SELECT a.id FROM answers a
         LEFT JOIN outbox_events o ON o.topic = 'answer.posted'
              AND JSON_UNQUOTE(JSON_EXTRACT(o.payload, '$.answerId')) = CAST(a.id AS CHAR)
        WHERE o.id IS NULL`,
    );
    expect(orphanAnswers).toEqual([]);
    const [{ n: answerCount }] = await query<{ n: string }>(
      db,
      'SELECT answer_count AS n FROM questions WHERE id = ?',
      [target],
    );
    expect(Number(answerCount)).toBe(
      Number(
        (
          await query<{ n: string }>(db, 'SELECT COUNT(*) AS n FROM answers WHERE question_id = ?', [target])
        )[0].n,
      ),
    );
    // The relay finished its batch: no row is left claimed (attempted) but neither done nor failed.
    const abandoned = await query(
      db,
      'SELECT id FROM outbox_events WHERE processed_at IS NULL AND attempts > 0 AND last_error IS NULL',
    );
    expect(abandoned).toEqual([]);

    // Started again, the relay drains the outbox and every question reaches the index.
    const again = await TestApp.start({
      DATABASE_URL: databaseUrl,
      MEILI_INDEX_PREFIX: env.MEILI_INDEX_PREFIX,
    });
    try {
      await eventually(async () => {
        const [{ n }] = await query<{ n: string }>(
          db,
          'SELECT COUNT(*) AS n FROM outbox_events WHERE processed_at IS NULL',
        );
        expect(Number(n)).toBe(0);
      }, 60000);
      const index = await again.app.get(QuestionIndex).index();
      const docs = await index.getDocuments({ limit: 10000, fields: ['id', 'answerCount'] });
      const indexed = new Set(docs.results.map((d) => String(d.id)));
      expect(questionIds.filter((id) => !indexed.has(id))).toEqual([]);
      const targetDoc = docs.results.find((d) => String(d.id) === target);
      expect(targetDoc?.answerCount).toBe(Number(answerCount));
    } finally {
      await again.close();
    }
  });

  it('stops the embedded Meilisearch it started', async () => {
    const dataDir = path.join(__dirname, '..', '..', '.data', `test-shutdown-meili-${run}`);
    const api = await ApiProcess.spawn({
      ...env,
      MEILI_URL: undefined,
      MEILI_MASTER_KEY: undefined,
      MEILI_DATA_DIR: dataDir,
      SEARCH_RELAY: 'off',
    });
    processes.push(api);
    try {
      await api.waitListening();
      const serverFile = path.join(dataDir, 'server.json');
      const { pid } = await eventually(async () => {
        expect(fs.existsSync(serverFile)).toBe(true);
        return JSON.parse(fs.readFileSync(serverFile, 'utf8')) as { pid: number };
      }, 60000);
      expect(() => process.kill(pid, 0)).not.toThrow();

      api.child.kill('SIGTERM');
      const exit = await api.waitExit(20000);
      expect(exit).toEqual({ code: 0, signal: null, timedOut: false });
      expect(() => process.kill(pid, 0)).toThrow(); // gone
      expect(fs.existsSync(serverFile)).toBe(false);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
