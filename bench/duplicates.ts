/**
 * Duplicate-detection benchmark (issue #4): the project's similarQuestions ranker vs a plain
 * Meilisearch index vs the data set's BM25 reference, on any corpus in the shared retrieval format.
 *
 *   npm run bench:duplicates -- --data <dir> --split <name> [--only-source <split>] [--out <file>] [--sample <n>]
 *
 * 1. A fresh database (qa_forum_bench, migrated) and the project's questions index under a bench
 *    prefix: every corpus entry indexed as a solved question through buildQuestionDocument and
 *    QuestionIndex.write (which also feeds the ranker's term statistics, as the relay does).
 * 2. The TRAIN split's labelled pairs imported as similarity links (source 'import') and the model
 *    refitted by SimilarityModel.refit: the production refit. Links of the evaluated split are never
 *    imported. With --only-source the fit runs on the full corpus (the forum the links come from) and
 *    the restricted corpus is then indexed under its own prefix, loading the stored model, like a
 *    process starting up.
 * 3. Every query through LearnedSimilarityRanker.rank (title = query text, body empty), the class the
 *    API's similarQuestions uses, and through a plain index (default settings, matchingStrategy
 *    frequency, limit 100), one after the other; own doc removed; scored like eval_run.py.
 *    Beside them: `lexical` (the same ranker without the draft vector: lexical candidates and the
 *    learned lexical score) and `embedding` (the vector store's nearest 100, cosine only).
 *
 * Embeddings go through the product's EmbeddingService and QuestionVectors (the index writes), with an
 * on-disk cache keyed by model hash and text hash (bench/lib/embedding-cache.ts): the first full-corpus
 * run embeds ~86k texts (tens of minutes on a loaded 2-core box), later runs none. Latencies of
 * `project` and `embedding` therefore exclude the model's inference for the draft (cached vectors).
 */
import 'reflect-metadata';
import { QuestionIndex } from '@app/search';
import { LearnedSimilarityRanker } from '@app/search';
import { fuse } from '@app/search';
import { EmbeddingService } from '@app/search';
import { embeddingText } from '@app/search';
import { SIMILAR_EMBEDDER } from '@app/search';
import { EmbeddingDiskCache } from './lib/embedding-cache';
import { SimilarityLinksRepository } from '@app/search';
import { SimilarityModel } from '@app/search';
import { SimilarityStats } from '@app/search';
import { INestApplicationContext } from '@nestjs/common';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from './lib/args';
import { benchEnvironment, dropBenchDatabase, openContext } from './lib/bench-context';
import { BenchDoc, indexPlain, indexProject } from './lib/corpus-indexer';
import { BenchQuery, readBm25Reference, readCorpus, readQueries, sampleOf } from './lib/dataset';
import { percentile } from './lib/percentile';
import { scoreRun } from './lib/ranking-metrics';
import { printReport } from './lib/report';
import { errorStack } from '@app/core';

const TRAIN_SPLIT = 'train';
const PLAIN_LIMIT = 100;
const RANK_LIMIT = 100;
const WARM_UP = 30;
const SWEEP_SHARES = [0, 0.05, 0.1, 0.2, 0.4];

function importableLinks(
  dir: string,
  byDocId: Map<string, string>,
): { questionId: string; similarQuestionId: string }[] {
  if (!fs.existsSync(path.join(dir, `queries.${TRAIN_SPLIT}.jsonl`))) return [];
  const links: { questionId: string; similarQuestionId: string }[] = [];
  for (const q of readQueries(dir, TRAIN_SPLIT)) {
    const a = byDocId.get(q.doc_id);
    for (const p of q.positive_ids) {
      const b = byDocId.get(p);
      if (a && b) links.push({ questionId: a, similarQuestionId: b });
    }
  }
  return links;
}

