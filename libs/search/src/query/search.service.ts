import { AppError, RequestContext, charLength, decodeOffsetCursor, encodeCursor, pageSize } from '@app/core';
import {
  CategoriesService,
  QuestionStatus,
  QuestionsRepository,
  TagCount,
  VisibilityService,
  canSeeQuestion,
} from '@app/forum';
import { Injectable } from '@nestjs/common';
import { FederatedMultiSearchParams, Hit, SearchParams, SearchResponse } from 'meilisearch';
import { IndexIdentityGuard } from '../identity/index-identity.guard';
import { QuestionDocument } from '../index/question-document';
import { QuestionIndex } from '../index/question-index';
import { isIndexNotFound } from '../meili/meili-client';
import { readFromMeili } from '../search.errors';
import { HIGHLIGHT_POST, HIGHLIGHT_PRE, escapeHtml, hasHighlight, renderHighlight } from './highlight';
import { searchQueryVariants } from './query-shaping';
import { SearchFilterValues, buildSearchFilter } from './search-filter';
import { CategoryCount, SearchConnection, SearchEdge } from './search.models';
import { StaleDocuments } from './stale-documents';

const MAX_QUERY_CHARS = 200;
const MAX_FACETS = 30;
const CURSOR_KIND = 'sq';
const FACETS = ['tags', 'category'];
// Where a snippet comes from, in order of preference when several match: the fix before the problem.
const SNIPPET_FIELDS = ['officialAnswer', 'acceptedAnswer', 'body'] as const;

interface RawResults {
  hits: Hit<QuestionDocument>[];
  tags: Record<string, number>;
  categories: Record<string, number>;
  estimatedTotalHits: number;
}

/**
 * Full-text search of threads: Meilisearch ranks, MySQL supplies the rows (never a stale, deleted or
 * foreign one: the index must mirror this database, and each hit's document must still describe its row).
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly index: QuestionIndex,
    private readonly questions: QuestionsRepository,
    private readonly identity: IndexIdentityGuard,
    private readonly stale: StaleDocuments,
    private readonly visibility: VisibilityService,
    private readonly categories: CategoriesService,
  ) {}

  async search(
    ctx: RequestContext,
    rawQuery: string,
    filter: SearchFilterValues | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<SearchConnection> {
    const query = cleanQuery(rawQuery);
    const size = pageSize(first, 10);
    const offset = decodeOffsetCursor(CURSOR_KIND, after);
    // No words: the newest solved threads, as a landing list.
    const blank = query === '';
    const expression = buildSearchFilter(blank ? { ...filter, solvedOnly: true } : (filter ?? {}));
    await this.identity.assertServing();
    const params = searchParams(expression, blank);
    const response = await readFromMeili('searchQuestions', async () => {
      try {
        return await this.query(query, params, offset, size + 1);
      } catch (err) {
        if (isIndexNotFound(err)) return null; // nothing indexed yet
        throw err;
      }
    });
    if (!response) return emptyConnection();

    const hits = response.hits.slice(0, size);
    const rows = await this.questions.loader(ctx).loadMany(hits.map((h) => String(h.id)));
    const access = await this.visibility.access(ctx);
    const edges: SearchEdge[] = [];
    const stale: string[] = [];
    hits.forEach((hit, i) => {
      const node = rows[i];
      // The index may lag MySQL: a row that is gone or now closed is left out.
      if (!node || node instanceof Error || node.status === QuestionStatus.CLOSED || node.isHidden) {
        if (!node) stale.push(String(hit.id));
        return;
      }
      if (!this.stale.describes(node, hit.indexedVersion)) {
        stale.push(node.id);
        return;
      }
      if (!canSeeQuestion(access, node)) return; // the forum's visibility policy
      edges.push({
        node,
        cursor: encodeCursor(CURSOR_KIND, offset + i + 1),
        score: hit._federation?.weightedRankingScore ?? hit._rankingScore ?? 0,
        highlightedTitle: hasHighlight(hit._formatted?.title)
          ? renderHighlight(hit._formatted?.title ?? '')
          : escapeHtml(node.title),
        snippet: snippetOf(hit._formatted ?? {}),
      });
    });
    await this.stale.requeue('searchQuestions', stale);
    return {
      edges,
      pageInfo: {
        hasNextPage: response.hits.length > size,
        endCursor: hits.length > 0 ? encodeCursor(CURSOR_KIND, offset + hits.length) : null,
      },
      facets: tagFacets(response.tags),
      categoryFacets: await this.categoryFacets(response.categories),
      estimatedTotalCount: response.estimatedTotalHits,
    };
  }

  /** Counts by category key, named and ordered like `categories` (keys no longer defined are left out). */
  private async categoryFacets(distribution: Record<string, number>): Promise<CategoryCount[]> {
    if (Object.keys(distribution).length === 0) return [];
    const known = await this.categories.list();
    return known
      .filter((c) => (distribution[c.key] ?? 0) > 0)
      .map((c) => ({ key: c.key, name: c.name, count: distribution[c.key] }));
  }

  private async query(
    query: string,
    params: SearchParams,
    offset: number,
    limit: number,
  ): Promise<RawResults> {
    const request = searchRequest(this.index.uid, query, params, offset, limit);
    const client = await this.index.client();
    if (request.path !== 'multi-search') {
      const r = await client.httpRequest.post<SearchResponse<QuestionDocument>>(request);
      return {
        hits: r.hits,
        tags: r.facetDistribution?.tags ?? {},
        categories: r.facetDistribution?.category ?? {},
        estimatedTotalHits: r.estimatedTotalHits ?? r.hits.length,
      };
    }
    const r = await client.httpRequest.post<SearchResponse<QuestionDocument>>(request);
    return {
      hits: r.hits,
      tags: r.facetsByIndex?.[this.index.uid]?.distribution.tags ?? {},
      categories: r.facetsByIndex?.[this.index.uid]?.distribution.category ?? {},
      estimatedTotalHits: r.estimatedTotalHits ?? r.hits.length,
    };
  }
}

