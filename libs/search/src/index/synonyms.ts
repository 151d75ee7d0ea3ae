import * as fs from 'node:fs';
import { BUILT_IN_ONE_WAY_SYNONYMS, BUILT_IN_SYNONYM_GROUPS } from './search-vocabulary';

/** Meilisearch's synonym map: word -> words that a query for it also matches. */
export type SynonymMap = Record<string, string[]>;

function normalise(word: string): string {
  return word.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Adds each group as mutual synonyms (every word finds every other). */
export function addGroups(map: SynonymMap, groups: readonly (readonly string[])[]): SynonymMap {
  for (const group of groups) {
    const words = [...new Set(group.map(normalise).filter(Boolean))];
    for (const word of words) addOneWay(map, word, words);
  }
  return map;
}

function addOneWay(map: SynonymMap, word: string, synonyms: readonly string[]): void {
  const set = new Set(map[word] ?? []);
  for (const s of synonyms) if (s !== word) set.add(s);
  if (set.size > 0) map[word] = [...set].sort();
}

/**
 * Parses an operator's synonym file: either a list of groups (`[["账户","账号"], …]`, mutual) or
 * Meilisearch's own map (`{"解封": ["解除限制"]}`, one-way). Throws a readable error on bad content.
 */
export function parseSynonymFile(json: string, source: string): SynonymMap {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (err) {
    throw new Error(`${source}: not valid JSON (${(err as Error).message})`);
  }
  const isWords = (v: unknown): v is string[] =>
    Array.isArray(v) && v.every((w) => typeof w === 'string' && w.trim() !== '' && w.length <= 64);
  const map: SynonymMap = {};
  if (Array.isArray(data)) {
    if (!data.every(isWords)) throw new Error(`${source}: expected a list of lists of words`);
    return addGroups(map, data);
  }
  if (data && typeof data === 'object') {
    for (const [word, synonyms] of Object.entries(data)) {
      if (!isWords(synonyms) || normalise(word) === '')
        throw new Error(`${source}: "${word}" must map to a list of words`);
      addOneWay(map, normalise(word), synonyms.map(normalise));
    }
    return map;
  }
  throw new Error(`${source}: expected a list of word groups or an object of word -> synonyms`);
}

/** The built-in lists (groups and one-way) merged with the operator's file (if any): the file only ever adds. */
export function loadSynonyms(file?: string): SynonymMap {
  const map = addGroups({}, BUILT_IN_SYNONYM_GROUPS);
  for (const [word, synonyms] of Object.entries(BUILT_IN_ONE_WAY_SYNONYMS)) {
    addOneWay(map, normalise(word), synonyms.map(normalise));
  }
  if (!file) return map;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`SEARCH_SYNONYMS_FILE ${file} cannot be read: ${(err as Error).message}`);
  }
  for (const [word, synonyms] of Object.entries(parseSynonymFile(text, file))) addOneWay(map, word, synonyms);
  return map;
}
