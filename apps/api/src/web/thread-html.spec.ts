import { describe as describeText, escapeHtml, renderThreadHtml, SsrQuestion } from './thread-html';
import { threadPreloadTags } from './web-client';

const INDEX = '<html><head><title>社区问答</title></head><body><div id="root"><!--ssr--></div></body></html>';

const question: SsrQuestion = {
  id: '7',
  title: '换手机后登录被限制 <script>',
  body: '新手机登录提示**存在风险**，无法转账。\n\n```\nlog\n```',
  bodyHtml: '<p>新手机登录提示<strong>存在风险</strong></p>',
  isSolved: true,
  tags: ['风控'],
  createdAt: '2026-11-01T08:00:00.000Z',
  author: { displayName: '小王' },
  duplicateOf: null,
  acceptedAnswer: { id: '11', bodyHtml: '<p>做一次人脸验证</p>', isOfficial: false, author: { displayName: '阿华' } },
  officialAnswers: [
    {
      id: '12',
      bodyHtml: '<p>请在安全中心完成身份验证</p>',
      verifiedAt: '2026-11-02T00:00:00.000Z',
      isStale: false,
      author: { displayName: '客服小蚂', officialLabel: '支付宝官方客服' },
      endorsedBy: null,
    },
  ],
};

describe('server-rendered thread HTML', () => {
  it('puts title, description, canonical link, question, official and accepted answers in the page', () => {
    const html = renderThreadHtml(INDEX, question, 'https://forum.example');
    expect(html).toContain('<title>换手机后登录被限制 &#60;script&#62; · 社区问答</title>');
    expect(html).toContain('<link rel="canonical" href="https://forum.example/q/7" />');
    expect(html).toContain('<meta name="description" content="新手机登录提示存在风险，无法转账。 log" />');
    expect(html).toContain('<p>新手机登录提示<strong>存在风险</strong></p>');
    expect(html).toContain('官方回答 · 支付宝官方客服');
    expect(html).toContain('最后核实 2026-11-02');
    expect(html).toContain('提问者采纳的答案');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<!--ssr-->');
  });

  it('renders the other visible answers after the official and accepted ones', () => {
    const node = (id: string, text: string, isHidden = false) => ({
      id,
      bodyHtml: `<p>${text}</p>`,
      isHidden,
      author: { displayName: `作者${id}` },
    });
    const html = renderThreadHtml(
      INDEX,
      {
        ...question,
        answers: {
          edges: [node('12', '请在安全中心'), node('13', '我也是这样解决的'), node('11', '做一次人脸验证'), node('14', '广告', true)].map(
            (n) => ({ node: n }),
          ),
        },
      },
      'http://x',
    );
    expect(html.match(/data-ssr-answer/g)).toHaveLength(3);
    expect(html).toContain('<h2>其他回答</h2><section class="ssr-answer" data-ssr-answer><p>作者13</p>');
    expect(html.match(/请在安全中心/g)).toHaveLength(1);
    expect(html).not.toContain('广告');
  });

  it('points a duplicate to its canonical thread', () => {
    const html = renderThreadHtml(INDEX, { ...question, duplicateOf: { id: '3', title: '原问题' } }, 'http://x');
    expect(html).toContain('<link rel="canonical" href="http://x/q/3" />');
    expect(html).toContain('<a href="/q/3">原问题</a>');
  });

  it('does not repeat an accepted answer that is also official', () => {
    const html = renderThreadHtml(
      INDEX,
      { ...question, acceptedAnswer: { ...question.officialAnswers[0], isOfficial: true } },
      'http://x',
    );
    expect(html).not.toContain('提问者采纳的答案');
  });

  it('escapes text and shortens descriptions', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
    expect([...describeText('很'.repeat(400))]).toHaveLength(160);
  });
});

describe('thread page preloads', () => {
  it('preloads the thread chunk and what it imports beyond the entry', () => {
    const tags = threadPreloadTags({
      'index.html': { file: 'assets/main-a.js', isEntry: true, imports: ['_vendor.js'] },
      '_vendor.js': { file: 'assets/vendor-b.js' },
      '_badges.js': { file: 'assets/badges-c.js', imports: ['_vendor.js'] },
      'src/pages/ThreadPage.tsx': { file: 'assets/ThreadPage-d.js', imports: ['_vendor.js', '_badges.js'] },
      'src/pages/AskPage.tsx': { file: 'assets/AskPage-e.js' },
    });
    expect(tags.split('\n').map((l) => l.trim())).toEqual([
      '<link rel="modulepreload" crossorigin href="/assets/ThreadPage-d.js">',
      '<link rel="modulepreload" crossorigin href="/assets/badges-c.js">',
    ]);
    expect(threadPreloadTags({})).toBe('');
  });
});
