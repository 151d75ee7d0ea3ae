import { groupBy } from './loader';

describe('groupBy', () => {
  it('groups values by key in row order, keys without rows absent', () => {
    const rows = [
      { q: '1', u: 'a' },
      { q: '2', u: 'b' },
      { q: '1', u: 'c' },
    ];
    const groups = groupBy(
      rows,
      (r) => r.q,
      (r) => r.u,
    );
    expect([...groups.entries()]).toEqual([
      ['1', ['a', 'c']],
      ['2', ['b']],
    ]);
    expect(groups.has('3')).toBe(false);
  });

  it('keeps every value of a large group', () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => ({ q: 'x', u: String(i) }));
    expect(
      groupBy(
        rows,
        (r) => r.q,
        (r) => r.u,
      ).get('x'),
    ).toHaveLength(50_000);
  });
});
