/**
 * What duplicate detection reads of a question, and the `grams` field it searches on.
 *
 * The same function feeds the index document (`grams`), the in-memory TermStats and the re-ranker,
 * so the three can never disagree about a question's text.
 */
import { termsOf, termToken } from './text-normalizer';

/**
 * Body characters that count. A duplicate is recognised by its title and the first lines of its
 * body; the tail of a long post (logs, pasted chats) adds noise to BM25 and memory to TermStats
 * (which keeps every counted text), so it is cut.
 */
export const SIMILARITY_BODY_CHARS = 1000;

export function similarityText(title: string, body: string | null | undefined): string {
  const head = body ? Array.from(body).slice(0, SIMILARITY_BODY_CHARS).join('') : '';
  return title && head ? `${title}\n${head}` : title || head;
}

/** Space-separated hashed tokens of the distinct char unigrams + bigrams of a text (see termToken). */
export function gramsOf(text: string): string {
  const t = termsOf(text);
  return [...new Set([...t.units, ...t.bigrams].map(termToken))].join(' ');
}
