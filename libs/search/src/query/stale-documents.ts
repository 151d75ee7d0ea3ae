import { Question } from '@app/forum';
import { Injectable, Logger } from '@nestjs/common';
import { questionContentVersion } from '../index/question-document';
import { SearchOutboxRepository } from '../relay/search-outbox.repository';
import { errorMessage } from '@app/core';

export const STALE_DOCUMENT_TOPIC = 'search.stale_document';

/**
 * Hydration's content check: a hit is shown only if the MySQL row is still the one its document was
 * built from (indexedVersion). A document that lags an edit, or that came from another database and
 * shares an id with a row here, is dropped from the answer and its question queued for re-indexing,
 * so the relay rewrites (or deletes) it.
 */
@Injectable()
export class StaleDocuments {
  private readonly logger = new Logger('Search');

  constructor(private readonly outbox: SearchOutboxRepository) {}

  /** True when `row` is what the document with `indexedVersion` describes. */
  describes(row: Question, indexedVersion: unknown): boolean {
    return typeof indexedVersion === 'string' && indexedVersion === questionContentVersion(row);
  }

  /** Queues these questions for re-indexing; a failure is logged, never passed to the search. */
  async requeue(what: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    try {
      const queued = await this.outbox.requeueQuestions(ids, STALE_DOCUMENT_TOPIC);
      this.logger.warn(
        `${what}: dropped ${ids.length} hit(s) whose document no longer matches its row (${ids.join(', ')}); ` +
          `${queued} queued for re-indexing`,
      );
    } catch (err) {
      this.logger.error(`${what}: could not queue stale documents: ${errorMessage(err)}`);
    }
  }
}
