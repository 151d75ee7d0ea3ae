import { Injectable } from '@nestjs/common';
import { QuestionIndex } from '../index/question-index';
import { isIndexNotFound } from '../meili/meili-client';
import { SearchOutboxRepository } from '../relay/search-outbox.repository';

export interface SearchHealth {
  /** Meilisearch answers and the outbox is readable. */
  ok: boolean;
  meilisearch: {
    reachable: boolean;
    latencyMs: number | null;
    index: string;
    documents: number | null;
    error: string | null;
  };
  outbox: {
    pending: number;
    failing: number;
    oldestPendingSeconds: number | null;
  };
}

/** State of the search dependency, for health endpoints and readiness checks. */
@Injectable()
export class SearchHealthService {
  constructor(
    private readonly index: QuestionIndex,
    private readonly outbox: SearchOutboxRepository,
  ) {}

  async check(): Promise<SearchHealth> {
    const [meilisearch, stats] = await Promise.all([this.meili(), this.outbox.stats()]);
    return {
      ok: meilisearch.reachable,
      meilisearch,
      outbox: {
        pending: stats.pending,
        failing: stats.failing,
        oldestPendingSeconds: stats.oldestPendingAt
          ? Math.max(0, Math.round((Date.now() - stats.oldestPendingAt.getTime()) / 1000))
          : null,
      },
    };
  }

  private async meili(): Promise<SearchHealth['meilisearch']> {
    const started = performance.now();
    const base = { index: this.index.uid, documents: null, error: null };
    try {
      await (await this.index.client()).health();
      const latencyMs = Math.round((performance.now() - started) * 10) / 10;
      let documents: number | null = null;
      try {
        documents = (await (await this.index.index()).getStats()).numberOfDocuments;
      } catch (err) {
        if (!isIndexNotFound(err)) throw err;
      }
      return { ...base, reachable: true, latencyMs, documents };
    } catch (err) {
      return {
        ...base,
        reachable: false,
        latencyMs: null,
        // The name only: messages carry internal addresses.
        error: err instanceof Error ? err.name : 'Error',
      };
    }
  }
}
