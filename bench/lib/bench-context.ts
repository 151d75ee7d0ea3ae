import { CoreModule } from '@app/core';
import { QuestionIndex } from '@app/search';
import { MeiliConnection } from '@app/search';
import { LearnedSimilarityRanker } from '@app/search';
import { SimilarityLinksRepository } from '@app/search';
import { SimilarityModel } from '@app/search';
import { SimilarityStats } from '@app/search';
import { FusionFitter } from '@app/search';
import { EmbeddingRepository } from '@app/search';
import { EmbeddingService } from '@app/search';
import { QuestionVectors } from '@app/search';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { dropDatabase } from '@app/core';

/**
 * The production classes of duplicate detection, wired as the API wires them (SearchIndexModule +
 * SearchModule), minus what the benchmark has no use for: the relay (there is no outbox here: the
 * corpus is written through QuestionIndex.write, the call the relay makes) and MySQL hydration of
 * hits (SimilarQuestionsService: a separate layer after the ranker, which is what is measured).
 */
@Module({
  imports: [CoreModule.forRoot({ migrateOutsideProduction: true })],
  providers: [
    MeiliConnection,
    QuestionIndex,
    SimilarityLinksRepository,
    SimilarityStats,
    SimilarityModel,
    LearnedSimilarityRanker,
    EmbeddingService,
    EmbeddingRepository,
    QuestionVectors,
    FusionFitter,
  ],
})
class BenchModule {}

// BENCH_DATABASE: another name lets two bench runs go at once.
export const BENCH_DATABASE = process.env.BENCH_DATABASE ?? 'qa_forum_bench';

/** Environment of the bench processes: own database, own index prefix, embedded Meilisearch data. */
export function benchEnvironment(): void {
  const url = new URL(process.env.DATABASE_URL || 'mysql://root@127.0.0.1:3306/qa_forum');
  url.pathname = `/${BENCH_DATABASE}`;
  process.env.DATABASE_URL = url.toString();
  process.env.NODE_ENV = 'development';
  process.env.MEILI_DATA_DIR = process.env.MEILI_URL
    ? process.env.MEILI_DATA_DIR
    : (process.env.BENCH_MEILI_DATA_DIR ?? '.data/bench');
  process.env.LOG_LEVEL = 'warn';
  process.env.EMBEDDINGS_POOL_SIZE = process.env.EMBEDDINGS_POOL_SIZE ?? '2';
  // A batch of documents with 512-dim vectors is ~10 MB of JSON: more than 5 s on a loaded box.
  process.env.MEILI_TIMEOUT_MS = process.env.MEILI_TIMEOUT_MS ?? '120000';
}

/** A fresh bench database: created and migrated when the first context opens. */
export async function dropBenchDatabase(name: string = BENCH_DATABASE): Promise<void> {
  const url = new URL(process.env.DATABASE_URL ?? '');
  url.pathname = `/${name}`;
  await dropDatabase(url.toString());
}

/** One application context whose questions index is `<prefix>_questions`. */
export function openContext(prefix: string): Promise<INestApplicationContext> {
  process.env.MEILI_INDEX_PREFIX = prefix;
  return NestFactory.createApplicationContext(BenchModule, { logger: ['error', 'warn'] });
}