async function fitModel(
  ctx: INestApplicationContext,
  dir: string,
  byDocId: Map<string, string>,
): Promise<void> {
  const links = importableLinks(dir, byDocId);
  const added = await ctx.get(SimilarityLinksRepository).add(links, 'import');
  console.log(`imported ${added} ${TRAIN_SPLIT} links (source import)`);
  const fit = await ctx.get(SimilarityModel).refit();
  // Null: another process on this database held the refit lock; figures would be of an unfitted model.
  if (!fit) throw new Error('refit skipped (lock held by another process on this database)');
  console.log(
    `refit: ${fit.lists} usable lists, ${fit.terms} weighted terms, ${fit.iterations} iterations, ${(fit.ms / 1000).toFixed(1)} s`,
  );
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  benchEnvironment();
  const corpus = readCorpus(args.data);
  // Numeric question ids in corpus order: stable between the full and the restricted corpus.
  const all: BenchDoc[] = corpus.map((entry, i) => ({ id: String(i + 1), entry }));
  const byDocId = new Map(all.map((d) => [d.entry._id, d.id]));
  const byId = new Map(all.map((d) => [d.id, d.entry._id]));
  const evalDocs = args.onlySource ? all.filter((d) => d.entry.sources.includes(args.onlySource ?? '')) : all;
  const queries = sampleOf(readQueries(args.data, args.split), args.sample);
  console.log(`corpus ${evalDocs.length} of ${all.length} entries; ${queries.length} ${args.split} queries`);

  await dropBenchDatabase();
  const contexts: INestApplicationContext[] = [];
  const cache = new EmbeddingDiskCache();
  console.log(`embedding cache: ${cache.size} vectors`);
  const open = async (prefix: string): Promise<INestApplicationContext> => {
    const c = await openContext(prefix);
    // Batches carrying vectors on a loaded machine can take longer than the client's 30 s default.
    c.get(QuestionIndex).taskWaitMs = 15 * 60 * 1000;
    const service = c.get(EmbeddingService);
    cache.wrap(service);
    if (!(await service.ready())) console.log(`embeddings unavailable: ${service.status().reason}`);
    return c;
  };
  try {
    const full = await open('bench_full');
    contexts.push(full);
    let ms = await indexProject(full, all);
    console.log(`indexed ${all.length} questions in ${(ms / 1000).toFixed(1)} s`);
    const rebuilt = await full.get(SimilarityStats).rebuild();
    console.log(
      `term statistics rebuilt from the index (start-up path): ${rebuilt.documents} docs in ${rebuilt.ms} ms`,
    );
    await fitModel(full, args.data, byDocId);

    let ctx = full;
    if (args.onlySource) {
      ctx = await open(`bench_${args.onlySource}`);
      contexts.push(ctx);
      ms = await indexProject(ctx, evalDocs);
      console.log(`indexed ${evalDocs.length} questions in ${(ms / 1000).toFixed(1)} s`);
      await ctx.get(SimilarityModel).loadLatest();
    }
    const index = ctx.get(QuestionIndex);
    const client = await index.client();
    const plainUid = `${index.uid}_plain`;
    ms = await indexPlain(client, plainUid, evalDocs);
    console.log(`plain index: ${evalDocs.length} documents in ${(ms / 1000).toFixed(1)} s`);

    const ranker = ctx.get(LearnedSimilarityRanker);
    // Diagnostic only (never fitted on): the fused order of the same candidates at other lexical
    // shares, to show where the weights the refit learned on train links sit on the evaluated split.
    const sweepRuns = new Map<number, Map<string, string[]>>(SWEEP_SHARES.map((s) => [s, new Map()]));
    let sweepQuery: string | null = null;
    const project = async (q: BenchQuery): Promise<string[]> => {
      // rank() before its cut (same work), keeping the candidates for the sweep.
      const found = await ranker.rankWithFeatures({ title: q.text, body: '' });
      if (sweepQuery !== null && found?.fused) {
        for (const share of SWEEP_SHARES) {
          const ranked = fuse(found.candidates, { lexical: share, cosine: 1 - share });
          sweepRuns.get(share)?.set(
            sweepQuery,
            ranked.slice(0, RANK_LIMIT).map((r) => byId.get(r.id) ?? r.id),
          );
        }
      }
      return (found?.ranked ?? []).slice(0, RANK_LIMIT).map((r) => byId.get(r.id) ?? r.id);
    };
    // The other SIMILAR_LEXICAL_COSINES mode (project uses the configured one).
    const other = ranker.lexicalCosines === 'bound' ? 'exact' : 'bound';
    const projectOther = async (q: BenchQuery): Promise<string[]> => {
      const configured = ranker.lexicalCosines;
      ranker.lexicalCosines = other;
      try {
        return await project(q);
      } finally {
        ranker.lexicalCosines = configured;
      }
    };
    const plain = async (q: BenchQuery): Promise<string[]> =>
      (
        await client
          .index(plainUid)
          .search(q.text, { limit: PLAIN_LIMIT, matchingStrategy: 'frequency', attributesToRetrieve: ['id'] })
      ).hits.map((h) => byId.get(String(h.id)) ?? String(h.id));
    const lexical = async (q: BenchQuery): Promise<string[]> => {
      const found = await ranker.candidates(q.text, '', undefined, false, ranker.lexicalCosines);
      return found ? ranker.order(found.candidates, false).map((r) => byId.get(r.id) ?? r.id) : [];
    };
    const embeddings = ctx.get(EmbeddingService);
    const embedding = async (q: BenchQuery): Promise<string[]> => {
      const vector = await embeddings.embedDraft(embeddingText(q.text, ''));
      if (!vector) return [];
      const { hits } = await client.index(index.similarUid).search(null, {
        vector: Array.from(vector),
        hybrid: { embedder: SIMILAR_EMBEDDER, semanticRatio: 1 },
        limit: RANK_LIMIT,
        attributesToRetrieve: ['id'],
      });
      return hits.map((h) => byId.get(String(h.id)) ?? String(h.id));
    };
    for (const q of queries.slice(0, WARM_UP)) {
      await project(q);
      await plain(q);
      await lexical(q);
      await embedding(q);
      await projectOther(q);
    }

    const runs = {
      project: new Map<string, string[]>(),
      plain: new Map<string, string[]>(),
      lexical: new Map<string, string[]>(),
      embedding: new Map<string, string[]>(),
      project_other: new Map<string, string[]>(),
    };
    const lat = {
      project: [] as number[],
      plain: [] as number[],
      lexical: [] as number[],
      embedding: [] as number[],
      project_other: [] as number[],
    };
    // BENCH_OTHER_COSINES=1: also the other SIMILAR_LEXICAL_COSINES mode (one more ranker call a query).
    const withOther = process.env.BENCH_OTHER_COSINES === '1';
    const rows = [
      ['project', project],
      ['plain', plain],
      ['lexical', lexical],
      ['embedding', embedding],
      ...(withOther ? [['project_other', projectOther] as const] : []),
    ] as const;
    for (const q of queries) {
      sweepQuery = q._id;
      for (const [name, fn] of rows) {
        const t0 = performance.now();
        const ids = await fn(q);
        lat[name].push(performance.now() - t0);
        runs[name].set(
          q._id,
          ids.filter((id) => id !== q.doc_id),
        );
      }
    }

    const tag = args.onlySource ? `.${args.onlySource}-only-corpus` : '';
    const out = args.out ?? path.join('.data/bench', `run.${args.split}${tag}.jsonl`);
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    const write = (file: string, run: Map<string, string[]>): void =>
      fs.writeFileSync(
        file,
        queries
          .map((q) => JSON.stringify({ query_id: q._id, ranked_doc_ids: run.get(q._id) ?? [] }))
          .join('\n') + '\n',
      );
    write(out, runs.project);
    write(out.replace(/(\.jsonl)?$/, '.plain.jsonl'), runs.plain);
    console.log(`run files: ${out} (plain: ${out.replace(/(\.jsonl)?$/, '.plain.jsonl')})`);

    const p = { p50: percentile(lat.project, 50), p95: percentile(lat.project, 95) };
    const b = { p50: percentile(lat.plain, 50), p95: percentile(lat.plain, 95) };
    const round = (x: number): number => Math.round(x * 10) / 10;
    const latencyOf = (xs: number[]): { p50: number; p95: number } => ({
      p50: round(percentile(xs, 50)),
      p95: round(percentile(xs, 95)),
    });
    printReport(
      {
        project: scoreRun(queries, runs.project),
        plain: scoreRun(queries, runs.plain),
        bm25: args.sample ? null : readBm25Reference(args.data, args.split, args.onlySource),
        latency: {
          project: { p50: round(p.p50), p95: round(p.p95) },
          plain: { p50: round(b.p50), p95: round(b.p95) },
          ratio_p50: Math.round((p.p50 / b.p50) * 100) / 100,
          ratio_p95: Math.round((p.p95 / b.p95) * 100) / 100,
        },
        // Beside the contract's keys: project = fused; lexical-only and embedding-only rows.
        lexical: scoreRun(queries, runs.lexical),
        embedding: scoreRun(queries, runs.embedding),
        ...(withOther ? { [`project_${other}_cosines`]: scoreRun(queries, runs.project_other) } : {}),
        latency_rows: {
          lexical: latencyOf(lat.lexical),
          embedding: latencyOf(lat.embedding),
          ...(withOther ? { [`project_${other}_cosines`]: latencyOf(lat.project_other) } : {}),
        },
        ratio_p95_rows: {
          lexical: Math.round((percentile(lat.lexical, 95) / b.p95) * 100) / 100,
          embedding: Math.round((percentile(lat.embedding, 95) / b.p95) * 100) / 100,
        },
        fusion_sweep: Object.fromEntries(
          SWEEP_SHARES.map((share) => {
            const m = scoreRun(queries, sweepRuns.get(share) ?? new Map());
            return [`lexical_${share}`, { 'Hit@10': m['Hit@10'], 'nDCG@10': m['nDCG@10'] }];
          }),
        ),
        fusion: ctx.get(SimilarityModel).fusion(),
        embeddings: ctx.get(EmbeddingService).status(),
      },
      `${args.split} queries (${queries.length}), corpus ${evalDocs.length}${args.onlySource ? ` (--only-source ${args.onlySource})` : ''}`,
    );
  } finally {
    for (const c of contexts.reverse()) await c.close();
  }
}

main().catch((err: unknown) => {
  console.error(errorStack(err));
  process.exit(1);
});
