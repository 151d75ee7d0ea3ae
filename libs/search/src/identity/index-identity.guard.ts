import { AppConfig, AppError, ErrorCode, errorMessage } from '@app/core';
import { Injectable, Logger } from '@nestjs/common';
import { QuestionIndex } from '../index/question-index';
import { ReindexProgress, ReindexService } from '../index/reindex.service';
import { isMeiliUnavailable } from '../meili/meili-client';
import { SimilarityStats } from '../ranking/similarity-stats';
import { IndexIdentityStatus, compareIdentity, isForeign } from './index-identity';
import { IndexIdentityRepository } from './index-identity.repository';

// A matching index is looked at again now and then (another environment sharing the Meilisearch and
// the prefix may rebuild it from its own database); a mismatch sooner, to notice an operator's reindex.
const MATCH_TTL_MS = 30_000;
const MISMATCH_TTL_MS = 3_000;

export const REINDEX_HINT = 'npm run cli -- reindex';

/**
 * Makes sure the search index mirrors the database this process serves (see index-identity.ts).
 * Outside production a foreign, unstamped or outdated index is rebuilt from MySQL at once (the
 * reindex service, progress logged). In production nothing is rebuilt behind the operator's back:
 * searches answer SERVICE_UNAVAILABLE while the index belongs to another database, the relay leaves
 * the outbox rows pending (they reach the index after the reindex), and /health/ready and /metrics
 * report it. An index that is merely outdated (migrations ran since it was built) still serves there:
 * its documents are this database's, and hydration checks each one (indexedVersion).
 */
@Injectable()
export class IndexIdentityGuard {
  private readonly logger = new Logger('SearchIndexIdentity');
  private cached: { at: number; status: Promise<IndexIdentityStatus> } | null = null;
  private last: IndexIdentityStatus | null = null;
  private rebuilding: Promise<void> | null = null;
  private reported: string | null = null;

  constructor(
    private readonly index: QuestionIndex,
    private readonly store: IndexIdentityRepository,
    private readonly reindexer: ReindexService,
    private readonly stats: SimilarityStats,
    private readonly config: AppConfig,
  ) {}

  /** Rebuild on a mismatch (development and tests) rather than refuse (production). */
  get rebuildsOnMismatch(): boolean {
    return !this.config.isProduction;
  }

  /** The last result, without looking again (metrics); null before the first check. */
  get lastStatus(): IndexIdentityStatus | null {
    return this.last;
  }

  /** The comparison, cached for a few seconds; `fresh` looks again now. Never throws. */
  status(fresh = false): Promise<IndexIdentityStatus> {
    const c = this.cached;
    if (!fresh && c) {
      const ttl = this.last?.state === 'match' ? MATCH_TTL_MS : MISMATCH_TTL_MS;
      if (Date.now() - c.at < ttl) return c.status;
    }
    const status = this.compare().then((s) => {
      this.last = s;
      this.report(s);
      return s;
    });
    this.cached = { at: Date.now(), status };
    return status;
  }

  /**
   * Start-up: compare, and outside production rebuild a mismatching index before serving. An
   * outage only logs (the relay and the next search try again).
   */
  async verifyAtStartup(): Promise<IndexIdentityStatus> {
    const status = await this.status(true);
    if (status.state !== 'match' && status.state !== 'unchecked' && this.rebuildsOnMismatch) {
      await this.rebuild(status).catch((err: unknown) =>
        this.logger.error(`rebuild failed: ${message(err)}`),
      );
      return this.status(true);
    }
    return status;
  }

  /**
   * Called before every search: returns when the index may answer for this database, rebuilds it
   * first outside production, throws SERVICE_UNAVAILABLE with the reason in production.
   */
  async assertServing(): Promise<void> {
    const status = await this.status();
    if (status.state === 'match' || status.state === 'unchecked') return; // an outage fails on its own
    if (this.rebuildsOnMismatch) {
      await this.rebuild(status);
      return;
    }
    if (!isForeign(status.state)) return; // outdated: still this database's documents
    throw new AppError(
      ErrorCode.SERVICE_UNAVAILABLE,
      'Search is unavailable: the search index was built from another database than the one this forum ' +
        'serves, so its results cannot be trusted. An administrator must rebuild it (reindex).',
      { reason: 'SEARCH_INDEX_FOREIGN' },
    );
  }

  /** Whether the relay may write into the live index (never into another database's index). */
  async writable(): Promise<boolean> {
    const status = await this.status();
    if (!isForeign(status.state)) return true;
    if (this.rebuildsOnMismatch && this.rebuilding) await this.rebuilding.catch(() => undefined);
    return !isForeign((await this.status(true)).state);
  }

  /** Rebuilds the index from MySQL (one at a time per process) and records this database in it. */
  private rebuild(status: IndexIdentityStatus): Promise<void> {
    this.rebuilding ??= (async () => {
      this.logger.warn(`${status.reason}: rebuilding it from this database (development)`);
      const result = await this.reindexer.reindex(progressLogger(this.logger));
      this.logger.log(
        `search index ${this.index.uid} rebuilt: ${result.documents} questions in ${(result.ms / 1000).toFixed(1)} s`,
      );
      await this.stats.rebuild().catch((err: unknown) => this.logger.warn(`statistics: ${message(err)}`));
      await this.status(true);
    })().finally(() => {
      this.rebuilding = null;
    });
    return this.rebuilding;
  }

  private async compare(): Promise<IndexIdentityStatus> {
    try {
      const database = await this.store.database();
      await this.index.ensureReady();
      let stamp = await this.store.read();
      // A new (or never written) index is this database's from the start.
      if (!stamp && (await this.store.liveDocuments()) === 0) stamp = await this.store.stamp(database);
      return compareIdentity(this.index.uid, database, stamp);
    } catch (err) {
      const what = isMeiliUnavailable(err) ? 'Meilisearch is unavailable' : message(err);
      return { state: 'unchecked', reason: `could not compare: ${what}`, database: null, index: null };
    }
  }

  /** Logs each change of state once (not every probe). */
  private report(status: IndexIdentityStatus): void {
    const key = `${status.state}:${status.reason ?? ''}`;
    if (key === this.reported) return;
    this.reported = key;
    if (status.state === 'match') {
      this.logger.log(`search index ${this.index.uid} mirrors database ${status.database?.database}`);
    } else if (status.state !== 'unchecked' && !this.rebuildsOnMismatch) {
      const effect = isForeign(status.state) ? 'search is refused until it is rebuilt' : 'it still serves';
      this.logger.error(`${status.reason}: ${effect}; run \`${REINDEX_HINT}\``);
    }
  }
}

/** Progress of a rebuild as log lines: at most one per 10 %, and the end. */
function progressLogger(logger: Logger): (p: ReindexProgress) => void {
  let lastTenth = -1;
  return ({ done, total }) => {
    const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
    if (tenth === lastTenth) return;
    lastTenth = tenth;
    const bar = '#'.repeat(tenth) + '-'.repeat(10 - tenth);
    logger.log(`rebuilding search index [${bar}] ${done}/${total} questions`);
  };
}

function message(err: unknown): string {
  return errorMessage(err);
}
