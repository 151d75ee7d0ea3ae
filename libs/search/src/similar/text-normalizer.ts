/**
 * Text normalisation and tokenisation for duplicate-question detection.
 *
 * Units are the same as the BM25 reference (tools/dupbench/bm25_ref.py): after NFKC + lower-case,
 * a unit is either a run of [a-z0-9] or a single letter (CJK character). Punctuation is dropped.
 * Terms = units (unigrams) + adjacent unit pairs (bigrams). Character terms need no dictionary, so
 * they work for any Chinese domain, and bigrams recover most of the "word" signal.
 */

/** NFKC folds full-width ASCII/digits/punctuation to half-width; lower-case folds Latin. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

// ASCII alnum runs, or any single non-ASCII letter/number (CJK chars are \p{L}).
const UNIT_RE = /[a-z0-9]+|[^\P{L}a-z]|[^\P{N}0-9]/gu;

/** Splits already-normalised text into units. */
export function unitsOf(normalized: string): string[] {
  return normalized.match(UNIT_RE) ?? [];
}

/** Separator used inside a bigram term; never produced by unitsOf. */
export const BIGRAM_JOINER = '\u0001';

export interface Terms {
  units: string[];
  bigrams: string[];
}

export function termsOf(text: string): Terms {
  const units = unitsOf(normalizeText(text));
  const bigrams: string[] = [];
  for (let i = 0; i + 1 < units.length; i++) bigrams.push(units[i] + BIGRAM_JOINER + units[i + 1]);
  return { units, bigrams };
}

export function isBigram(term: string): boolean {
  return term.includes(BIGRAM_JOINER);
}

/**
 * Maps a term to a fixed-length lower-case ASCII token (9 letters) for the `grams` index field.
 * Why: Meilisearch segments Chinese with a dictionary (jieba), so a raw bigram like "花呗" could be
 * split again; a Latin token is indexed as exactly one word. Fixed length + prefixSearch disabled
 * means a token never prefix-matches another one. FNV-1a 32-bit; collisions (~1e-5 for a 100k-term
 * vocabulary) only add a spurious candidate, the re-ranker works on the real terms.
 */
export function termToken(term: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    h ^= term.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  let out = isBigram(term) ? 'b' : 'u';
  for (let i = 0; i < 8; i++) out += String.fromCharCode(97 + ((h >>> (28 - 4 * i)) & 15));
  return out;
}
