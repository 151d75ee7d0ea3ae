import { renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('renders Markdown with Chinese text', () => {
    expect(renderMarkdown('## 解决办法\n1. 打开**安全中心**\n2. 人脸验证')).toBe(
      '<h2>解决办法</h2>\n<ol>\n<li>打开<strong>安全中心</strong></li>\n<li>人脸验证</li>\n</ol>\n',
    );
  });

  it('adds rel="nofollow ugc" to links', () => {
    expect(renderMarkdown('[官方说明](https://example.com/help)')).toContain(
      '<a href="https://example.com/help" rel="nofollow ugc noopener" target="_blank">官方说明</a>',
    );
  });

  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[点我](javascript:alert(1))',
    '[点我](JaVaScRiPt:alert(1))',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '<a href="javascript:alert(1)">x</a>',
    '![x](javascript:alert(1))',
    '<svg/onload=alert(1)>',
    '<iframe src="https://evil.example"></iframe>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '[x](vbscript:msgbox(1))',
  ])('neutralises %s', (input) => {
    const html = renderMarkdown(input);
    // Escaped text such as &lt;script&gt; is harmless; real tags and attributes are not.
    expect(html).not.toMatch(/<(script|iframe|svg|div|object|embed)\b/i);
    // Each tag's text (after its `<`), matched from its start: no backtracking over the whole page.
    const tags = html.split('<').slice(1);
    expect(tags.filter((t) => /^[^>]*\son\w+\s*=/i.test(t))).toEqual([]);
    expect(
      tags.filter((t) => /^[^>]*(?:href|src)\s*=\s*(?:"\s*)?(?:javascript|data|vbscript):/i.test(t)),
    ).toEqual([]);
  });
});

describe('images (no tracking pixels)', () => {
  it('turns an external image into a link labelled with its alt text', () => {
    const html = renderMarkdown('截图：![错误提示](https://tracker.example/pixel.gif?u=1)');
    expect(html).not.toMatch(/<img\b/i);
    expect(html).toContain(
      '<a href="https://tracker.example/pixel.gif?u=1" rel="nofollow ugc noopener" target="_blank">图片：错误提示</a>',
    );
  });

  it('labels an image without alt text with its address', () => {
    expect(renderMarkdown('![](https://cdn.example/a.png)')).toContain(
      '>图片：https://cdn.example/a.png</a>',
    );
  });

  it('keeps only the label of an image inside a link (no nested links)', () => {
    const html = renderMarkdown('[![徽章](https://img.example/b.svg)](https://example.com/)');
    expect(html).toBe(
      '<p><a href="https://example.com/" rel="nofollow ugc noopener" target="_blank">图片：徽章</a></p>\n',
    );
  });

  it.each([
    '<img src="https://tracker.example/p.gif">',
    '![x](http://tracker.example/p.gif)',
    '![x](//tracker.example/p.gif)',
    '![x][ref]\n\n[ref]: https://tracker.example/p.gif',
    '<p><img src=https://tracker.example/p.gif></p>',
  ])('never emits an <img> for %s', (input) => {
    expect(renderMarkdown(input)).not.toMatch(/<img\b/i);
  });

  it('drops unsafe image addresses from the link', () => {
    for (const input of [
      '![x](javascript:alert(1))',
      '![x](data:image/gif;base64,R0lGOD)',
      '![x](vbscript:x)',
    ]) {
      const html = renderMarkdown(input);
      expect(html).not.toMatch(/<img\b/i);
      expect(html).not.toMatch(/href="(?:javascript|data|vbscript):/i);
    }
  });
});

describe('linkify', () => {
  it('links bare addresses in an ordinary post', () => {
    expect(renderMarkdown('见 https://example.com/help')).toContain('<a href="https://example.com/help"');
  });

  it('leaves bare addresses as text in a post made of hundreds of them (linkify is the costly step)', () => {
    const html = renderMarkdown('https://a.example/ '.repeat(150) + '[说明](https://example.com/help)');
    expect(html.match(/<a /g)).toHaveLength(1);
    expect(html).toContain('https://a.example/');
  });
});
