import {
  HIGHLIGHT_POST as POST,
  HIGHLIGHT_PRE as PRE,
  escapeHtml,
  hasHighlight,
  renderHighlight,
} from './highlight';

describe('renderHighlight', () => {
  it('wraps matches in <mark> and escapes everything else', () => {
    expect(renderHighlight(`<b>${PRE}花呗${POST}</b> & "x"`)).toBe(
      '&lt;b&gt;<mark>花呗</mark>&lt;/b&gt; &amp; &quot;x&quot;',
    );
  });

  it('never lets user text produce markup, even text that looks like a mark tag', () => {
    expect(renderHighlight('<mark onclick="x">hi</mark>')).toBe(
      '&lt;mark onclick=&quot;x&quot;&gt;hi&lt;/mark&gt;',
    );
  });

  it('balances markers', () => {
    expect(renderHighlight(`${PRE}a${PRE}b`)).toBe('<mark>ab</mark>');
    expect(renderHighlight(`a${POST}b`)).toBe('ab');
  });

  it('detects highlights', () => {
    expect(hasHighlight(`x${PRE}y${POST}`)).toBe(true);
    expect(hasHighlight('xy')).toBe(false);
    expect(hasHighlight(undefined)).toBe(false);
    expect(escapeHtml("'")).toBe('&#39;');
  });
});
