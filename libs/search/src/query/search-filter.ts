import { AppError } from '@app/core';

export interface SearchFilterValues {
  solvedOnly?: boolean | null;
  hasOfficialAnswer?: boolean | null;
  tags?: readonly string[] | null;
  category?: string | null;
}

export const MAX_FILTER_TAGS = 5;
// The forum's tag rule: letters or digits first, then letters, digits, _ + # . or -; 1–32 characters.
const TAG_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}_+#.-]{0,31}$/u;

/**
 * A string literal in Meilisearch filter syntax. Values are also validated before they get here, but
 * quoting never relies on that: backslashes and double quotes are escaped, so a value can never close
 * its literal and add operators of its own.
 */
export function filterLiteral(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Tags as the forum stores them (NFKC, trimmed, lower-case); anything a tag cannot be is BAD_USER_INPUT. */
export function normaliseFilterTags(tags: readonly string[] | null | undefined): string[] {
  if (!tags) return [];
  if (tags.length > MAX_FILTER_TAGS) throw AppError.badInput(`at most ${MAX_FILTER_TAGS} tags`, 'tags');
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.normalize('NFKC').trim().toLowerCase();
    if (!TAG_PATTERN.test(tag)) {
      throw AppError.badInput(`tag "${raw.slice(0, 40)}" is not a valid tag`, 'tags');
    }
    if (!out.includes(tag)) out.push(tag);
  }
  return out;
}

// A category key (categories.key): lower-case letters, digits and _, 2–32, starting with a letter.
const CATEGORY_PATTERN = /^[a-z][a-z0-9_]{1,31}$/;

/** A category key as stored; anything a key cannot be is BAD_USER_INPUT (an unknown key just finds nothing). */
export function normaliseFilterCategory(category: string | null | undefined): string | null {
  if (category === null || category === undefined || category === '') return null;
  const key = category.normalize('NFKC').trim().toLowerCase();
  if (!CATEGORY_PATTERN.test(key)) {
    throw AppError.badInput(`category "${category.slice(0, 40)}" is not a valid category key`, 'category');
  }
  return key;
}

/**
 * Meilisearch filter (an array of expressions, all of which must hold). Closed-as-duplicate threads are
 * always left out; several tags mean "tagged with all of them".
 */
export function buildSearchFilter(values: SearchFilterValues, excludeId?: string): string[] {
  const parts = ['duplicateOf IS NULL', `status != ${filterLiteral('CLOSED')}`];
  if (values.solvedOnly) parts.push('isSolved = true');
  if (values.hasOfficialAnswer) parts.push('hasOfficialAnswer = true');
  for (const tag of normaliseFilterTags(values.tags)) parts.push(`tags = ${filterLiteral(tag)}`);
  const category = normaliseFilterCategory(values.category);
  if (category !== null) parts.push(`category = ${filterLiteral(category)}`);
  if (excludeId !== undefined) parts.push(`id != ${filterLiteral(excludeId)}`);
  return parts;
}
