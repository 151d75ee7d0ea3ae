import { defineConfig, devices } from '@playwright/test';
import path from 'node:path';

// Browser tests against the real API (built app, fresh database with the demo community, embedded
// Meilisearch), driving Debian's Chromium: no browser is downloaded.
const port = Number(process.env.BROWSER_TEST_PORT ?? 3999);
export const ARTEFACTS = path.resolve(__dirname, '../../artefacts/browser');

export default defineConfig({
  testDir: path.resolve(__dirname, 'e2e'),
  testMatch: '*.pw.ts',
  outputDir: path.resolve(ARTEFACTS, 'results'),
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    command: 'node apps/web/e2e/serve.mjs',
    cwd: path.resolve(__dirname, '../..'),
    url: `http://127.0.0.1:${port}/health/ready`,
    timeout: 180_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 30_000 },
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
