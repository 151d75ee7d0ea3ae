/**
 * Incrementally maintained corpus statistics for the re-ranker: document count, total term count
 * (for the average document length) and document frequency of every char unigram/bigram.
 *
 * Why keep the indexed text per document: the outbox that feeds Meilisearch delivers "upsert id
 * with this text" / "delete id" events, possibly replayed. Remembering the last text we counted
 * makes upsert and remove idempotent (a replay or an out-of-order duplicate never double-counts),
 * without the caller having to know the previous version. The text is ~1 KB at most per question,
 * so memory is the size of the corpus text; df is rebuilt from it when a snapshot is loaded.
 */
import { termsOf } from './text-normalizer';

export interface TermStatsSnapshot {
  version: 1;
  /** [id, text] of every counted document. */
  docs: Array<[string, string]>;
}

export class TermStats {
  private readonly dfMap = new Map<string, number>();
  private readonly docs = new Map<string, string>();
  private totalLen = 0;

  get docCount(): number {
    return this.docs.size;
  }

  /** Average document length in terms (unigrams + bigrams, with repeats), as BM25 needs it. */
  get avgDocLen(): number {
    return this.docs.size ? this.totalLen / this.docs.size : 1;
  }

  df(term: string): number {
    return this.dfMap.get(term) ?? 0;
  }

  /** Lucene/BM25 idf, always > 0; an unseen term gets the largest value. */
  idf(term: string): number {
    const n = this.docs.size;
    const df = this.df(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  has(id: string): boolean {
    return this.docs.has(id);
  }

  /** The text last counted for a document: lets Meilisearch return ids only (smaller responses). */
  textOf(id: string): string | undefined {
    return this.docs.get(id);
  }

  /** Every counted document as [id, text] (for batch jobs such as the weights refit). */
  entries(): IterableIterator<[string, string]> {
    return this.docs.entries();
  }

  /** Adds or replaces a document. Idempotent for the same (id, text). */
  upsert(id: string, text: string): void {
    const old = this.docs.get(id);
    if (old === text) return;
    if (old !== undefined) this.count(old, -1);
    this.docs.set(id, text);
    this.count(text, +1);
  }

  /** Removes a document; unknown ids are ignored. */
  remove(id: string): void {
    const old = this.docs.get(id);
    if (old === undefined) return;
    this.docs.delete(id);
    this.count(old, -1);
  }

  snapshot(): TermStatsSnapshot {
    return { version: 1, docs: [...this.docs] };
  }

  static fromSnapshot(s: TermStatsSnapshot): TermStats {
    const st = new TermStats();
    for (const [id, text] of s.docs) st.upsert(id, text);
    return st;
  }

  private count(text: string, sign: 1 | -1): void {
    const t = termsOf(text);
    this.totalLen += sign * (t.units.length + t.bigrams.length);
    for (const term of new Set([...t.units, ...t.bigrams])) {
      const v = (this.dfMap.get(term) ?? 0) + sign;
      if (v > 0) this.dfMap.set(term, v);
      else this.dfMap.delete(term);
    }
  }
}
