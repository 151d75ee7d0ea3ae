import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next';
import { searchFilterFromParams, toggleParam, toggleSingleParam } from './search-params';

describe('search URL', () => {
  it('reads the filters', () => {
    expect(searchFilterFromParams(new URLSearchParams('q=x'))).toEqual({});
    expect(searchFilterFromParams(new URLSearchParams('solved=1&official=1&tag=a&tag=b&tag=a'))).toEqual({
      solvedOnly: true,
      hasOfficialAnswer: true,
      tags: ['a', 'b'],
    });
    const many = new URLSearchParams(['a', 'b', 'c', 'd', 'e', 'f'].map((t) => ['tag', t]));
    expect(searchFilterFromParams(many).tags).toHaveLength(5);
  });

  it('reads one category key, ignoring what cannot be a key', () => {
    expect(searchFilterFromParams(new URLSearchParams('category=security&category=other'))).toEqual({
      category: 'security',
    });
    expect(searchFilterFromParams(new URLSearchParams('category=" OR 1'))).toEqual({});
  });

  it('switches the category, and clears it when chosen again', () => {
    const one = toggleSingleParam(new URLSearchParams('q=x&after=abc'), 'category', 'account');
    expect(one.toString()).toBe('q=x&category=account');
    expect(toggleSingleParam(one, 'category', 'other').getAll('category')).toEqual(['other']);
    expect(toggleSingleParam(one, 'category', 'account').get('category')).toBeNull();
  });

  it('toggles a value and restarts paging', () => {
    const on = toggleParam(new URLSearchParams('q=退款&after=abc'), 'solved', '1');
    expect(on.toString()).toBe(`q=${encodeURIComponent('退款')}&solved=1`);
    expect(toggleParam(on, 'solved', '1').get('solved')).toBeNull();
    const two = toggleParam(toggleParam(new URLSearchParams(), 'tag', 'a'), 'tag', 'b');
    expect(two.getAll('tag')).toEqual(['a', 'b']);
    expect(toggleParam(two, 'tag', 'a').getAll('tag')).toEqual(['b']);
  });

  it('only follows next= to paths of this site', () => {
    expect(safeNext('/ask')).toBe('/ask');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});
