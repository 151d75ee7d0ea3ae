import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LearnedTermWeights, TermWeightsSnapshot } from '../similar/learned-term-weights';
import { buildTrainingLists } from '../similar/training-lists';
import { DEFAULT_FIT_OPTIONS, fitTermWeights } from '../similar/weights-fitter';
import { SimilarityLinksStore } from './similarity-links.store';
import { SimilarityStats } from './similarity-stats';

export interface RefitResult {
  /** Links the model was fitted through (similarity_links.id). */
  lastLinkId: string;
  /** Training lists that held a linked question among their candidates. */
  lists: number;
  terms: number;
  iterations: number;
  ms: number;
}

// One refit at a time across every process sharing the database.
const REFIT_LOCK = 'qa_forum.similarity_refit';

/**
 * The learned term weights the ranker uses. Fitted in batch from similarity_links (refit), stored as
 * a snapshot in similarity_models so that every process (and every restart) loads the newest fit
 * instead of fitting again. With no links, or before the first fit, the weights are empty and the
 * ranking is plain BM25.
 */
@Injectable()
export class SimilarityModel {
  private readonly logger = new Logger('SimilarityModel');
  private weights = new LearnedTermWeights();
  private modelId: string | null = null;
  private fittedThrough = '0';

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly links: SimilarityLinksStore,
    private readonly stats: SimilarityStats,
  ) {}

  current(): LearnedTermWeights {
    return this.weights;
  }

  /** Loads the newest stored snapshot if it is not the one in use; true when it changed. */
  async loadLatest(): Promise<boolean> {
    const latestId = await this.links.latestModelId();
    if (latestId === null || latestId === this.modelId) return false;
    const stored = await this.links.latestModel();
    if (!stored) return false;
    this.weights = LearnedTermWeights.fromSnapshot(JSON.parse(stored.snapshot) as TermWeightsSnapshot);
    this.modelId = stored.id;
    this.fittedThrough = stored.lastLinkId;
    this.logger.log(`loaded similarity model ${stored.id} (${this.weights.size} weighted terms)`);
    return true;
  }

  /** Refits when at least `minNewLinks` links arrived since the model in use was fitted. */
  async refitIfDue(minNewLinks: number): Promise<RefitResult | null> {
    if ((await this.links.countAfter(this.fittedThrough)) < minNewLinks) return null;
    return this.refit();
  }

  /**
   * Fits the weights on every link against the current corpus statistics, stores and uses them.
   * CPU-bound for seconds per 10k links and it blocks this process's event loop meanwhile: run it
   * where the relay runs (the worker in a scaled deployment), not in a busy API instance. Returns
   * null when another process holds the refit lock.
   */
  async refit(): Promise<RefitResult | null> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      const [lock] = (await runner.query('SELECT GET_LOCK(?, 0) AS ok', [REFIT_LOCK])) as { ok: number }[];
      if (Number(lock.ok) !== 1) return null;
      try {
        return await this.fit();
      } finally {
        await runner.query('SELECT RELEASE_LOCK(?)', [REFIT_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }

  private async fit(): Promise<RefitResult> {
    const started = Date.now();
    const lastLinkId = await this.links.lastLinkId();
    const groups = await this.links.groups(lastLinkId);
    const stats = await this.stats.current();
    const lists = buildTrainingLists(stats, groups);
    const fit = fitTermWeights(lists, DEFAULT_FIT_OPTIONS);
    this.modelId = await this.links.saveModel(lastLinkId, fit.lists, JSON.stringify(fit.weights.snapshot()));
    this.weights = fit.weights;
    this.fittedThrough = lastLinkId;
    const result = {
      lastLinkId,
      lists: fit.lists,
      terms: fit.weights.size,
      iterations: fit.iterations,
      ms: Date.now() - started,
    };
    this.logger.log(
      `similarity model ${this.modelId} fitted on ${groups.length} linked questions (${fit.lists} usable lists): ` +
        `${result.terms} weighted terms, ${fit.iterations} iterations, ${result.ms} ms`,
    );
    return result;
  }
}
