import { AppError } from '@app/core';
import { buildSearchFilter, filterLiteral, normaliseFilterCategory, normaliseFilterTags } from './search-filter';

describe('filterLiteral', () => {
  it('escapes quotes and backslashes so a value cannot leave its literal', () => {
    expect(filterLiteral('a" OR id > 0 OR tags = "b')).toBe('"a\\" OR id > 0 OR tags = \\"b"');
    expect(filterLiteral('x\\')).toBe('"x\\\\"');
    expect(filterLiteral('花呗')).toBe('"花呗"');
  });
});

describe('normaliseFilterTags', () => {
  it('normalises like the forum (NFKC, lower case) and removes duplicates', () => {
    expect(normaliseFilterTags([' Huabei ', 'ＨＵＡＢＥＩ', '花呗', 'c++', 'c#'])).toEqual([
      'huabei',
      '花呗',
      'c++',
      'c#',
    ]);
  });

  it.each([['a" OR id > 0 OR tags = "b'], [''], ['has space'], ["quote'"], ['x'.repeat(33)], ['-lead']])(
    'rejects %p with BAD_USER_INPUT',
    (tag) => {
      expect(() => normaliseFilterTags([tag])).toThrow(AppError);
      try {
        normaliseFilterTags([tag]);
      } catch (err) {
        expect((err as AppError).code).toBe('BAD_USER_INPUT');
        expect((err as AppError).details).toEqual({ field: 'tags' });
      }
    },
  );

  it('accepts at most five tags', () => {
    expect(() => normaliseFilterTags(['a', 'b', 'c', 'd', 'e', 'f'])).toThrow('at most 5 tags');
  });
});

describe('normaliseFilterCategory', () => {
  it('accepts category keys (case-folded) and treats empty as no filter', () => {
    expect(normaliseFilterCategory(' Account ')).toBe('account');
    expect(normaliseFilterCategory('other_2')).toBe('other_2');
    expect(normaliseFilterCategory('')).toBeNull();
    expect(normaliseFilterCategory(null)).toBeNull();
  });

  it.each([['a" OR id > 0'], ['账户类'], ['x'], ['1abc'], ['a'.repeat(33)]])('rejects %p with BAD_USER_INPUT', (key) => {
    try {
      normaliseFilterCategory(key);
      throw new Error('accepted');
    } catch (err) {
      expect((err as AppError).code).toBe('BAD_USER_INPUT');
      expect((err as AppError).details).toEqual({ field: 'category' });
    }
  });
});

describe('buildSearchFilter', () => {
  it('adds the category', () => {
    expect(buildSearchFilter({ category: 'security' })).toEqual([
      'duplicateOf IS NULL',
      'status != "CLOSED"',
      'category = "security"',
    ]);
  });


  it('always leaves out closed duplicates', () => {
    expect(buildSearchFilter({})).toEqual(['duplicateOf IS NULL', 'status != "CLOSED"']);
  });

  it('adds solved, official, every tag and the excluded id', () => {
    expect(
      buildSearchFilter({ solvedOnly: true, hasOfficialAnswer: true, tags: ['花呗', 'Refund'] }, '42'),
    ).toEqual([
      'duplicateOf IS NULL',
      'status != "CLOSED"',
      'isSolved = true',
      'hasOfficialAnswer = true',
      'tags = "花呗"',
      'tags = "refund"',
      'id != "42"',
    ]);
  });

  it('treats false like "no filter"', () => {
    expect(buildSearchFilter({ solvedOnly: false, hasOfficialAnswer: false, tags: [] })).toHaveLength(2);
  });
});
