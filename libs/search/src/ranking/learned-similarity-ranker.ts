import { AppConfig } from '@app/core';
import { Injectable } from '@nestjs/common';
import type { MultiSearchQuery } from 'meilisearch';
import { QuestionDocument } from '../index/question-document';
import { QuestionIndex } from '../index/question-index';
import { cleanPlain, markdownToPlainText } from '../index/plain-text';
import { isIndexNotFound } from '../meili/meili-client';
import { draftHasContent } from '../query/query-shaping';
import { filterLiteral } from '../query/search-filter';
import { Candidate, LearnedReranker } from '../similar/learned-reranker';
import { DEFAULT_SHAPE_PARAMS, ShapeParams, shapeQueries } from '../similar/query-shaper';
import { similarityText } from '../similar/similarity-text';
import { SIMILAR_EMBEDDER } from '../similar/similar-index';
import { EmbeddingService } from '../embeddings/embedding.service';
import { embeddingText } from '../embeddings/embedding-text';
import { Fused, FusionInput, ThreadState, fuse, preference } from '../duplicates/fusion';
import { cosineFromRankingScore } from '../duplicates/vector-score';
import { SimilarityModel } from './similarity-model';
import { SimilarityStats } from './similarity-stats';
import { RankedSimilar, SimilarDraft, SimilarityRanker } from './similarity-ranker';

type TextFields = Pick<QuestionDocument, 'id' | 'title' | 'body'>;

type Hit = ThreadState & { id: string | number; indexedVersion?: string; _rankingScore?: number };

const HIT_FIELDS = ['id', 'indexedVersion', 'isSolved', 'hasOfficialAnswer', 'meTooCount'];

/** Everything the final score needs of one candidate (lexical + embedding features, thread state). */
export interface CandidateFeatures extends FusionInput {
  indexedVersion?: string;
  /** LearnedReranker's raw score (orders lexical-only ranking). */
  lexicalScore: number;
}

/**
 * Duplicate suggestions (see similar/README.md): the draft's most informative char bigrams, as
 * hashed tokens, in SIMILAR_PERMUTATIONS short permuted queries on the duplicate-detection index
 * (open questions only; one multi-search, SIMILAR_CANDIDATES ids each); the union re-ranked in
 * process by BM25 plus the term weights learned from duplicate links (SimilarityModel), with corpus
 * statistics from SimilarityStats. The score handed out is LearnedReranker's 0..1 similarity.
 *
 * With embeddings (embeddings/): the lexical budget shrinks to SIMILAR_FUSED_PERMUTATIONS queries of
 * SIMILAR_FUSED_CANDIDATES hits (the nearest questions are then the main candidate source; a draft
 * that fails to embed gets the full budget after all). The draft is embedded in the worker pool
 * (LRU-cached) while that lexical multi-search runs, and the vector store is asked for the SIMILAR_VECTOR_CANDIDATES nearest
 * questions as soon as the vector is there (both requests in flight at once); the lexical candidates
 * the nearest did not bring get the last nearest cosine as an upper bound (SIMILAR_LEXICAL_COSINES
 * bound; `exact` asks one more, filtered, vector search after the lexical hits). The union is
 * scored by duplicates/fusion.ts (learned weights of lexical similarity and cosine, plus the
 * explicit solved / official / me-too preference). Without (off, missing model, failure) the
 * lexical score orders, with the same preference as a small multiplier.
 */
@Injectable()
export class LearnedSimilarityRanker extends SimilarityRanker {
  private readonly shape: ShapeParams;
  /** The smaller lexical budget of a draft with a vector (SIMILAR_FUSED_PERMUTATIONS / _CANDIDATES). */
  private readonly fusedShape: ShapeParams;
  private readonly vectorCandidates: number;
  /**
   * Cosines of the lexical candidates the nearest did not bring (SIMILAR_LEXICAL_COSINES): `bound`
   * gives them the last nearest cosine (an upper bound of theirs; no request waits on the lexical
   * hits), `exact` asks the vector store (one more request). Exposed for the bench's comparison.
   */
  lexicalCosines: 'bound' | 'exact';

