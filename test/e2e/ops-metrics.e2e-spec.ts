import { OutboxRelay, SearchOutboxRepository, QuestionIndex } from '@app/search';
import { MeiliTaskFailedError } from '../../libs/search/src/meili/meili-client';
import { TestApp } from '../helpers/test-app';

const scrape = async (t: TestApp, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(`${t.url}/metrics`, { headers });

describe('Prometheus metrics', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start();
  });

  afterAll(async () => {
    await t.close();
  });

  it('exposes operation, outbox, search, pool and process metrics after a few operations', async () => {
    const user = await t.register('metrics');
    await t.ok('query OpsMetricsMe { me { id } }', {}, user.token);
    await t.ok('query OpsMetricsMe { me { id } }', {}, user.token);
    // An error with a code: asking anonymously.
    const denied = await t.gql(
      `mutation OpsMetricsAsk($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }`,
      { input: { title: '指标测试问题', body: '内容', tags: [] } },
    );
    expect(denied.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const res = await scrape(t);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    const names = [
      'graphql_operation_duration_seconds_bucket{le="0.005",operation="OpsMetricsMe",type="query",outcome="ok"}',
      'graphql_operation_duration_seconds_count{operation="OpsMetricsMe",type="query",outcome="ok"} 2',
      'graphql_operation_duration_seconds_count{operation="OpsMetricsAsk",type="mutation",outcome="error"} 1',
      'graphql_operation_errors_total{operation="OpsMetricsAsk",code="UNAUTHENTICATED"} 1',
      'http_request_duration_seconds_count{method="POST",route="/graphql",status="200"}',
      'outbox_pending_events ',
      'outbox_failing_events ',
      'outbox_oldest_pending_age_seconds ',
      '# TYPE meilisearch_task_failures_total counter',
      'db_pool_connections{state="idle"}',
      'db_pool_connections{state="in_use"}',
      'db_pool_connections{state="max"} 10',
      'db_pool_waiting_requests 0',
      'process_cpu_user_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
      'nodejs_heap_size_used_bytes',
    ];
    for (const name of names) expect(text).toContain(name);
    // Gauges read on scrape carry numbers, not NaN, while the database is there.
    expect(text).toMatch(/^outbox_pending_events \d+$/m);
    expect(text).toMatch(/^outbox_oldest_pending_age_seconds [\d.e+-]+$/m);
    // Never a value a person typed.
    expect(text).not.toContain('指标测试问题');
  });

  it('counts the Meilisearch writes that fail in the relay', async () => {
    // A relay of its own (not started: SEARCH_RELAY=off), fed one claimed row whose write fails.
    const quiet = await TestApp.start({ SEARCH_RELAY: 'off' });
    try {
      const store = quiet.app.get(SearchOutboxRepository);
      jest
        .spyOn(store, 'claim')
        .mockResolvedValue([{ id: '1', aggregateType: 'question', aggregateId: '999999999', attempts: 1 }]);
      const retried = jest.spyOn(store, 'retryLater').mockResolvedValue();
      jest
        .spyOn(quiet.app.get(QuestionIndex), 'write')
        .mockRejectedValue(new MeiliTaskFailedError('delete (task 1) failed: invalid_document_id'));
      const result = await quiet.app.get(OutboxRelay).runOnce();
      expect(result).toMatchObject({ claimed: 1, processed: 0, failed: 1, unavailable: false });
      expect(retried).toHaveBeenCalledTimes(1);
      const text = await (await scrape(quiet)).text();
      expect(text).toMatch(/^meilisearch_task_failures_total\{reason="rejected"\} 1$/m);
    } finally {
      await quiet.close();
    }
  });

  it('answers only a scraper with the token when METRICS_TOKEN is set', async () => {
    const token = 'metrics-token-0123456789';
    const guarded = await TestApp.start({ METRICS_TOKEN: token });
    try {
      expect((await scrape(guarded)).status).toBe(401);
      expect((await scrape(guarded, { authorization: 'Bearer wrong-token-0123456789' })).status).toBe(401);
      const ok = await scrape(guarded, { authorization: `Bearer ${token}` });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('graphql_operation_duration_seconds');
    } finally {
      await guarded.close();
    }
  });
});
