import {
  caseReference,
  claimActive,
  daysBetween,
  percentile,
  privateSupportNote,
  renderTemplate,
  unknownVariables,
} from './desk.rules';

describe('desk rules', () => {
  it('fills every known variable, any number of times, and leaves other braces alone', () => {
    const out = renderTemplate('{asker} 您好，关于{category}：见 {thread_url}。再次感谢 {asker}。{x}', {
      asker: '小王',
      category: '账户类',
      thread_url: 'https://example.test/q/7',
    });
    expect(out).toBe('小王 您好，关于账户类：见 https://example.test/q/7。再次感谢 小王。{x}');
  });

  it('fills a large body in one pass: values are never re-expanded, near-misses stay, $ patterns stay literal', () => {
    // Built piece by piece with the expected output alongside (no regex), 20 000 pieces (~300 KB).
    const vars = { asker: '{category}$&$1', category: '账户类', thread_url: 'https://example.test/q/7?a=$`' };
    const pieces: [string, string][] = [
      ['{asker}', vars.asker],
      ['{category}', vars.category],
      ['{thread_url}', vars.thread_url],
      ['{{asker}}', `{${vars.asker}}`],
      ['{asker', '{asker'],
      ['asker}', 'asker}'],
      ['{ asker}', '{ asker}'],
      ['{ASKER}', '{ASKER}'],
      ['{thread_url_x}', '{thread_url_x}'],
      ['{'.repeat(40), '{'.repeat(40)],
      ['文字', '文字'],
    ];
    let body = '';
    let expected = '';
    for (let i = 0; i < 20000; i++) {
      const [raw, out] = pieces[(i * 7) % pieces.length];
      // A separator no piece ends or starts with, so neighbours never make a variable together.
      body += `${raw}。`;
      expected += `${out}。`;
    }
    const out = renderTemplate(body, vars);
    const firstDifference = [...expected].findIndex((ch, i) => out[i] !== ch);
    expect({ firstDifference, length: out.length }).toEqual({ firstDifference: -1, length: expected.length });
    expect(unknownVariables(`${'{'.repeat(100000)}x}${'{order}'.repeat(1000)}`)).toEqual(['x', 'order']);
  });

  it('reports unknown variables once each', () => {
    expect(unknownVariables('{asker} {order} {order} {category}')).toEqual(['order']);
  });

  it('computes nearest-rank percentiles', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([30], 90)).toBe(30);
    expect(percentile([10, 40, 20, 30], 50)).toBe(20);
    expect(percentile([10, 40, 20, 30], 90)).toBe(40);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
  });

  it('keeps a claim only within the idle time', () => {
    const t0 = new Date('2026-01-01T00:00:00Z');
    expect(claimActive(t0, new Date('2026-01-01T00:59:59Z'), 60)).toBe(true);
    expect(claimActive(t0, new Date('2026-01-01T01:00:00Z'), 60)).toBe(false);
  });

  it('builds case references from the day and id, and a note without requests for personal data', () => {
    expect(caseReference(new Date('2026-03-04T23:59:00Z'), '42')).toBe('CS20260304000042');
    expect(privateSupportNote('HOTLINE')).toContain('95188');
    expect(privateSupportNote('IN_APP')).toContain('我的客服');
    expect(privateSupportNote('IN_APP')).toContain('请勿');
  });

  it('lists UTC days', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
  });
});