  constructor(
    private readonly index: QuestionIndex,
    private readonly stats: SimilarityStats,
    private readonly model: SimilarityModel,
    config: AppConfig,
    private readonly embeddings: EmbeddingService,
  ) {
    super();
    this.vectorCandidates = config.get('SIMILAR_VECTOR_CANDIDATES');
    this.lexicalCosines = config.get('SIMILAR_LEXICAL_COSINES');
    this.shape = {
      ...DEFAULT_SHAPE_PARAMS,
      permutations: config.get('SIMILAR_PERMUTATIONS'),
      limit: config.get('SIMILAR_CANDIDATES'),
    };
    this.fusedShape = {
      ...DEFAULT_SHAPE_PARAMS,
      permutations: config.get('SIMILAR_FUSED_PERMUTATIONS'),
      limit: config.get('SIMILAR_FUSED_CANDIDATES'),
    };
  }

  async rank(draft: SimilarDraft, limit: number, excludeId?: string): Promise<RankedSimilar[]> {
    const found = await this.rankWithFeatures(draft, excludeId);
    if (found === null) return [];
    return found.ranked
      .slice(0, limit)
      .map((r) => ({ id: r.id, score: r.similarity, indexedVersion: found.versions.get(r.id) }));
  }

  /** rank() before the cut, with the candidates' features (the bench reorders them). */
  async rankWithFeatures(
    draft: SimilarDraft,
    excludeId?: string,
  ): Promise<{
    ranked: Fused[];
    candidates: CandidateFeatures[];
    versions: Map<string, string | undefined>;
    fused: boolean;
  } | null> {
    // A draft of nothing but function words (请问怎么办呢) names no problem: suggest nothing.
    if (!draftHasContent(draft)) return null;
    const title = cleanPlain(draft.title);
    const body = draft.body ? markdownToPlainText(draft.body) : '';
    const features = await this.candidates(title, body, excludeId, null, this.lexicalCosines);
    if (features === null) return null;
    const fused = features.vector !== null;
    return {
      ranked: this.order(features.candidates, fused),
      candidates: features.candidates,
      versions: features.versions,
      fused,
    };
  }

  /** Final order: fused (with a draft vector) or lexical; both apply the explicit preference. */
  order(candidates: readonly CandidateFeatures[], fused: boolean): Fused[] {
    if (fused) return fuse(candidates, this.model.fusion());
    return candidates
      .filter((c) => c.lexicalScore > 0 || c.lexical > 0)
      .map((c) => ({
        id: c.id,
        similarity: c.lexical,
        rankScore: c.lexicalScore + Math.abs(c.lexicalScore) * preference(c),
      }))
      .sort((a, b) => b.rankScore - a.rankScore || (a.id < b.id ? -1 : 1));
  }

