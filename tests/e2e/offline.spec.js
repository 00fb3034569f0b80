// Offline use: after one visit the service worker serves the page with the
// network off, and the single-file bundle checks a case opened from file://.
import { test, expect } from '@playwright/test';
import { existsSync } from 'node:fs';
import { openApp, openCase, expectStatus, deadline, QUALIFYING } from './helpers.js';

const BUNDLE = new URL('../../dist/sfo-check.html', import.meta.url).pathname;

test('after the first visit, a reload with the network off still checks a case', async ({ page, context }) => {
  await openApp(page);
  // The worker installs (precaching every file) and takes control of the page.
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  await context.setOffline(true);
  const failed = [];
  page.on('requestfailed', (request) => failed.push(request.url()));
  await page.reload();
  await expect(page.locator('html[data-ready="true"]')).toBeAttached({ timeout: 15_000 });
  await openCase(page, QUALIFYING);
  await expectStatus(page, 'Qualifies as an SFO');
  await expect(deadline(page, 'D-NOTIFY')).toContainText('Tue 21 May 2024');
  expect(failed).toEqual([]);
  await context.setOffline(false);
});

test('the worker caches only the page’s own files, never case data', async ({ page }) => {
  await openApp(page);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await openCase(page, { ...QUALIFYING, reference: 'Private reference 7731' });
  await expectStatus(page, 'Qualifies as an SFO');
  const cached = await page.evaluate(async () => {
    const urls = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) urls.push(request.url);
    }
    return urls;
  });
  expect(cached).toContain('http://localhost:8080/pkg/sfo_check_bg.wasm');
  expect(cached).toContain('http://localhost:8080/index.html');
  expect(cached.every((url) => url.startsWith('http://localhost:8080/'))).toBe(true);
  expect(cached.some((url) => url.endsWith('.json'))).toBe(false);
});

test('the web app manifest makes the page installable', async ({ page, request }) => {
  await openApp(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const response = await request.get(href);
  expect(response.headers()['content-type']).toContain('application/manifest+json');
  const manifest = await response.json();
  expect(manifest.start_url).toBe('./');
  expect(manifest.display).toBe('standalone');
  const sizes = manifest.icons.map((icon) => icon.sizes);
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of manifest.icons) {
    const image = await request.get(icon.src);
    expect(image.ok()).toBe(true);
  }
});

test('the single-file bundle opened from file:// checks a case', async ({ page }) => {
  expect(existsSync(BUNDLE), 'run `make bundle` first').toBe(true);
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  await page.goto(`file://${BUNDLE}`);
  await expect(page.locator('html[data-ready="true"]')).toBeAttached({ timeout: 15_000 });
  await openCase(page, QUALIFYING);
  await expectStatus(page, 'Qualifies as an SFO');
  await expect(deadline(page, 'D-NOTIFY')).toContainText('Tue 21 May 2024');
  expect(errors).toEqual([]);
  // Everything is inside the file: no request leaves it.
  expect(requests.filter((url) => !url.startsWith('file://') && !url.startsWith('data:'))).toEqual([]);
});
