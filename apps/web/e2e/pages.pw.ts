import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { expectNoHorizontalScroll, screenshot, threads } from './helpers';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 860 };

async function pages(request: Parameters<typeof threads>[0]) {
  const all = await threads(request);
  const thread = all.find((q) => q.answers.edges.some((e) => e.node.isOfficial)) ?? all[0];
  return [
    { name: 'home', url: '/', ready: (p: Page) => p.getByRole('heading', { name: '最新解决的问题' }) },
    { name: 'search', url: '/search?q=' + encodeURIComponent('退款'), ready: (p: Page) => p.getByTestId('search-results') },
    { name: 'ask', url: '/ask', ready: (p: Page) => p.getByRole('textbox', { name: '标题' }) },
    { name: 'thread', url: `/q/${thread.id}`, ready: (p: Page) => p.getByRole('heading', { name: '个回答', exact: false }) },
    { name: 'login', url: '/login', ready: (p: Page) => p.getByRole('textbox', { name: '用户名' }) },
  ];
}

test('no serious or critical accessibility violation; screenshots at phone and desktop size; no horizontal scroll on a phone', async ({ page, request }) => {
  test.setTimeout(240_000); // ten page loads and five axe runs; about two minutes at load 20
  for (const p of await pages(request)) {
    for (const [size, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
      await page.setViewportSize(viewport);
      await page.goto(p.url);
      await expect(p.ready(page)).toBeVisible();
      await page.waitForLoadState('networkidle');
      if (size === 'phone') await expectNoHorizontalScroll(page);
      await screenshot(page, `${p.name}-${size}`);
      if (size === 'desktop') {
        const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(bad.map((v) => `${p.name}: ${v.id} ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
      }
    }
  }
});

test('the thread page answers with server-rendered HTML for clients without JavaScript', async ({ browser, request }) => {
  const all = await threads(request);
  const thread = all.find((q) => q.answers.edges.some((e) => e.node.isOfficial))!;
  const res = await request.get(`/q/${thread.id}`, { headers: { accept: 'text/html' } });
  expect(res.status()).toBe(200);
  const html = await res.text();
  expect(html).toContain(`<link rel="canonical" href="`);
  expect(html).toContain('<meta name="description"');
  expect(html).toContain('官方回答');
  expect(res.headers()['content-security-policy']).toContain("script-src 'self'");

  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const page = await noJs.newPage();
  await page.goto(`/q/${thread.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(thread.title);
  await expect(page.getByRole('heading', { name: /官方回答/ }).first()).toBeVisible();
  await noJs.close();

  const missing = await request.get('/q/99999999', { headers: { accept: 'text/html' } });
  expect(missing.status()).toBe(404);
});

test('the API paths are not shadowed by the client; hashed assets are cached for a year', async ({ request, page }) => {
  const health = await request.get('/health/live');
  expect(health.headers()['content-type']).toContain('application/json');
  const metrics = await request.get('/metrics', { headers: { accept: 'text/html' } });
  expect(metrics.headers()['content-type'] ?? '').not.toContain('text/html');
  await page.goto('/');
  const script = await page.locator('script[type="module"]').first().getAttribute('src');
  const asset = await request.get(script!);
  expect(asset.headers()['cache-control']).toContain('immutable');
  expect((await request.get('/assets/missing-file.js')).status()).toBe(404);
  // The offline explorer (development and tests).
  await page.goto('/graphiql');
  await expect(page.locator('.graphiql-container')).toBeVisible();
});

test('thread page paint time on the demo data (printed, not asserted)', async ({ page, request }) => {
  const all = await threads(request);
  await page.goto(`/q/${all[0].id}`);
  await expect(page.getByRole('heading', { name: '个回答', exact: false })).toBeVisible();
  const timing = await page.evaluate(() => {
    const paint = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { fcp: paint?.startTime ?? null, domContentLoaded: nav.domContentLoadedEventEnd, now: performance.now() };
  });
  console.log(`[thread page] first contentful paint ${timing.fcp?.toFixed(0)} ms, DOMContentLoaded ${timing.domContentLoaded.toFixed(0)} ms, answers rendered by ${timing.now.toFixed(0)} ms`);
  expect(timing.fcp).not.toBeNull();
});
