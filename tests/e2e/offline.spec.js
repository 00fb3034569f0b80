// Offline use: after one visit the service worker serves the page with the
// network off, it caches nothing of a case, and the single-file bundle is the
// same build as the served page and gives the same results from file://.
import { test, expect } from '@playwright/test';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { openApp, openCase, expectStatus, deadline, QUALIFYING, FLAGGED } from './helpers.js';

const BUNDLE = new URL('../../dist/sfo-check.html', import.meta.url).pathname;

/**
 * Visits the page once, so its worker installs (precaching every file) and
 * takes control, then reloads it with the network off; returns the list the
 * failed requests are collected in.
 */
async function reloadOffline(page, context) {
  await openApp(page);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  const failed = [];
  page.on('requestfailed', (request) => failed.push(request.url()));
  await page.reload();
  await expect(page.locator('html[data-ready="true"]')).toBeAttached({ timeout: 15_000 });
  return failed;
}

test('after the first visit, a reload with the network off still checks a case', async ({ page, context }) => {
  const failed = await reloadOffline(page, context);
  await openCase(page, QUALIFYING);
  await expectStatus(page, 'Qualifies as an SFO');
  await expect(deadline(page, 'D-NOTIFY')).toContainText('Tue 21 May 2024');
  expect(failed).toEqual([]);
  await context.setOffline(false);
});

