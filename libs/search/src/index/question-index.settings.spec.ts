import type { Settings } from 'meilisearch';
import { questionIndexSettings, settingsToUpdate } from './question-index.settings';

describe('question index settings', () => {
  const desired = questionIndexSettings({ 账户: ['账号'], 账号: ['账户'] });

  it('searches the title first and handles Chinese on purpose', () => {
    expect(desired.searchableAttributes?.[0]).toBe('title');
    expect(desired.localizedAttributes).toEqual([{ attributePatterns: ['*'], locales: ['cmn'] }]);
    expect(desired.filterableAttributes).toEqual(expect.arrayContaining(['tags', 'isSolved', 'duplicateOf']));
  });

  it('sends nothing when Meilisearch already has the settings (in any order, with extra keys)', () => {
    const current = JSON.parse(JSON.stringify(desired)) as Settings & Record<string, unknown>;
    current.filterableAttributes = [...(desired.filterableAttributes as string[])].reverse();
    current.synonyms = { 账号: ['账户'], 账户: ['账号'] };
    current.typoTolerance = { ...desired.typoTolerance, disableOnWords: [] };
    current.proximityPrecision = 'byAttribute';
    expect(settingsToUpdate(desired, current)).toEqual({});
  });

  it('sends only what differs', () => {
    const current = { ...desired, searchableAttributes: ['body', 'title'], synonyms: {} } as Settings;
    expect(Object.keys(settingsToUpdate(desired, current)).sort()).toEqual([
      'searchableAttributes',
      'synonyms',
    ]);
    expect(Object.keys(settingsToUpdate(desired, {}))).toEqual(Object.keys(desired));
  });
});
