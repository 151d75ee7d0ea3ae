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
    expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i);
    expect(html).not.toMatch(/<[^>]+(href|src)\s*=\s*"?\s*(javascript|data|vbscript):/i);
  });
});
