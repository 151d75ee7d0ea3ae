/**
 * similarQuestions(title, body): Meilisearch candidate generation + in-process BM25 re-rank.
 *
 * Flow: text -> char terms -> 12 short permuted queries of hashed bigram tokens in ONE multi-search
 * (ids only) -> union of candidates -> texts from TermStats -> BM25 re-rank -> top k.
 * Pure (no Nest); the caller owns the MeiliSearch client (construct it with
 * requestInit.headers['accept-encoding'] = 'identity': compressed responses stall ~45 ms in Node).
 */
import type { MeiliSearch } from 'meilisearch';
import { Bm25Reranker, DEFAULT_RERANK_PARAMS, RerankParams, Scored } from './bm25-reranker';
import { joinTitleBody } from './index-settings';
import { DEFAULT_SHAPE_PARAMS, ShapeParams, shapeQueries } from './query-shaper';
import { TermStats } from './term-stats';

export interface SimilarQuestionsOptions {
  shape?: ShapeParams;
  rerank?: RerankParams;
}

export class SimilarQuestions {
  private readonly shape: ShapeParams;
  private readonly reranker: Bm25Reranker;

  constructor(
    private readonly client: MeiliSearch,
    private readonly indexUid: string,
    private readonly stats: TermStats,
    opts: SimilarQuestionsOptions = {},
  ) {
    this.shape = opts.shape ?? DEFAULT_SHAPE_PARAMS;
    this.reranker = new Bm25Reranker(stats, opts.rerank ?? DEFAULT_RERANK_PARAMS);
  }

  /** Best-first similar questions for a draft; `excludeId` drops the question itself when editing. */
  async similarQuestions(title: string, body: string, k = 10, excludeId?: string): Promise<Scored[]> {
    const text = joinTitleBody(title, body);
    const queries = shapeQueries(this.indexUid, text, this.stats, this.shape);
    if (queries.length === 0) return [];
    const res = await this.client.multiSearch({ queries });
    const ids = new Set<string>();
    for (const r of res.results) for (const h of r.hits) ids.add(String(h.id));
    if (excludeId !== undefined) ids.delete(excludeId);
    const candidates: Array<{ id: string; text: string }> = [];
    for (const id of ids) {
      const t = this.stats.textOf(id); // absent only while stats lag the index: skip, not fatal
      if (t !== undefined) candidates.push({ id, text: t });
    }
    return this.reranker.rank(text, candidates).slice(0, k);
  }
}

/** Start-up: rebuild TermStats from the index (then keep it updated from the outbox). */
export async function loadStatsFromIndex(
  client: MeiliSearch,
  indexUid: string,
  pageSize = 1000,
): Promise<TermStats> {
  const stats = new TermStats();
  for (let offset = 0; ; offset += pageSize) {
    const page = await client
      .index(indexUid)
      .getDocuments<{ id: string; text: string }>({ fields: ['id', 'text'], offset, limit: pageSize });
    for (const d of page.results) stats.upsert(String(d.id), d.text);
    if (page.results.length < pageSize) return stats;
  }
}
