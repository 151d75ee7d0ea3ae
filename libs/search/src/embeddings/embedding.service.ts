import { AppConfig, Metrics, errorMessage } from '@app/core';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import * as path from 'node:path';
import { Piscina } from 'piscina';
import { Gauge } from 'prom-client';
import { checkModel, defaultModelsDir, EMBEDDING_MODEL } from './embedding-model';
import { LruCache } from './lru-cache';

/** idle: not started yet; loading: the model is being checked and loaded; then ready or unavailable. */
export type EmbeddingState = 'off' | 'idle' | 'loading' | 'ready' | 'unavailable';

export interface EmbeddingStatus {
  state: EmbeddingState;
  model: string;
  /** Why embeddings are not used (state off or unavailable). */
  reason?: string;
}

/** Texts per worker call: the model is fastest on small length-sorted batches. */
const BATCH = 32;

/**
 * Sentence embeddings for duplicate detection, computed off the event loop in a worker-thread pool
 * (EMBEDDINGS_POOL_SIZE threads; started on first use). Every caller copes with `null` ("no
 * embeddings: rank lexically"): EMBEDDINGS=off, a missing model or a bad checksum (found at start),
 * or a runtime failure of the model. The first failure is logged once; the state shows in
 * /health/ready (degraded) and in /metrics (`embeddings_available`).
 */
@Injectable()
export class EmbeddingService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('EmbeddingService');
  private readonly drafts: LruCache<string, Float32Array>;
  private readonly modelsDir: string;
  private state: EmbeddingState;
  private reason: string | undefined;
  private pool: Promise<Piscina | null> | null = null;
  private piscina: Piscina | null = null;

  constructor(config: AppConfig, metrics: Metrics) {
    this.modelsDir = path.resolve(config.get('EMBEDDINGS_MODEL_DIR') ?? defaultModelsDir());
    this.drafts = new LruCache(config.get('EMBEDDINGS_CACHE_SIZE'));
    this.poolSize = config.get('EMBEDDINGS_POOL_SIZE');
    this.state = config.get('EMBEDDINGS') === 'off' ? 'off' : 'idle';
    if (this.state === 'off') this.reason = 'EMBEDDINGS=off';
    const available: Gauge = new Gauge({
      name: 'embeddings_available',
      help: 'Whether duplicate detection uses the embedding model (1) or runs lexical-only (0)',
      registers: [metrics.registry],
      collect: () => available.set(this.enabled ? 1 : 0),
    });
    const degraded: Gauge = new Gauge({
      name: 'embeddings_degraded',
      help: '1 when EMBEDDINGS=on but the model is missing, fails its checksum or failed at run time (lexical-only)',
      registers: [metrics.registry],
      collect: () => degraded.set(this.state === 'unavailable' ? 1 : 0),
    });
  }

  private readonly poolSize: number;

  get enabled(): boolean {
    return this.state !== 'off' && this.state !== 'unavailable';
  }

  status(): EmbeddingStatus {
    return { state: this.state, model: EMBEDDING_MODEL.id, ...(this.reason ? { reason: this.reason } : {}) };
  }

  /**
   * Checks the model and starts the pool (loading the model in every worker). Resolves to whether
   * embeddings are usable; never throws.
   */
  async ready(): Promise<boolean> {
    if (!this.enabled) return false;
    return (await this.startPool()) !== null;
  }

  /** One vector per text, in order; null when embeddings are not usable (rank lexically). */
  async embed(texts: readonly string[]): Promise<Float32Array[] | null> {
    const pool = this.enabled ? await this.startPool() : null;
    if (!pool) return null;
    try {
      // Batches of similar lengths pad less.
      const order = texts.map((_, i) => i).sort((a, b) => texts[a].length - texts[b].length);
      const out = new Array<Float32Array>(texts.length);
      const jobs: Promise<void>[] = [];
      for (let i = 0; i < order.length; i += BATCH) {
        const idx = order.slice(i, i + BATCH);
        jobs.push(
          (pool.run(idx.map((j) => texts[j])) as Promise<{ dims: number; buffer: ArrayBuffer }>).then((r) => {
            const all = new Float32Array(r.buffer);
            idx.forEach((j, k) => (out[j] = all.subarray(k * r.dims, (k + 1) * r.dims)));
          }),
        );
      }
      await Promise.all(jobs);
      return out;
    } catch (err) {
      this.fail(`the model failed at run time: ${errorMessage(err)}`);
      return null;
    }
  }

  /** A draft's vector, from the LRU cache when the same text was embedded recently. */
  async embedDraft(text: string): Promise<Float32Array | null> {
    const hit = this.drafts.get(text);
    if (hit) return hit;
    const v = await this.embed([text]);
    if (!v) return null;
    this.drafts.set(text, v[0]);
    return v[0];
  }

  /** Loads the model at start-up (in the workers), so a missing or broken one shows at once. */
  onApplicationBootstrap(): void {
    if (this.enabled) void this.ready();
  }

  async onModuleDestroy(): Promise<void> {
    const pool = this.piscina;
    this.piscina = null;
    this.pool = null;
    if (pool) await pool.destroy();
  }

  private startPool(): Promise<Piscina | null> {
    this.pool ??= (async () => {
      if (this.state === 'idle') this.state = 'loading';
      const check = await checkModel(this.modelsDir);
      if (!check.ok) {
        this.fail(check.reason);
        return null;
      }
      const ts = __filename.endsWith('.ts');
      const pool = new Piscina({
        filename: path.join(__dirname, `embedding.worker.${ts ? 'ts' : 'js'}`),
        minThreads: this.poolSize,
        maxThreads: this.poolSize,
        idleTimeout: Number.MAX_SAFE_INTEGER,
        workerData: { modelsDir: this.modelsDir, modelPath: EMBEDDING_MODEL.path },
        // From the TypeScript sources (tests, ts-node CLI and bench), the worker compiles itself.
        execArgv: ts ? ['-r', 'ts-node/register/transpile-only'] : [],
        env: ts ? { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' } : undefined,
      });
      this.piscina = pool;
      try {
        // Load the model in every worker now (0.3 s each) and prove it works before answering.
        await Promise.all(Array.from({ length: this.poolSize }, () => pool.run([])));
        const probe = (await pool.run(['检查'])) as { dims: number };
        if (probe.dims !== EMBEDDING_MODEL.dimensions)
          throw new Error(`the model gave ${probe.dims} dimensions`);
      } catch (err) {
        this.fail(`the model could not be loaded: ${errorMessage(err)}`);
        this.piscina = null;
        await pool.destroy().catch(() => undefined);
        return null;
      }
      this.state = 'ready';
      this.logger.log(`embedding model ${EMBEDDING_MODEL.id} loaded (${this.poolSize} worker threads)`);
      return pool;
    })();
    return this.pool;
  }

  /** Switches to lexical-only for the life of the process, logging the reason once. */
  private fail(reason: string): void {
    if (this.state === 'unavailable') return;
    this.state = 'unavailable';
    this.reason = reason;
    this.logger.warn(`duplicate detection runs lexical-only: ${reason}`);
    const pool = this.piscina;
    this.piscina = null;
    this.pool = Promise.resolve(null);
    if (pool) void pool.destroy().catch(() => undefined);
  }
}
