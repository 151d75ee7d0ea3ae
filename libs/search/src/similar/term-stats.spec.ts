import { TermStats } from './term-stats';
import { BIGRAM_JOINER } from './text-normalizer';

const bigram = (a: string, b: string): string => a + BIGRAM_JOINER + b;

describe('TermStats', () => {
  it('counts documents, lengths and document frequencies incrementally', () => {
    const s = new TermStats();
    s.upsert('1', '花呗还款');
    s.upsert('2', '借呗还款');
    expect(s.docCount).toBe(2);
    expect(s.df('还')).toBe(2);
    expect(s.df(bigram('花', '呗'))).toBe(1);
    expect(s.avgDocLen).toBe(7); // 4 units + 3 bigrams each
  });

  it('is idempotent under replays and replaces an edited text', () => {
    const s = new TermStats();
    s.upsert('1', '花呗还款');
    s.upsert('1', '花呗还款'); // outbox replay
    expect(s.df('花')).toBe(1);
    s.upsert('1', '借呗逾期'); // edit
    expect(s.df('花')).toBe(0);
    expect(s.df('借')).toBe(1);
    expect(s.docCount).toBe(1);
    expect(s.textOf('1')).toBe('借呗逾期');
  });

  it('forgets removed documents, and ignores unknown ones', () => {
    const s = new TermStats();
    s.upsert('1', '花呗还款');
    s.upsert('2', '花呗额度');
    s.remove('1');
    s.remove('1');
    s.remove('404');
    expect(s.docCount).toBe(1);
    expect(s.df('花')).toBe(1);
    expect(s.df('还')).toBe(0);
    expect(s.has('1')).toBe(false);
  });

  it('gives rarer terms a higher idf', () => {
    const s = new TermStats();
    ['花呗还款', '花呗额度', '花呗逾期'].forEach((t, i) => s.upsert(String(i), t));
    expect(s.idf('额')).toBeGreaterThan(s.idf('花'));
  });
});
