// Browser tests for the sfo-check page (tests/e2e). They run Debian's
// Chromium, never a downloaded browser, one test at a time.
import { defineConfig } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

// E2E_PORT lets two checkouts run their tests side by side.
const PORT = Number(process.env.E2E_PORT ?? 8080);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    browserName: 'chromium',
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `python3 scripts/serve.py ${PORT}`,
    url: `http://localhost:${PORT}/`,
    env: { SFO_SERVE_QUIET: '1' },
    reuseExistingServer: !process.env.CI,
    timeout: 20_000,
  },
});
