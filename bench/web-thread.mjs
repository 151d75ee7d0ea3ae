/* global process, console, fetch, setTimeout, window, document, performance, MutationObserver */
// Thread page timing on the demo data in headless Chromium (npm run bench:web). Starts the built app
// the way the browser tests do (apps/web/e2e/serve.mjs: fresh database seeded with the demo community,
// embedded Meilisearch, removed afterwards), opens a thread with several answers RUNS times in a fresh
// browser context (cold HTTP cache, like a first visit from a search engine) and prints, per run and
// as the median:
//   fcp       first contentful paint
//   answers   every answer's text painted (server-rendered or by the client), the page's content:
//             when all answers are in the DOM, but not before the first contentful paint
//   usable    the client's interactive thread rendered with all answers (buttons work from here)
//   blank     whether the content ever disappeared between the server's HTML and the client's render
// Figures only, nothing asserted. Needs `npm run build` first. Knobs: BROWSER_TEST_PORT (3999),
// CHROMIUM_PATH (/usr/bin/chromium), RUNS (7), THREAD_ID (default: the demo thread with most answers),
// CPU_SLOWDOWN (1: Chromium's CPU throttling factor, 4 approximates a mid-range phone).
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '..');
const port = process.env.BROWSER_TEST_PORT ?? '3999';
const base = `http://127.0.0.1:${port}`;
const runs = Number(process.env.RUNS ?? 7);
const slowdown = Number(process.env.CPU_SLOWDOWN ?? 1);

const server = spawn(process.execPath, ['apps/web/e2e/serve.mjs'], {
  cwd: repo,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, BROWSER_TEST_PORT: port },
});
const serverExit = new Promise((resolve) => server.once('exit', resolve));

async function stop() {
  if (server.exitCode === null) {
    server.kill('SIGTERM');
    await serverExit;
  }
}

async function waitReady() {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error('the app exited while starting');
    try {
      const res = await fetch(`${base}/health/ready`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the app did not become ready in 5 minutes');
}

async function pickThread() {
  if (process.env.THREAD_ID) return process.env.THREAD_ID;
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ questions(first: 50) { edges { node { id answerCount } } } }' }),
  });
  const { data } = await res.json();
  const nodes = data.questions.edges.map((e) => e.node).sort((a, b) => b.answerCount - a.answerCount);
  return nodes[0].id;
}

// Runs in the page before any of its scripts: notes when all answers' text is on screen, whether the
// content went away in between, and when the client's thread (data-answer-id) is complete.
const probe = (expected) => {
  const marks = { answers: null, usable: null, blank: false };
  window.__threadMarks = marks;
  const check = () => {
    const now = performance.now();
    const root = document.getElementById('root');
    if (!root) return;
    const clientAnswers = root.querySelectorAll('[data-answer-id]').length;
    const ssrAnswers = root.querySelectorAll('[data-ssr-answer]').length;
    const painted = Math.max(clientAnswers, ssrAnswers);
    if (painted >= expected && marks.answers === null) marks.answers = now;
    if (marks.answers !== null && painted < expected && marks.usable === null) marks.blank = true;
    if (clientAnswers >= expected && marks.usable === null) marks.usable = now;
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', check);
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};

try {
  await waitReady();
  const id = await pickThread();
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'query($id: ID!) { question(id: $id) { title answerCount } }', variables: { id } }),
  });
  const { title, answerCount } = (await res.json()).data.question;
  console.log(`[bench:web] thread ${id} (${answerCount} answers) "${title}", ${runs} cold runs, CPU slowdown ${slowdown}x`);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  const rows = [];
  for (let i = 0; i < runs + 1; i++) {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    if (slowdown > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
    }
    await page.addInitScript(probe, answerCount);
    await page.goto(`${base}/q/${id}`);
    await page.waitForFunction(() => window.__threadMarks?.usable !== null, null, { timeout: 30_000 });
    const m = await page.evaluate(() => ({
      ...window.__threadMarks,
      fcp: performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime ?? null,
    }));
    // In the DOM is not on screen: nothing is painted before the first contentful paint.
    if (m.answers !== null && m.fcp !== null) m.answers = Math.max(m.answers, m.fcp);
    await context.close();
    if (i === 0) continue; // warm-up: the server's first render of this thread
    rows.push(m);
    console.log(
      `  run ${i}: fcp ${m.fcp?.toFixed(0)} ms, answers painted ${m.answers?.toFixed(0)} ms, usable ${m.usable?.toFixed(0)} ms${m.blank ? ', content blanked in between' : ''}`,
    );
  }
  await browser.close();
  console.log(
    `[bench:web] median: fcp ${median(rows.map((r) => r.fcp)).toFixed(0)} ms, answers painted ${median(rows.map((r) => r.answers)).toFixed(0)} ms, usable ${median(rows.map((r) => r.usable)).toFixed(0)} ms; blanked in ${rows.filter((r) => r.blank).length}/${rows.length} runs (target: content painted ≤ 1500 ms)`,
  );
} catch (err) {
  console.error(`[bench:web] ${err instanceof Error ? err.message : err}`);
  process.exitCode = 1;
} finally {
  await stop();
}
