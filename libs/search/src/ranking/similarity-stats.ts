import { Injectable, Logger } from '@nestjs/common';
import { QuestionDocument } from '../index/question-document';
import { QuestionIndex } from '../index/question-index';
import { isIndexNotFound } from '../meili/meili-client';
import { similarityText } from '../similar/similarity-text';
import { TermStats } from '../similar/term-stats';

type TextFields = Pick<QuestionDocument, 'id' | 'title' | 'body'>;
type Change = (stats: TermStats) => void;

const PAGE = 2000;
/** Pages overlap by this many documents, so deletions between two reads do not skip a document. */
const OVERLAP = 200;
// Documents counted between two yields to the event loop: a rebuild reads the whole index (100k
// questions: seconds of tokenizing), and requests served meanwhile must not wait for a page at a time.
const SLICE = 100;

/**
 * Reads every document of an index by offset, each at least once (upsert is idempotent, so twice is
 * harmless). Meilisearch numbers documents by position: a document deleted before the current offset
 * between two page reads shifts the rest one place forward, and a plain offset scan would skip one
 * document per deletion. Pages therefore overlap by OVERLAP, and a page whose first document was not
 * read yet (more deletions than the overlap, or a new document in a reused slot) is read again from a
 * page earlier, so nothing is skipped.
 */
export async function scanDocuments<D extends { id: string | number }>(
  fetchPage: (offset: number, limit: number) => Promise<readonly D[]>,
  visit: (docs: D[]) => Promise<void> | void,
  page = PAGE,
  overlap = OVERLAP,
): Promise<void> {
  const step = page - overlap;
  const seen = new Set<string>();
  let offset = 0;
  let backtracks = 0;
  for (;;) {
    const docs = await fetchPage(offset, page);
    // Not read yet: its first document, or, for an empty page after a full one, whatever the
    // deletions shifted below this offset.
    const unread = offset > 0 && (docs.length === 0 || !seen.has(String(docs[0].id)));
    const fresh = docs.filter((d) => !seen.has(String(d.id)));
    for (const d of fresh) seen.add(String(d.id));
    await visit(fresh);
    if (unread && backtracks < 100) {
      backtracks += 1;
      offset = Math.max(0, offset - step);
      continue;
    }
    if (docs.length < page) return;
    offset += step;
  }
}

/**
 * This process's copy of the corpus statistics duplicate detection needs (TermStats), kept equal
 * to the questions index:
 * - built from the index on first use (and rebuilt every SIMILAR_STATS_REFRESH_MS by
 *   SimilarityMaintenance);
 * - updated on every successful write to the live index (QuestionIndex.onWritten): the outbox relay's
 *   path, so in the process that runs the relay the statistics follow each change as it is indexed;
 * - updated with documents a search returned that it had not counted yet (another instance's relay
 *   indexed them).
 * With several API instances each keeps its own copy; edits and deletions relayed by another process
 * reach this copy at the next rebuild. Stale df values for minutes only nudge BM25's idf slightly.
 */
@Injectable()
export class SimilarityStats {
  private readonly logger = new Logger('SimilarityStats');
  private stats = new TermStats();
  private loading: Promise<unknown> | null = null;
  /** Changes seen while a rebuild reads the index, replayed onto the rebuilt copy. */
  private pending: Change[] | null = null;

  constructor(private readonly index: QuestionIndex) {
    index.onWritten((upserts, deleteIds) => this.apply(upserts, deleteIds));
  }

  /** The statistics, loaded from the index on first use; a failed load is retried on the next call. */
  async current(): Promise<TermStats> {
    this.loading ??= this.rebuild().catch((err: unknown) => {
      this.loading = null;
      throw err;
    });
    await this.loading;
    return this.stats;
  }

  apply(upserts: readonly TextFields[], deleteIds: readonly string[]): void {
    const change: Change = (s) => {
      for (const d of upserts) s.upsert(d.id, similarityText(d.title, d.body));
      for (const id of deleteIds) s.remove(id);
    };
    change(this.stats);
    this.pending?.push(change);
  }

  /** Reads every document of the index into a fresh copy, then swaps it in. */
  async rebuild(): Promise<{ documents: number; ms: number }> {
    if (this.pending) return { documents: this.stats.docCount, ms: 0 }; // one rebuild at a time
    const started = Date.now();
    const fresh = new TermStats();
    this.pending = [];
    try {
      const index = await this.index.index();
      await scanDocuments<TextFields>(
        async (offset, limit) => {
          try {
            const page = await index.getDocuments<TextFields>({
              fields: ['id', 'title', 'body'],
              offset,
              limit,
            });
            return page.results;
          } catch (err) {
            if (isIndexNotFound(err)) return []; // nothing indexed yet
            throw err;
          }
        },
        async (docs) => {
          for (let i = 0; i < docs.length; i += SLICE) {
            for (const d of docs.slice(i, i + SLICE))
              fresh.upsert(String(d.id), similarityText(d.title, d.body));
            await yieldToEventLoop();
          }
        },
      );
      for (const change of this.pending) change(fresh);
      this.stats = fresh;
    } finally {
      this.pending = null;
    }
    const ms = Date.now() - started;
    this.logger.log(`term statistics rebuilt from the index: ${fresh.docCount} questions in ${ms} ms`);
    return { documents: fresh.docCount, ms };
  }
}

/** Lets the I/O callbacks (requests, query results) that arrived meanwhile run before the next slice. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