/** What every search asks Meilisearch for: ids and versions (rows come from MySQL), highlights, crops. */
export function searchParams(filter: SearchParams['filter'], newestFirst: boolean): SearchParams {
  return {
    filter,
    sort: newestFirst ? ['createdAt:desc'] : undefined,
    showRankingScore: true,
    attributesToRetrieve: ['id', 'indexedVersion'],
    attributesToHighlight: ['title', ...SNIPPET_FIELDS],
    attributesToCrop: [...SNIPPET_FIELDS],
    cropLength: 40,
    cropMarker: '…',
    highlightPreTag: HIGHLIGHT_PRE,
    highlightPostTag: HIGHLIGHT_POST,
  };
}

/**
 * The Meilisearch request of a search (exported for bench:api, which sends it raw as the floor):
 * one search, or several merged (federated) when the query has several words: the query as typed
 * plus rotations of its words (query-shaping.ts searchQueryVariants), each document counted once.
 */
export function searchRequest(
  uid: string,
  query: string,
  params: SearchParams,
  offset: number,
  limit: number,
): { path: string; body: Record<string, unknown> } {
  const variants = query === '' ? [{ q: '', weight: 1 }] : searchQueryVariants(query);
  if (variants.length === 1) {
    return { path: `indexes/${uid}/search`, body: { q: query, ...params, offset, limit, facets: FACETS } };
  }
  const body: FederatedMultiSearchParams = {
    federation: { offset, limit, facetsByIndex: { [uid]: FACETS } },
    queries: variants.map((v) => ({
      ...params,
      indexUid: uid,
      q: v.q,
      federationOptions: { weight: v.weight },
    })),
  };
  return { path: 'multi-search', body: body as unknown as Record<string, unknown> };
}

/** Trimmed, single-spaced, bounded; control characters are bad input. */
export function cleanQuery(raw: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uE000\uE001]/.test(raw)) {
    throw AppError.badInput('query contains invalid characters', 'query');
  }
  const query = raw.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (charLength(query) > MAX_QUERY_CHARS) {
    throw AppError.badInput(`query must be at most ${MAX_QUERY_CHARS} characters`, 'query');
  }
  return query;
}

function snippetOf(formatted: Partial<QuestionDocument>): string {
  const field = SNIPPET_FIELDS.find((f) => hasHighlight(formatted[f])) ?? 'body';
  return renderHighlight(formatted[field] ?? '');
}

function tagFacets(distribution: Record<string, number>): TagCount[] {
  return Object.entries(distribution)
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, MAX_FACETS);
}

function emptyConnection(): SearchConnection {
  return {
    edges: [],
    pageInfo: { hasNextPage: false, endCursor: null },
    facets: [],
    categoryFacets: [],
    estimatedTotalCount: 0,
  };
}
