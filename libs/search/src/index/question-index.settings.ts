import type { Settings } from 'meilisearch';
import { DICTIONARY, STOP_WORDS } from './search-vocabulary';
import { SynonymMap } from './synonyms';

/** Fields of QuestionDocument that filters use (all filter values are built in query/search-filter.ts). */
export const FILTERABLE_FIELDS = ['id', 'status', 'isSolved', 'hasOfficialAnswer', 'tags', 'category', 'duplicateOf'];

/** The settings of the questions index. Applied at start-up and by the CLI, only where they differ. */
export function questionIndexSettings(synonyms: SynonymMap): Settings {
  return {
    // Order matters (attribute ranking): a hit in the title beats one in the body; answers carry the fix.
    searchableAttributes: ['title', 'tags', 'body', 'officialAnswer', 'acceptedAnswer'],
    filterableAttributes: FILTERABLE_FIELDS,
    sortableAttributes: ['createdAt', 'score', 'answerCount'],
    // Meilisearch's default rules with exactness moved up: the word the user typed ranks above a word
    // only found through a synonym (or a prefix), even when the synonym sits in the title and the word
    // in the tags or the body. Then the number of people with the same problem as a tie-breaker.
    rankingRules: ['words', 'typo', 'exactness', 'proximity', 'attribute', 'sort', 'meTooCount:desc'],
    // Short Chinese text is otherwise often detected as Japanese and segmented badly; Latin script is
    // still segmented as Latin, so English keeps working.
    localizedAttributes: [{ attributePatterns: ['*'], locales: ['cmn'] }],
    stopWords: [...STOP_WORDS],
    dictionary: [...DICTIONARY],
    synonyms,
    // Chinese words out of the segmenter are 1-4 characters, and one wrong character is a different
    // word (转账 vs 转帐 is handled by synonyms, not typos): one typo from 5 characters and two from 9
    // keeps typo tolerance off CJK words while English (repaymnet -> repayment) still works. Numbers are
    // order ids and phone numbers: a typo there finds someone else's; tags are exact labels.
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
      disableOnNumbers: true,
      disableOnAttributes: ['tags'],
    },
    faceting: { maxValuesPerFacet: 100 },
    pagination: { maxTotalHits: 1000 },
  };
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

// Settings whose arrays are sets: Meilisearch may return them in another order.
const UNORDERED = new Set([
  'filterableAttributes',
  'sortableAttributes',
  'stopWords',
  'dictionary',
  'synonyms',
]);

function canonical(value: unknown, unordered: boolean): Json {
  if (Array.isArray(value)) {
    const items = value.map((v) => canonical(v, unordered));
    return unordered ? items.map((v) => JSON.stringify(v)).sort() : items;
  }
  if (value && typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(value).sort()) {
      out[key] = canonical((value as Record<string, unknown>)[key], unordered);
    }
    return out;
  }
  return (value ?? null) as Json;
}

/** True when `current` has every value `desired` asks for (extra keys Meilisearch reports are ignored). */
function covers(desired: Json, current: Json): boolean {
  if (desired && typeof desired === 'object' && !Array.isArray(desired)) {
    if (!current || typeof current !== 'object' || Array.isArray(current)) return false;
    return Object.entries(desired).every(([k, v]) => covers(v, current[k] ?? null));
  }
  return JSON.stringify(desired) === JSON.stringify(current);
}

/** The part of `desired` that differs from `current`: empty when nothing needs to be sent. */
export function settingsToUpdate(desired: Settings, current: Settings): Settings {
  const update: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(desired)) {
    const unordered = UNORDERED.has(key);
    const want = canonical(value, unordered);
    const have = canonical((current as Record<string, unknown>)[key], unordered);
    if (!covers(want, have)) update[key] = value;
  }
  return update as Settings;
}
