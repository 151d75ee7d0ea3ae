import { Injectable, OnModuleInit } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { EMBEDDING_MODEL } from '../embeddings/embedding-model';
import { contentHash, embeddingText } from '../embeddings/embedding-text';
import { EmbeddingRepository } from '../embeddings/embedding.repository';
import { EmbeddingService } from '../embeddings/embedding.service';
import { LearnedSimilarityRanker } from '../ranking/learned-similarity-ranker';
import { SimilarityModel } from '../ranking/similarity-model';
import { SimilarityStats } from '../ranking/similarity-stats';
import type { LinkGroup } from '../similar/training-lists';
import { FusionInput, FusionWeights, fitFusionWeights } from './fusion';

/** Held-out lists per refit: enough for two weights, ~30 ms of searching each. */
const MAX_LISTS = 600;

/**
 * Part of SimilarityModel.refit: fits the fusion weights on the held-out split of the links. Each
 * linked question is run as a draft through the ranker's own candidate generation (lexical
 * multi-search + vector store, with the term weights just fitted and the question's stored vector),
 * its linked questions marked positive; then fitFusionWeights. Null without embeddings.
 */
@Injectable()
export class FusionFitter implements OnModuleInit {
  constructor(
    private readonly model: SimilarityModel,
    private readonly ranker: LearnedSimilarityRanker,
    private readonly stats: SimilarityStats,
    private readonly embeddings: EmbeddingService,
    private readonly repository: EmbeddingRepository,
  ) {}

  onModuleInit(): void {
    this.model.useFusionFitter((groups) => this.fit(groups));
  }

  async fit(groups: readonly LinkGroup[]): Promise<{ weights: FusionWeights; lists: number } | null> {
    if (!(await this.embeddings.ready())) return null;
    const stats = await this.stats.current();
    const rank = (id: string): string => createHash('sha256').update(id).digest('hex');
    const chosen = groups
      .filter((g) => stats.textOf(g.questionId) !== undefined)
      .sort((a, b) => (rank(a.questionId) < rank(b.questionId) ? -1 : 1))
      .slice(0, MAX_LISTS);
    const texts = chosen.map((g) => stats.textOf(g.questionId) ?? '');
    const hashes = texts.map((t) => contentHash(embeddingText(t, '')));
    const vectors = await this.repository.find(EMBEDDING_MODEL.id, hashes);
    const missing = [...new Set(hashes.filter((h) => !vectors.has(h)))];
    if (missing.length > 0) {
      const byHash = new Map(texts.map((t, i) => [hashes[i], embeddingText(t, '')]));
      const fresh = await this.embeddings.embed(missing.map((h) => byHash.get(h) ?? ''));
      if (!fresh) return null;
      missing.forEach((h, i) => vectors.set(h, fresh[i]));
    }
    const lists: { candidates: FusionInput[]; positives: ReadonlySet<string> }[] = [];
    for (let i = 0; i < chosen.length; i++) {
      const vector = vectors.get(hashes[i]) ?? null;
      if (!vector) continue;
      // Exact cosines: the refit is offline, and the weights should not learn the bound's error.
      const found = await this.ranker.candidates(texts[i], '', chosen[i].questionId, vector, 'exact');
      if (found) lists.push({ candidates: found.candidates, positives: chosen[i].linkedIds });
    }
    const fit = fitFusionWeights(lists);
    return fit ? { weights: fit.weights, lists: fit.lists } : null;
  }
}
