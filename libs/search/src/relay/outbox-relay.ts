import { AppConfig, ClaimedEvent, Metrics, outboxRetryDelayMs, errorSummary } from '@app/core';
import { QUESTION_EVENTS } from '@app/forum';
import { Injectable, Logger, Optional } from '@nestjs/common';
import { IndexIdentityGuard } from '../identity/index-identity.guard';
import { sameDocument } from '../index/question-document';
import { QuestionDocumentsLoader } from '../index/question-documents.loader';
import { QuestionIndex } from '../index/question-index';
import { isMeiliUnavailable } from '../meili/meili-client';
import { SimilarityLink, SimilarityLinksRepository } from '../ranking/similarity-links.repository';
import { SearchOutboxRepository } from './search-outbox.repository';

export interface BatchResult {
  claimed: number;
  processed: number;
  failed: number;
  /** Meilisearch could not be reached: the caller should wait until it is back. */
  unavailable: boolean;
}

const QUESTION = 'question';
// A question changed again between our read and our write more often than this: leave it to its
// own outbox row instead of chasing it.
const MAX_REWRITES = 3;

/**
 * Moves outbox rows into the questions index: claim a batch, reload the affected questions from MySQL,
 * upsert (or delete) their documents, wait for Meilisearch to report success, then mark the rows done.
 * Any failure puts the rows back with exponential back-off; nothing is ever dropped.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);

  constructor(
    private readonly store: SearchOutboxRepository,
    private readonly loader: QuestionDocumentsLoader,
    private readonly index: QuestionIndex,
    private readonly config: AppConfig,
    private readonly links: SimilarityLinksRepository,
    private readonly identity: IndexIdentityGuard,
    @Optional() private readonly metrics?: Metrics,
  ) {}

  get batchSize(): number {
    return this.config.get('SEARCH_RELAY_BATCH_SIZE');
  }

  async isReachable(): Promise<boolean> {
    try {
      await (await this.index.client()).health();
      return true;
    } catch {
      return false;
    }
  }

  async runOnce(): Promise<BatchResult> {
    // Before claiming: while Meilisearch is down, rows stay untouched (no attempts burnt on an outage).
    try {
      await this.index.ensureReady();
    } catch (err) {
      if (isMeiliUnavailable(err)) return { claimed: 0, processed: 0, failed: 0, unavailable: true };
      throw err;
    }
    // Never into another database's index: the rows wait in the outbox until a reindex (the guard
    // logs and reports why).
    if (!(await this.identity.writable())) return { claimed: 0, processed: 0, failed: 0, unavailable: false };
    const events = await this.store.claim(this.batchSize, this.config.get('SEARCH_RELAY_LEASE_MS'));
    if (events.length === 0) return { claimed: 0, processed: 0, failed: 0, unavailable: false };
    try {
      await this.sync(questionIds(events));
      await this.recordLinks(events);
      await this.store.markProcessed(events.map((e) => e.id));
      return { claimed: events.length, processed: events.length, failed: 0, unavailable: false };
    } catch (err) {
      if (isMeiliUnavailable(err) || events.length === 1) {
        await this.retryLater(events, err);
        return {
          claimed: events.length,
          processed: 0,
          failed: events.length,
          unavailable: isMeiliUnavailable(err),
        };
      }
      // Something in the batch is rejected (not an outage): one question at a time, so one bad
      // document cannot hold back the others.
      return this.isolate(events);
    }
  }

  private async isolate(events: ClaimedEvent[]): Promise<BatchResult> {
    const result: BatchResult = { claimed: events.length, processed: 0, failed: 0, unavailable: false };
    const groups = new Map<string, ClaimedEvent[]>();
    for (const e of events) {
      const key = e.aggregateType === QUESTION ? e.aggregateId : '';
      groups.set(key, [...(groups.get(key) ?? []), e]);
    }
    for (const [questionId, group] of groups) {
      try {
        if (questionId) await this.sync([questionId]);
        await this.recordLinks(group);
        await this.store.markProcessed(group.map((e) => e.id));
        result.processed += group.length;
      } catch (err) {
        await this.retryLater(group, err);
        result.failed += group.length;
        result.unavailable ||= isMeiliUnavailable(err);
      }
    }
    return result;
  }

  /**
   * Brings the documents of these questions in line with MySQL. Two relays can race on one question
   * (leases expire, or two rows of it sit in two batches): the one whose read was older may write
   * last. So after our write has succeeded we read again, and rewrite whatever changed meanwhile:
   * whoever writes last has then checked that it wrote the current state.
   */
  async sync(ids: string[]): Promise<void> {
    let pending = ids;
    let docs = await this.loader.load(pending);
    for (let round = 0; pending.length > 0 && round < MAX_REWRITES; round++) {
      await this.index.write(
        pending.flatMap((id) => docs.get(id) ?? []),
        pending.filter((id) => !docs.has(id)),
      );
      const again = await this.loader.load(pending);
      pending = pending.filter((id) => !sameDocument(docs.get(id), again.get(id)));
      docs = again;
    }
  }

  /**
   * "Closed as a duplicate of" is the forum's own labelled pair: kept in similarity_links, where the
   * duplicate-detection model learns from it (SimilarityModel). Idempotent, so a replay is harmless.
   */
  private async recordLinks(events: ClaimedEvent[]): Promise<void> {
    const links: SimilarityLink[] = [];
    for (const e of events) {
      if (e.topic !== QUESTION_EVENTS.closed) continue;
      const target = (JSON.parse(e.payload || '{}') as { duplicateOfId?: unknown }).duplicateOfId;
      if (typeof target === 'string' || typeof target === 'number') {
        links.push({ questionId: e.aggregateId, similarQuestionId: String(target) });
      }
    }
    if (links.length > 0) await this.links.add(links, 'duplicate_close');
  }

  private async retryLater(events: ClaimedEvent[], err: unknown): Promise<void> {
    const message = errorSummary(err);
    this.metrics?.recordSearchFailure(isMeiliUnavailable(err) ? 'unavailable' : 'rejected');
    const max = this.config.get('SEARCH_RELAY_MAX_BACKOFF_MS');
    // Rows of one batch usually share their attempt count: one UPDATE per count.
    const byAttempts = new Map<number, string[]>();
    for (const e of events) byAttempts.set(e.attempts, [...(byAttempts.get(e.attempts) ?? []), e.id]);
    for (const [attempts, ids] of byAttempts) {
      await this.store.retryLater(ids, outboxRetryDelayMs(attempts, max), message);
    }
    if (!isMeiliUnavailable(err))
      this.logger.warn(`${events.length} outbox row(s) will be retried: ${message}`);
  }
}

function questionIds(events: ClaimedEvent[]): string[] {
  return [...new Set(events.filter((e) => e.aggregateType === QUESTION).map((e) => e.aggregateId))];
}
