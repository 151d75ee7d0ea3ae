import { createHash } from 'node:crypto';
import { similarityText } from '../similar/similarity-text';

/**
 * Characters of a question the model reads: its title and the start of its body (the model's
 * window is 512 tokens, about as many Chinese characters; a duplicate shows in the first lines).
 */
export const EMBEDDING_TEXT_CHARS = 320;

/** What is embedded for a question or a draft (plain-text title and body, as in the index). */
export function embeddingText(title: string, body: string | null | undefined): string {
  return Array.from(similarityText(title, body)).slice(0, EMBEDDING_TEXT_CHARS).join('');
}

/** Stored vectors are keyed by (model id, this hash): unchanged text is never embedded again. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
