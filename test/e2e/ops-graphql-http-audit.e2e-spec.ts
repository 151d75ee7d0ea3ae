import { AuditResult, serverAudits } from 'graphql-http';
import { TestApp } from '../helpers/test-app';

// The GraphQL-over-HTTP spec's own conformance audit (graphql-http) against the running API: every
// MUST passes; SHOULD and MAY results are printed for the record (some are deliberate, see README).

describe('GraphQL over HTTP conformance', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start();
  });

  afterAll(async () => {
    await t.close();
  });

  it('passes every MUST of the graphql-http server audit', async () => {
    const results: AuditResult[] = [];
    for (const audit of serverAudits({ url: `${t.url}/graphql`, fetchFn: fetch })) {
      results.push(await audit.fn());
    }
    const failing = results.filter((r) => r.status !== 'ok');
    const must = results.filter((r) => r.name.startsWith('MUST'));
    const report = await Promise.all(
      failing.map(async (r) => {
        const response = 'response' in r ? await r.response.text().catch(() => '') : '';
        const reason = 'reason' in r ? r.reason : '';
        return `  ${r.status.toUpperCase()} ${r.name}: ${reason} (got ${response.slice(0, 160)})`;
      }),
    );
    console.log(
      `graphql-http audit: ${results.length} audits, ${must.filter((r) => r.status === 'ok').length}/${must.length} MUST pass; ` +
        `${failing.length} SHOULD/MAY not met:\n${report.join('\n')}`,
    );
    expect(must.filter((r) => r.status !== 'ok').map((r) => r.name)).toEqual([]);
  });

  it('answers every operation, success or error, with cache-control: no-store', async () => {
    const ok = await t.gql('{ __typename }');
    const bad = await t.gql('{ noSuchField }');
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(bad.headers.get('cache-control')).toBe('no-store');
  });
});
