import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ScoredQuery } from './ranking-metrics';

/** A corpus entry of the shared retrieval format. */
export interface CorpusEntry {
  _id: string;
  title: string;
  text: string;
  sources: string[];
}

export interface BenchQuery extends ScoredQuery {
  text: string;
}

function readJsonl<T>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

export function readCorpus(dir: string): CorpusEntry[] {
  return readJsonl<CorpusEntry>(path.join(dir, 'corpus.jsonl')).map((e) => ({
    ...e,
    title: e.title ?? '',
    sources: e.sources ?? [],
  }));
}

export function readQueries(dir: string, split: string): BenchQuery[] {
  return readJsonl<BenchQuery>(path.join(dir, `queries.${split}.jsonl`));
}

/** Evenly spaced sample (deterministic), or everything. */
export function sampleOf<T>(items: readonly T[], n?: number): T[] {
  if (n === undefined || n >= items.length) return [...items];
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]);
}

/** The BM25 reference figures for a split, when the data set ships them. */
export function readBm25Reference(
  dir: string,
  split: string,
  onlySource?: string,
): Record<string, number> | null {
  const file = path.join(
    dir,
    onlySource ? `bm25_ref.metrics.${onlySource}-only-corpus.json` : 'bm25_ref.metrics.json',
  );
  if (!fs.existsSync(file)) return null;
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    results?: Record<string, Record<string, number>>;
  };
  return json.results?.[split] ?? null;
}
