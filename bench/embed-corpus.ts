/**
 * Fills the bench's embedding cache (bench/lib/embedding-cache.ts) for a corpus and its queries
 * ahead of `npm run bench:duplicates`, through the product's EmbeddingService:
 *
 *   npx ts-node -r tsconfig-paths/register --transpile-only bench/embed-corpus.ts --data <dir> --split <name>
 */
import 'reflect-metadata';
import { Metrics, errorStack } from '@app/core';
import { embeddingText } from '@app/search';
import { EmbeddingService } from '@app/search';
import { Presets, SingleBar } from 'cli-progress';
import { parseArgs } from './lib/args';
import { toQuestionDocument } from './lib/corpus-indexer';
import { readCorpus, readQueries } from './lib/dataset';
import { EmbeddingDiskCache } from './lib/embedding-cache';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const corpus = readCorpus(args.data);
  const texts = corpus.map((entry, i) => {
    const d = toQuestionDocument({ id: String(i + 1), entry });
    return embeddingText(d.title, d.body);
  });
  for (const q of readQueries(args.data, args.split)) texts.push(embeddingText(q.text, ''));
  const cache = new EmbeddingDiskCache();
  const settings: Record<string, unknown> = {
    EMBEDDINGS: 'on',
    EMBEDDINGS_POOL_SIZE: Number(process.env.EMBEDDINGS_POOL_SIZE ?? 2),
    EMBEDDINGS_CACHE_SIZE: 0,
    EMBEDDINGS_MODEL_DIR: process.env.EMBEDDINGS_MODEL_DIR,
  };
  const service = new EmbeddingService({ get: (k: string) => settings[k] } as never, new Metrics());
  cache.wrap(service);
  const bar = new SingleBar(
    { format: 'embedding [{bar}] {value}/{total} | {duration_formatted}' },
    Presets.shades_classic,
  );
  bar.start(texts.length, 0);
  const started = Date.now();
  for (let i = 0; i < texts.length; i += 2048) {
    const v = await service.embed(texts.slice(i, i + 2048));
    if (!v) throw new Error(`embeddings unavailable: ${service.status().reason}`);
    bar.update(Math.min(texts.length, i + 2048));
  }
  bar.stop();
  console.log(
    `${texts.length} texts, cache ${cache.size} vectors, ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  await service.onModuleDestroy();
}

main().catch((err: unknown) => {
  console.error(errorStack(err));
  process.exit(1);
});