  /**
   * The candidates of a draft with their features: lexical (the permuted multi-search, re-ranked by
   * LearnedReranker) and, when the draft has a vector, the nearest questions of the vector store and
   * the cosines of all of them. `vector` given: used as is (the refit passes stored vectors); null:
   * the draft is embedded; false: lexical only. `lexicalCosines`: see the field (the refit asks
   * `exact`). Null result: nothing to search for.
   */
  async candidates(
    title: string,
    body: string,
    excludeId: string | undefined,
    vector: Float32Array | null | false,
    lexicalCosines: 'bound' | 'exact',
  ): Promise<{
    candidates: CandidateFeatures[];
    versions: Map<string, string | undefined>;
    vector: Float32Array | null;
  } | null> {
    // The same text the index documents are built from (question-document.ts), so a question
    // compared with its own draft is an exact match.
    const text = similarityText(title, body);
    const embedded: Promise<Float32Array | null> =
      vector === false
        ? Promise.resolve(null)
        : vector !== null
          ? Promise.resolve(vector)
          : this.embeddings.enabled
            ? this.embeddings.embedDraft(embeddingText(title, body)).catch(() => null)
            : Promise.resolve(null);
    const stats = await this.stats.current();
    // A draft that will have a vector takes the smaller lexical budget: the nearest questions are the
    // main candidate source and the lexical queries add the few the embedding misses.
    const expectVector = vector !== false && (vector !== null || this.embeddings.enabled);
    // The similar index holds open questions only (no filter needed); excludeId is dropped below.
    const queries = shapeQueries(
      this.index.similarUid,
      text,
      stats,
      expectVector ? this.fusedShape : this.shape,
    );
    const client = await this.index.client();
    const vectorQuery = (v: Float32Array, limit: number, ids?: string[]): MultiSearchQuery => ({
      indexUid: this.index.similarUid,
      vector: Array.from(v),
      hybrid: { embedder: SIMILAR_EMBEDDER, semanticRatio: 1 },
      showRankingScore: true,
      attributesToRetrieve: HIT_FIELDS,
      limit,
      ...(ids ? { filter: `id IN [${ids.map(filterLiteral).join(', ')}]` } : {}),
    });
    // The lexical multi-search and the vector store's nearest questions go at once (the nearest as
    // soon as the draft is embedded); only the cosines of the lexical candidates the nearest did not
    // bring wait for the lexical hits.
    const searchLexical = (qs: MultiSearchQuery[]): Promise<Hit[]> =>
      qs.length > 0
        ? client
            .multiSearch({ queries: qs.map((q) => ({ ...q, attributesToRetrieve: HIT_FIELDS })) })
            .then(({ results }) => results.flatMap((r) => r.hits as Hit[]))
        : Promise.resolve([]);
    const lexicalSearch = searchLexical(queries);
    const nearestSearch: Promise<Hit[]> = embedded.then((v) =>
      v === null
        ? []
        : client
            .multiSearch({ queries: [vectorQuery(v, this.vectorCandidates)] })
            .then(({ results }) => results[0].hits as Hit[]),
    );
    const [lexicalHits, nearestHits] = await Promise.allSettled([lexicalSearch, nearestSearch]);
    for (const r of [lexicalHits, nearestHits]) {
      if (r.status === 'rejected') {
        if (isIndexNotFound(r.reason)) return null; // nothing indexed yet
        throw r.reason;
      }
    }
    const draftVector = await embedded;
    let lexicalFound = (lexicalHits as PromiseFulfilledResult<Hit[]>).value;
    let lexicalQueries = queries.length;
    if (expectVector && draftVector === null) {
      // The draft could not be embedded after all: the full lexical budget, as without embeddings.
      const full = shapeQueries(this.index.similarUid, text, stats, this.shape);
      lexicalFound = await searchLexical(full);
      lexicalQueries = full.length;
    }
    if (lexicalQueries === 0 && draftVector === null) return null;
    const state = new Map<string, Hit>();
    const versions = new Map<string, string | undefined>();
    const lexicalIds = new Set<string>();
    const cosines = new Map<string, number>();
    const take = (h: Hit, lexical: boolean): void => {
      const id = String(h.id);
      if (id === excludeId) return;
      if (lexical) lexicalIds.add(id);
      if (!state.has(id)) state.set(id, h);
      versions.set(id, h.indexedVersion);
      if (!lexical && h._rankingScore !== undefined) cosines.set(id, cosineFromRankingScore(h._rankingScore));
    };
    for (const h of lexicalFound) take(h, true);
    const nearest = (nearestHits as PromiseFulfilledResult<Hit[]>).value;
    for (const h of nearest) take(h, false);
    if (draftVector !== null) {
      const unscored = [...lexicalIds].filter((id) => !cosines.has(id));
      if (unscored.length > 0 && lexicalCosines === 'bound') {
        // Fewer nearest than asked for: every document with a vector is among them, so the others have
        // none (not embedded yet, or indexed while the model was down) and get no cosine credit.
        if (nearest.length >= this.vectorCandidates) {
          const bound = cosines.size > 0 ? Math.min(...cosines.values()) : 0;
          for (const id of unscored) cosines.set(id, bound);
        }
      } else if (unscored.length > 0) {
        const { results } = await client.multiSearch({
          queries: [vectorQuery(draftVector, unscored.length, unscored)],
        });
        for (const h of results[0].hits as Hit[]) take(h, false);
      }
    }
    await this.countUnseen([...state.keys()].filter((id) => !stats.has(id)));
    const current = await this.stats.current();
    const texts: Candidate[] = [];
    for (const id of state.keys()) {
      const t = current.textOf(id);
      if (t !== undefined) texts.push({ id, text: t });
    }
    const lexical = new Map(
      new LearnedReranker(current, this.model.current()).rank(text, texts).map((r) => [r.id, r]),
    );
    const candidates: CandidateFeatures[] = [];
    for (const [id, h] of state) {
      const l = lexical.get(id);
      // Without a draft vector only lexical candidates count (as before embeddings).
      if (draftVector === null && !l) continue;
      candidates.push({
        id,
        indexedVersion: h.indexedVersion,
        lexical: l?.similarity ?? 0,
        lexicalScore: l?.score ?? 0,
        // A document without a vector (indexed while the model was unusable) gets no cosine credit.
        cosine: cosines.get(id) ?? 0,
        isSolved: h.isSolved,
        hasOfficialAnswer: h.hasOfficialAnswer,
        meTooCount: h.meTooCount,
      });
    }
    return { candidates, versions, vector: draftVector };
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
