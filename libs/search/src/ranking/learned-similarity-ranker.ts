import { AppConfig } from '@app/core';
import { Injectable } from '@nestjs/common';
import { QuestionDocument } from '../index/question-document';
import { QuestionIndex } from '../index/question-index';
import { cleanPlain, markdownToPlainText } from '../index/plain-text';
import { isIndexNotFound } from '../meili/meili-client';
import { shapeDraftQuery } from '../query/query-shaping';
import { filterLiteral } from '../query/search-filter';
import { Candidate } from '../similar/bm25-reranker';
import { LearnedReranker } from '../similar/learned-reranker';
import { DEFAULT_SHAPE_PARAMS, ShapeParams, shapeQueries } from '../similar/query-shaper';
import { similarityText } from '../similar/similarity-text';
import { SimilarityModel } from './similarity-model';
import { SimilarityStats } from './similarity-stats';
import { RankedSimilar, SimilarDraft, SimilarityRanker } from './similarity-ranker';

type TextFields = Pick<QuestionDocument, 'id' | 'title' | 'body'>;

/**
 * Duplicate suggestions (see similar/README.md): the draft's most informative char bigrams, as
 * hashed tokens, in SIMILAR_PERMUTATIONS short permuted queries on the duplicate-detection index
 * (open questions only; one multi-search, SIMILAR_CANDIDATES ids each); the union re-ranked in
 * process by BM25 plus the term weights learned from duplicate links (SimilarityModel), with corpus
 * statistics from SimilarityStats. The score handed out is LearnedReranker's 0..1 similarity.
 */
@Injectable()
export class LearnedSimilarityRanker extends SimilarityRanker {
  private readonly shape: ShapeParams;

  constructor(
    private readonly index: QuestionIndex,
    private readonly stats: SimilarityStats,
    private readonly model: SimilarityModel,
    config: AppConfig,
  ) {
    super();
    this.shape = {
      ...DEFAULT_SHAPE_PARAMS,
      permutations: config.get('SIMILAR_PERMUTATIONS'),
      limit: config.get('SIMILAR_CANDIDATES'),
    };
  }

  async rank(draft: SimilarDraft, limit: number, excludeId?: string): Promise<RankedSimilar[]> {
    // A draft of nothing but function words (请问怎么办呢) names no problem: suggest nothing.
    if (shapeDraftQuery(draft).length === 0) return [];
    // The same text the index documents are built from (question-document.ts), so a question
    // compared with its own draft is an exact match.
    const text = similarityText(cleanPlain(draft.title), draft.body ? markdownToPlainText(draft.body) : '');
    const stats = await this.stats.current();
    // The similar index holds open questions only (no filter needed); excludeId is dropped below.
    const queries = shapeQueries(this.index.similarUid, text, stats, this.shape);
    if (queries.length === 0) return [];
    const client = await this.index.client();
    let results;
    try {
      ({ results } = await client.multiSearch({
        queries: queries.map((q) => ({ ...q, attributesToRetrieve: ['id', 'indexedVersion'] })),
      }));
    } catch (err) {
      if (isIndexNotFound(err)) return []; // nothing indexed yet
      throw err;
    }
    const ids = new Set<string>();
    const versions = new Map<string, string | undefined>();
    for (const r of results) {
      for (const h of r.hits) {
        ids.add(String(h.id));
        versions.set(String(h.id), (h as { indexedVersion?: string }).indexedVersion);
      }
    }
    if (excludeId !== undefined) ids.delete(excludeId);
    await this.countUnseen([...ids].filter((id) => !stats.has(id)));
    const current = await this.stats.current();
    const candidates: Candidate[] = [];
    for (const id of ids) {
      const t = current.textOf(id);
      if (t !== undefined) candidates.push({ id, text: t });
    }
    return new LearnedReranker(current, this.model.current())
      .rank(text, candidates)
      .slice(0, limit)
      .map((r) => ({ id: r.id, score: r.similarity, indexedVersion: versions.get(r.id) }));
  }

  /** Documents another process indexed since our statistics were built: read and count them. */
  private async countUnseen(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const index = await this.index.index();
    const page = await index.getDocuments<TextFields>({
      filter: `id IN [${ids.map(filterLiteral).join(', ')}]`,
      fields: ['id', 'title', 'body'],
      limit: ids.length,
    });
    this.stats.apply(
      page.results.map((d) => ({ ...d, id: String(d.id) })),
      [],
    );
  }
}
