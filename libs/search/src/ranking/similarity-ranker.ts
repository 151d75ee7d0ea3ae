import { Injectable } from '@nestjs/common';
import type { FederatedMultiSearchParams } from 'meilisearch';
import { QuestionDocument } from '../index/question-document';
import { QuestionIndex } from '../index/question-index';
import { isIndexNotFound } from '../meili/meili-client';
import { rotatedQueries, shapeDraftQuery } from '../query/query-shaping';
import { buildSearchFilter } from '../query/search-filter';

export interface SimilarDraft {
  title: string;
  body?: string | null;
}

/** A suggestion before hydration: the question id and a relevance score. */
export interface RankedSimilar {
  id: string;
  /** 0..1, compared with SIMILAR_MIN_SCORE. */
  score: number;
}

/**
 * Finds and orders the threads that may answer a draft. The seam for a better re-ranker: a replacement
 * only has to return ranked ids (closed duplicates and `excludeId` left out); validation, the minimum
 * score, hydration from MySQL and error mapping stay in SimilarQuestionsService.
 */
export abstract class SimilarityRanker {
  /** Best first, at most `limit` (fewer is fine). Meilisearch errors propagate to the caller. */
  abstract rank(draft: SimilarDraft, limit: number, excludeId?: string): Promise<RankedSimilar[]>;
}

export interface SimilarCandidate extends RankedSimilar {
  isSolved: boolean;
  hasOfficialAnswer: boolean;
  answerCount: number;
  meTooCount?: number;
}

// Among near-equal matches, a thread that already has the fix is the better suggestion.
const SOLVED_BONUS = 0.04;
const OFFICIAL_BONUS = 0.04;
// Many members with the same problem: a small, saturating nudge (0.01 per doubling, at most 0.04).
const meTooBonus = (n = 0): number => Math.min(0.04, 0.01 * Math.log2(1 + n));

/** Orders candidates by Meilisearch relevance with a nudge for solved and official threads. */
export function preferSolved(candidates: SimilarCandidate[]): RankedSimilar[] {
  const preference = (c: SimilarCandidate): number =>
    c.score +
    (c.isSolved ? SOLVED_BONUS : 0) +
    (c.hasOfficialAnswer ? OFFICIAL_BONUS : 0) +
    meTooBonus(c.meTooCount);
  return [...candidates]
    .sort((a, b) => preference(b) - preference(a) || b.answerCount - a.answerCount)
    .map((c) => ({ id: c.id, score: c.score }));
}

/**
 * Keyword ranker: the draft shaped into keyword queries (query/query-shaping.ts), searched together
 * in one federated request on the questions index, over-fetched, then re-ordered by preferSolved.
 */
@Injectable()
export class KeywordSimilarityRanker extends SimilarityRanker {
  constructor(private readonly index: QuestionIndex) {
    super();
  }

  async rank(draft: SimilarDraft, limit: number, excludeId?: string): Promise<RankedSimilar[]> {
    const queries = rotatedQueries(shapeDraftQuery(draft));
    if (queries.length === 0) return [];
    const filter = buildSearchFilter({}, excludeId);
    const client = await this.index.client();
    let hits;
    try {
      ({ hits } = await client.multiSearch<FederatedMultiSearchParams, QuestionDocument>({
        federation: { limit: Math.min(50, limit * 4) },
        queries: queries.map((q) => ({
          indexUid: this.index.uid,
          q,
          filter,
          showRankingScore: true,
          attributesToRetrieve: ['id', 'isSolved', 'hasOfficialAnswer', 'answerCount', 'meTooCount'],
        })),
      }));
    } catch (err) {
      if (isIndexNotFound(err)) return []; // nothing indexed yet
      throw err;
    }
    return preferSolved(
      hits.map((h) => ({
        id: h.id,
        isSolved: h.isSolved,
        hasOfficialAnswer: h.hasOfficialAnswer,
        answerCount: h.answerCount,
        meTooCount: h.meTooCount,
        score: h._rankingScore ?? h._federation?.weightedRankingScore ?? 0,
      })),
    );
  }
}