test('the worker caches only the page’s own files: no store in the browser holds any case text', async ({ page }) => {
  // Strings that appear nowhere but in this run's case.
  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const reference = `Cache probe ref ${run}`;
  const note = `Cache probe note ${run}`;
  await openApp(page);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  await openCase(page, { ...QUALIFYING, reference, rosh: { date: '2023-11-20', overall: 'medium' }, events: [{ type: 'new-relationship', date: '2024-03-02', note }] });
  await expectStatus(page, 'Qualifies as an SFO');
  await expect(page.locator('.app-reference__text')).toHaveText(reference);
  await page.locator('details[data-flag="F-NOT-REASSESSED"] > summary').click();
  await expect(page.locator('details[data-flag="F-NOT-REASSESSED"]')).toContainText(note);
  // Typed as well as opened, and saved as files.
  await page.fill('#events-0-note', `${note} typed`);
  await page.locator('#reference').focus();
  await expect(page.locator('details[data-flag="F-NOT-REASSESSED"]')).toContainText(`${note} typed`);
  await Promise.all([page.waitForEvent('download'), page.click('#save-case')]);
  await Promise.all([page.waitForEvent('download'), page.click('#download-ics')]);

  const stores = await page.evaluate(async () => {
    const text = (buffer) => new TextDecoder('utf-8', { fatal: false }).decode(buffer);
    const cached = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        const body = await response.arrayBuffer();
        cached.push({ cache: name, url: request.url, bytes: body.byteLength, headers: JSON.stringify([...response.headers]), body: text(body) });
      }
    }
    const all = (storage) => Object.keys(storage).map((key) => `${key}=${storage.getItem(key)}`);
    const databases = [];
    for (const { name } of await indexedDB.databases()) {
      const db = await new Promise((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const values = [];
      for (const store of db.objectStoreNames) {
        const rows = await new Promise((resolve) => {
          const get = db.transaction(store).objectStore(store).getAll();
          get.onsuccess = () => resolve(get.result);
        });
        values.push(JSON.stringify(rows));
      }
      db.close();
      databases.push({ name, values });
    }
    return { cached, local: all(localStorage), session: all(sessionStorage), databases };
  });

  // The search reads real bodies: the page's own files are there, whole.
  const urls = stores.cached.map((c) => c.url);
  const origin = `http://localhost:${process.env.E2E_PORT ?? 8080}/`;
  expect(urls).toContain(`${origin}pkg/sfo_check_bg.wasm`);
  expect(urls).toContain(`${origin}index.html`);
  expect(stores.cached.find((c) => c.url.endsWith('/index.html')).body).toContain('Check a Serious Further Offence case');
  expect(stores.cached.find((c) => c.url.endsWith('.wasm')).bytes).toBeGreaterThan(100_000);
  expect(urls.every((url) => url.startsWith(origin))).toBe(true);

  for (const secret of [reference, note, run]) {
    const found = stores.cached.filter((c) => [c.url, c.headers, c.body].some((t) => t.includes(secret))).map((c) => `${c.cache} ${c.url}`);
    expect(found, `"${secret}" in CacheStorage`).toEqual([]);
    expect(stores.local.filter((t) => t.includes(secret)), 'in localStorage').toEqual([]);
    expect(stores.session.filter((t) => t.includes(secret)), 'in sessionStorage').toEqual([]);
    expect(stores.databases.filter((d) => d.name.includes(secret) || d.values.some((v) => v.includes(secret))), 'in IndexedDB').toEqual([]);
  }
  // And nothing at all is kept outside the cache of the page's files.
  expect(stores.local).toEqual([]);
  expect(stores.session).toEqual([]);
  expect(stores.databases).toEqual([]);
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

/** What identifies the build, and the whole rendered result for FLAGGED (every flag open). */
async function buildAndResults(page) {
  await openCase(page, FLAGGED);
  await expectStatus(page, 'Qualifies as an SFO');
  for (const summary of await page.locator('details[data-flag] > summary').all()) await summary.click();
  await expect(page.locator('details[data-flag][open]')).toHaveCount(4);
  return page.evaluate(() => {
    const results = document.getElementById('results-body').cloneNode(true);
    results.querySelector('#produced-at').textContent = ''; // the clock time
    return {
      build: document.documentElement.dataset.build,
      footer: document.getElementById('build-id').textContent,
      engine: document.getElementById('stamp-engine').textContent,
      stampBuild: document.getElementById('stamp-build').textContent,
      results: results.innerText,
      policy: document.getElementById('policy-profile').innerText,
    };
  });
}

test('the single-file bundle opened from file:// is the served page’s build and gives the same results', async ({ page, context }) => {
  expect(existsSync(BUNDLE), 'run `make bundle` first').toBe(true);
  await openApp(page);
  const served = await buildAndResults(page);
  // The build is identified, and the engine module running is that build's.
  expect(served.build).toMatch(/^[0-9a-f]{12}$/);
  expect(served.footer).toMatch(new RegExp(`^Build ${served.build}, engine module [0-9a-f]{12}\\.$`));
  expect(served.stampBuild).toBe(served.footer.slice(0, -1));
  expect(served.engine).toMatch(/^sfo-check \d+\.\d+\.\d+/);
  // The whole result is there: D-NOTIFY, Tue 14 May 2024 + 5 working days, and the flags.
  expect(served.results).toContain('Tue 21 May 2024');
  expect(served.results).toContain('F-MULTI-AGENCY');

  const bundle = await context.newPage();
  const requests = [];
  bundle.on('request', (request) => requests.push(request.url()));
  const errors = [];
  bundle.on('pageerror', (error) => errors.push(error.message));
  bundle.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  await bundle.goto(`file://${BUNDLE}`);
  await expect(bundle.locator('html[data-ready="true"]')).toBeAttached({ timeout: 15_000 });
  const fromFile = await buildAndResults(bundle);

  // A bundle built before the page last changed has another build id; one
  // whose engine or rendering differs gives other results.
  expect(fromFile.build, 'dist/sfo-check.html is stale: run `make bundle`').toBe(served.build);
  expect(fromFile.footer).toBe(served.footer);
  expect(fromFile.engine).toBe(served.engine);
  expect(fromFile.stampBuild).toBe(served.stampBuild);
  expect(fromFile.results).toBe(served.results);
  expect(fromFile.policy).toBe(served.policy);
  expect(errors).toEqual([]);
  // Everything is inside the file: no request leaves it.
  expect(requests.filter((url) => !url.startsWith('file://') && !url.startsWith('data:'))).toEqual([]);
});

test('training works offline: the served page after one visit, and the bundle from file://', async ({ page, context }) => {
  expect(existsSync(BUNDLE), 'run `make bundle` first').toBe(true);
  const scenarios = (await readdir(new URL('../../scenarios/', import.meta.url))).filter((f) => f.endsWith('.json')).length;
  const round = async (p) => {
    await p.locator('#navigation a[data-view="training"]').click();
    await expect(p.locator('#training-library tbody tr')).toHaveCount(scenarios);
    await p.locator('button[data-scenario="notification-due-today"]').click();
    await p.locator('#reveal').click();
    await expect(p.locator('#round-reveal [data-step="D-NOTIFY"]')).toContainText('Due today');
    await expect(p.locator('#round-reveal svg[role="img"]')).toHaveCount(1);
  };

  const failed = await reloadOffline(page, context);
  await round(page);
  expect(failed).toEqual([]);

  const bundle = await context.newPage();
  const requests = [];
  bundle.on('request', (request) => requests.push(request.url()));
  await bundle.goto(`file://${BUNDLE}`);
  await expect(bundle.locator('html[data-ready="true"]')).toBeAttached({ timeout: 15_000 });
  await round(bundle);
  expect(requests.filter((url) => !url.startsWith('file://') && !url.startsWith('data:'))).toEqual([]);
  await context.setOffline(false);
});

test('the caseload works offline: the served page after one visit, and the bundle from file://', async ({ page, context }) => {
  expect(existsSync(BUNDLE), 'run `make bundle` first').toBe(true);
  const csv = {
    name: 'offline.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('reference,today,offence,charged,first_court_appearance\nOFF-1,2024-03-18,murder,2024-03-12,2024-03-14\n'),
  };
  // Thu 14 Mar 2024 + 5 working days: the notification is due Thu 21 Mar 2024.
  const check = async (p) => {
    await p.locator('#navigation a[data-view="caseload"]').click();
    await p.setInputFiles('#caseload-file', csv);
    await expect(p.locator('#caseload-cases tbody tr')).toHaveCount(1);
    await expect(p.locator('#caseload-cases tbody tr')).toContainText('Thu 21 Mar 2024');
  };
  const failed = await reloadOffline(page, context);
  await check(page);
  expect(failed).toEqual([]);

  const bundle = await context.newPage();
  const requests = [];
  const errors = [];
  bundle.on('request', (request) => requests.push(request.url()));
  bundle.on('pageerror', (error) => errors.push(error.message));
  await bundle.goto(`file://${BUNDLE}`);
  await expect(bundle.locator('html[data-ready="true"]')).toBeAttached({ timeout: 15_000 });
  await check(bundle);
  expect(errors).toEqual([]);
  expect(requests.filter((url) => !url.startsWith('file://') && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
  await context.setOffline(false);
});
