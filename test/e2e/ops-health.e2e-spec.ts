import { TestApp } from '../helpers/test-app';

interface Ready {
  status: string;
  degraded: string[];
  details: Record<string, { status: string; [k: string]: unknown }>;
}

const ready = async (t: TestApp): Promise<{ status: number; body: Ready }> => {
  const res = await fetch(`${t.url}/health/ready`);
  return { status: res.status, body: (await res.json()) as Ready };
};

describe('health probes', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start();
  });

  afterAll(async () => {
    await t.close();
  });

  it('live answers 200 without touching any dependency', async () => {
    const res = await fetch(`${t.url}/health/live`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('ready answers 200 with the details of every check when all is well', async () => {
    const { status, body } = await ready(t);
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.degraded).toEqual([]);
    expect(body.details).toMatchObject({
      database: { status: 'up' },
      migrations: { status: 'up', pending: 0 },
      meilisearch: { status: 'up', index: expect.any(String) },
      outbox: { status: 'up', pending: expect.any(Number), max: 10000 },
    });
    expect(body.details.meilisearch.latencyMs).toEqual(expect.any(Number));
  });

  it('ready reports the instance degraded (200) once the outbox backlog reaches HEALTH_MAX_OUTBOX_BACKLOG', async () => {
    const strict = await TestApp.start({ HEALTH_MAX_OUTBOX_BACKLOG: '1' });
    // A pending row no relay will claim yet (due in an hour), removed straight after.
    const inserted = (await strict.db.query(
      `INSERT INTO outbox_events (topic, aggregate_type, aggregate_id, payload, available_at)
       VALUES ('ops.test', 'ops_test', 1, '{}', NOW(3) + INTERVAL 1 HOUR)`,
    )) as { insertId: number };
    try {
      const { status, body } = await ready(strict);
      // Search lags behind, but reads and writes work: the instance stays in the balancer.
      expect(status).toBe(200);
      expect(body.status).toBe('degraded');
      expect(body.degraded).toEqual(['outbox']);
      expect(body.details.outbox).toMatchObject({ status: 'down', max: 1 });
      expect(body.details.database).toEqual({ status: 'up' });
    } finally {
      await strict.db.query('DELETE FROM outbox_events WHERE id = ?', [inserted.insertId]);
      await strict.close();
    }
  });

  it('the app starts without Meilisearch, and ready answers 200 "degraded" naming it', async () => {
    const noSearch = await TestApp.start({
      MEILI_URL: 'http://127.0.0.1:1',
      MEILI_MASTER_KEY: 'x'.repeat(24),
    });
    try {
      const { status, body } = await ready(noSearch);
      expect(status).toBe(200);
      expect(body.status).toBe('degraded');
      expect(body.degraded).toEqual(expect.arrayContaining(['meilisearch']));
      expect(body.details.meilisearch).toMatchObject({ status: 'down', error: expect.any(String) });
      expect(body.details.database).toEqual({ status: 'up' });
      expect(body.details.migrations).toMatchObject({ status: 'up' });
      // Liveness is about the process only: a dependency outage must not get it restarted.
      expect((await fetch(`${noSearch.url}/health/live`)).status).toBe(200);
      // Reads that do not need search keep working.
      const me = await noSearch.gql('{ questions(first: 1) { edges { node { id } } } }');
      expect(me.errors).toBeUndefined();
      // So do writes: they wait in the outbox.
      const u = await noSearch.register('nosearch');
      const asked = await noSearch.gql(
        `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }`,
        { input: { title: '搜索不可用时也能提问', body: '内容', tags: [] } },
        u.token,
      );
      expect(asked.errors).toBeUndefined();
    } finally {
      await noSearch.close();
    }
  });
});
