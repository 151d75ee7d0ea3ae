import { Injectable, OnModuleInit } from '@nestjs/common';
import { QuestionIndex } from '../index/question-index';
import { EMBEDDING_MODEL } from './embedding-model';
import { contentHash, embeddingText } from './embedding-text';
import { EmbeddingRepository } from './embedding.repository';
import { EmbeddingService } from './embedding.service';

export interface EmbeddableQuestion {
  id: string;
  title: string;
  body: string;
}

/**
 * The vectors of question documents on their way into the duplicate-detection index. Registered as
 * QuestionIndex's vector source, so every writer of the index (the outbox relay after the write
 * transaction committed, reindex, catch-up) sends `_vectors` with the documents. A vector is read from
 * question_embeddings by (model id, content hash) and only embedded (in the worker pool) when that
 * text was never embedded: a reindex or a Meilisearch rebuild embeds nothing that did not change.
 * With embeddings unusable the documents go without vectors (lexical-only).
 */
@Injectable()
export class QuestionVectors implements OnModuleInit {
  constructor(
    private readonly embeddings: EmbeddingService,
    private readonly repository: EmbeddingRepository,
    private readonly index: QuestionIndex,
  ) {}

  onModuleInit(): void {
    this.index.useVectors((docs) => this.forDocuments(docs));
  }

  /** Vectors by question id (missing when embeddings are unusable). Database errors propagate. */
  async forDocuments(docs: readonly EmbeddableQuestion[]): Promise<Map<string, Float32Array>> {
    const out = new Map<string, Float32Array>();
    if (docs.length === 0 || !this.embeddings.enabled) return out;
    const texts = docs.map((d) => embeddingText(d.title, d.body));
    const hashes = texts.map(contentHash);
    const stored = await this.repository.find(EMBEDDING_MODEL.id, hashes);
    const missing = new Map<string, string>();
    hashes.forEach((h, i) => {
      if (!stored.has(h)) missing.set(h, texts[i]);
    });
    if (missing.size > 0) {
      const fresh = await this.embeddings.embed([...missing.values()]);
      if (fresh) {
        const made = new Map([...missing.keys()].map((h, i) => [h, fresh[i]]));
        await this.repository.save(EMBEDDING_MODEL.id, made);
        for (const [h, v] of made) stored.set(h, v);
      }
    }
    docs.forEach((d, i) => {
      const v = stored.get(hashes[i]);
      if (v) out.set(d.id, v);
    });
    return out;
  }
}
