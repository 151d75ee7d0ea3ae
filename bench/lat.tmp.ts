import { startEmbeddedMeilisearch } from '@app/search/meili/embedded-meilisearch';
import { createMeiliClient } from '@app/search/meili/meili-client';
import { readCorpus, readQueries } from './lib/dataset';
import { TermStats } from '@app/search/similar/term-stats';
import { shapeQueries, DEFAULT_SHAPE_PARAMS } from '@app/search/similar/query-shaper';
import { percentile } from './lib/percentile';
async function main(): Promise<void> {
  const m = await startEmbeddedMeilisearch({ dataDir: '.data/bench' });
  const c = createMeiliClient(m.url, m.masterKey, 5000);
  try {
    const dir = '/work/shared/data/afqmc';
    const corpus = readCorpus(dir).filter((e) => e.sources.includes('dev'));
    const stats = new TermStats(); for (const e of corpus) stats.upsert(e._id, e.text);
    const qs = readQueries(dir, 'dev').slice(0, 300);
    const uid = 'bench_dev_questions';
    const simUid = 'lat_sim';
    if (process.env.MAKE) {
      await c.deleteIndexIfExists(simUid);
      const docs = await c.index(uid).getDocuments({ fields: ['id', 'grams'], limit: 10000 });
      await c.createIndex(simUid, { primaryKey: 'id' }).waitTask();
      await c.index(simUid).updateSettings({ searchableAttributes: ['grams'], typoTolerance: { enabled: false }, prefixSearch: 'disabled', rankingRules: ['words', 'attribute', 'exactness'], proximityPrecision: 'byAttribute', facetSearch: false, filterableAttributes: [] }).waitTask();
      await c.index(simUid).addDocuments(docs.results).waitTask({ timeout: 600000 });
    }
    const filter = ['duplicateOf IS NULL', 'status != "CLOSED"'];
    const variants: Record<string, (q: string) => ReturnType<typeof shapeQueries>> = {
      mainFilter: (t) => shapeQueries(uid, t, stats, DEFAULT_SHAPE_PARAMS, filter),
      mainNoFilter: (t) => shapeQueries(uid, t, stats, DEFAULT_SHAPE_PARAMS),
      dedicated: (t) => shapeQueries(simUid, t, stats, DEFAULT_SHAPE_PARAMS).map((q) => ({ ...q, attributesToSearchOn: undefined })),
    };
    for (let round = 0; round < 2; round++) for (const [name, fn] of Object.entries(variants)) {
      const lat: number[] = [];
      for (const q of qs) { const t0 = performance.now(); await c.multiSearch({ queries: fn(q.text) }); lat.push(performance.now() - t0); }
      console.log(round, name, percentile(lat, 50).toFixed(1), percentile(lat, 95).toFixed(1));
    }
  } finally { await m.stop(); }
}
void main();
