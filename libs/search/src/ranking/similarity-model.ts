import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LearnedTermWeights, TermWeightsSnapshot } from '../similar/learned-term-weights';
import { LinkGroup, buildTrainingLists } from '../similar/training-lists';
import { DEFAULT_FIT_OPTIONS, fitTermWeights } from '../similar/weights-fitter';
import { SimilarityLinksRepository } from './similarity-links.repository';
import { SimilarityStats } from './similarity-stats';
import { DEFAULT_FUSION_WEIGHTS, FusionWeights } from '../duplicates/fusion';
import { createHash } from 'node:crypto';

/**
 * Fits the fusion weights (lexical vs embedding) on the held-out link groups, with the term weights
 * just fitted in use; null: no embeddings or nothing usable (the previous weights stay).
 */
export type FusionFitter = (
  groups: readonly LinkGroup[],
) => Promise<{ weights: FusionWeights; lists: number } | null>;

/** Every tenth question (by a hash of its id) is held out for the fusion weights. */
export function isFusionQuestion(id: string): boolean {
  return createHash('sha256').update(id).digest()[0] % 10 === 0;
}

/**
 * A link touching a held-out question trains the fusion weights, the rest the term weights: a
 * held-out question never appears in the term-weight fit, so the lexical score is not flattered on
 * the lists the fusion weights are fitted on (a split by link let the same question sit on both
 * sides, and the fit then over-weighted the lexical score).
 */
export function isFusionLink(a: string, b: string): boolean {
  return isFusionQuestion(a) || isFusionQuestion(b);
}

export interface RefitResult {
  /** Links the model was fitted through (similarity_links.id). */
  lastLinkId: string;
  /** Training lists that held a linked question among their candidates. */
  lists: number;
  terms: number;
  iterations: number;
  ms: number;
}

// One refit at a time across every process sharing the database. MySQL's named locks are server-wide,
// so the name carries the database: two forums (or bench runs) on one server never skip each other's.
const REFIT_LOCK = "CONCAT(COALESCE(DATABASE(), ''), '.similarity_refit')";

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
  private fusionWeights: FusionWeights = DEFAULT_FUSION_WEIGHTS;
  private fusionFitter: FusionFitter | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly links: SimilarityLinksRepository,
    private readonly stats: SimilarityStats,
  ) {}

  current(): LearnedTermWeights {
    return this.weights;
  }

  /** The weights of lexical similarity and embedding cosine in the fused score (duplicates/fusion.ts). */
  fusion(): FusionWeights {
    return this.fusionWeights;
  }

  /** Registered by the ranker's side: fits the fusion weights as part of every refit. */
  useFusionFitter(fitter: FusionFitter): void {
    this.fusionFitter = fitter;
  }

  /** Loads the newest stored snapshot if it is not the one in use; true when it changed. */
  async loadLatest(): Promise<boolean> {
    const latestId = await this.links.latestModelId();
    if (latestId === null || latestId === this.modelId) return false;
    const stored = await this.links.latestModel();
    if (!stored) return false;
    const snapshot = JSON.parse(stored.snapshot) as TermWeightsSnapshot & { fusion?: FusionWeights };
    this.weights = LearnedTermWeights.fromSnapshot(snapshot);
    this.fusionWeights = snapshot.fusion ?? DEFAULT_FUSION_WEIGHTS;
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
      const [lock] = (await runner.query(`SELECT GET_LOCK(${REFIT_LOCK}, 0) AS ok`)) as { ok: number }[];
      if (Number(lock.ok) !== 1) return null;
      try {
        return await this.fit();
      } finally {
        await runner.query(`SELECT RELEASE_LOCK(${REFIT_LOCK})`);
      }
    } finally {
      await runner.release();
    }
  }

  private async fit(): Promise<RefitResult> {
    const started = Date.now();
    const lastLinkId = await this.links.lastLinkId();
    // Two disjoint splits of the links: term weights, then (with them in use) the fusion weights.
    const groups = await this.links.groups(lastLinkId, (a, b) => !isFusionLink(a, b));
    const stats = await this.stats.current();
    const lists = buildTrainingLists(stats, groups);
    const fit = fitTermWeights(lists, DEFAULT_FIT_OPTIONS);
    const previous = this.weights;
    this.weights = fit.weights;
    let fusion = this.fusionWeights;
    try {
      const fitted = this.fusionFitter
        ? await this.fusionFitter(
            (await this.links.groups(lastLinkId, isFusionLink)).filter((g) => isFusionQuestion(g.questionId)),
          )
        : null;
      if (fitted) {
        fusion = fitted.weights;
        this.logger.log(
          `fusion weights lexical ${fusion.lexical.toFixed(2)} / cosine ${fusion.cosine.toFixed(2)} from ${fitted.lists} held-out lists`,
        );
      }
    } catch (err) {
      this.weights = previous;
      throw err;
    }
    this.modelId = await this.links.saveModel(
      lastLinkId,
      fit.lists,
      JSON.stringify({ ...fit.weights.snapshot(), fusion }),
    );
    this.fusionWeights = fusion;
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
